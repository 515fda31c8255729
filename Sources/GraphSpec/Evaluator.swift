import Autodiff
import Diagnostics

/// Runs a spec: builds its graph statement by statement, computes values and
/// gradients, and judges every check.
///
/// A statement that fails records its diagnostic and the rest go on; names it
/// would have defined are marked failed, so later statements that use them
/// are skipped quietly instead of repeating the error.
public struct Evaluator {
    let source: Source
    var result: Evaluation
    var bindings: [String: Binding] = [:]
    var failed: Set<String> = []
    /// Names whose assignment did not parse (found before running).
    var unparsed: Set<String> = []
    /// Where each name is defined, for "used before it is defined" (found before running).
    var definitions: [String: Int] = [:]
    /// The name gradients are taken from, when the spec says (`backward f`) or implies it.
    var outputName: String?
    /// Names used as labels; their inputs take no gradient.
    var labelNames: Set<String> = []
    var gradientsFresh = false
    var makingAuxiliary = false
    var ranges: [Int: Range<Int>] = [:]
    /// How much the spec may take.
    var limits = Limits()
    /// When the spec must stop: `limits.seconds` after it started.
    var deadline = ContinuousClock.now

    /// A name's node and where it was defined.
    struct Binding {
        let node: Node
        let range: Range<Int>
        let isData: Bool
    }

    /// Parses and runs `source` within `limits`.
    public static func evaluate(_ source: Source, limits: Limits = Limits()) -> Evaluation {
        let (statements, syntaxErrors) = Parser.parse(source, depth: limits.depth)
        var evaluator = Evaluator(source: source, result: Evaluation(graph: Graph()))
        evaluator.limits = limits
        evaluator.deadline = .now + .milliseconds(Int(min(limits.seconds, 1e9) * 1000))
        evaluator.result.diagnostics = syntaxErrors
        if statements.isEmpty, syntaxErrors.isEmpty {
            evaluator.result.diagnostics.append(source.diagnostic(Message.emptySpec, at: 0..<0))
            return evaluator.result
        }
        evaluator.survey(statements)
        for statement in statements {
            guard evaluator.inTime(statement) else { break }
            evaluator.run(statement)
        }
        evaluator.finish()
        evaluator.result.diagnostics.sort { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
        return evaluator.result
    }

    /// What must be known before running: where names are defined, which are
    /// labels, and which node is the output.
    private mutating func survey(_ statements: [Statement]) {
        var lastNode: String?
        for statement in statements {
            switch statement {
            case .assign(let names, let value, _):
                for name in names where definitions[name.text] == nil { definitions[name.text] = name.range.lowerBound }
                if value.mentionsNames, names.count == 1 { lastNode = names[0].text }
                labelNames.formUnion(value.labelNames)
            case .unparsed(let names, let mentionsNames, _):
                for name in names where definitions[name.text] == nil { definitions[name.text] = name.range.lowerBound }
                unparsed.formUnion(names.map(\.text))
                if mentionsNames, names.count == 1 { lastNode = names[0].text }
            case .backward(let name, _):
                outputName = name?.text ?? lastNode
            case .expect(let expectations, _):
                for e in expectations { labelNames.formUnion(e.target.labelNames) }
            default:
                break
            }
        }
        if outputName == nil { outputName = lastNode }
    }

    /// Runs one statement, recording its diagnostic if it fails.
    private mutating func run(_ statement: Statement) {
        do {
            switch statement {
            case .assign(let names, let value, _): try assign(names, value)
            case .backward(let name, _): try backward(name)
            case .expect(let expectations, _): for e in expectations { try expect(e) }
            case .gradcheck(let names, let samples, let range): try gradcheck(names, samples: samples, range)
            case .minimize(let loss, let over, let with, let steps, let batch, let range):
                try minimize(loss, over: over, with: with, steps: steps, batch: batch, range)
            case .show(let expression, _): try show(expression)
            case .unparsed(let names, _, _): for name in names where bindings[name.text] == nil { failed.insert(name.text) }
            }
        } catch {
            if let diagnostic = error.diagnostic { result.diagnostics.append(diagnostic) }
            if case .assign(let names, _, _) = statement {
                for name in names where bindings[name.text] == nil { failed.insert(name.text) }
            }
        }
    }

    /// `backward name`: the output is chosen before running, in `survey`; here
    /// only a name that is defined nowhere is reported.
    private func backward(_ name: Name?) throws(EvalError) {
        guard let name, definitions[name.text] == nil else { return }
        throw error(Message.undefined(name.text), at: name.range, hint: Suggestions.hint(for: name.text, in: definitions.keys))
    }

    /// `name = expr`, or `X, y = spiral(…)`.
    private mutating func assign(_ names: [Name], _ expression: Expression) throws(EvalError) {
        for name in names {
            if let earlier = bindings[name.text] {
                throw error(Message.alreadyDefined(name.text, line: source.location(of: earlier.range.lowerBound).line),
                            at: name.range)
            }
        }
        let value = try self.value(of: expression)
        if names.count > 1 {
            guard case .dataset(let set) = value else { throw error(Message.tupleNeedsDataSet(names.count), at: expression.range) }
            guard names.count == 2 else { throw error(Message.unusedTuple(names.count, values: 2), at: expression.range) }
            bind(names[0], to: result.graph.input(set.X, name: names[0].text, needsGradient: false), isData: true)
            bind(names[1], to: result.graph.input(set.y, name: names[1].text, needsGradient: false), isData: true)
            return
        }
        let name = names[0]
        switch value {
        case .constant(let tensor, _):
            let input = result.graph.input(tensor, name: name.text, needsGradient: !labelNames.contains(name.text))
            bind(name, to: input, isData: false)
        case .node(let node):
            if node.name == nil { node.name = name.text }
            bind(name, to: node, isData: false)
        case .dataset:
            throw error(Message.tupleNeedsDataSet(1), at: expression.range)
        }
    }

    private mutating func bind(_ name: Name, to node: Node, isData: Bool) {
        bindings[name.text] = Binding(node: node, range: name.range, isData: isData)
        result.named.append(NamedNode(name: name.text, node: node, location: source.location(of: name.range.lowerBound),
                                      isData: isData))
        result.locations[node.id] = result.locations[node.id] ?? source.location(of: name.range.lowerBound)
        if ranges[node.id] == nil { ranges[node.id] = name.range }
    }

    /// The node bound to `name`, or the error of why there is none.
    func node(named name: String, at range: Range<Int>) throws(EvalError) -> Binding {
        if let binding = bindings[name] { return binding }
        if failed.contains(name) { throw EvalError(diagnostic: nil) }
        if let defined = definitions[name], defined > range.lowerBound {
            throw error(Message.definedLater(name, line: source.location(of: defined).line), at: range)
        }
        throw error(Message.undefined(name), at: range, hint: Suggestions.hint(for: name, in: bindings.keys))
    }

    /// Runs backward from the output, if the gradients are not already those of the current values.
    mutating func ensureGradients(at range: Range<Int>) throws(EvalError) -> Node {
        guard let name = outputName else { throw error(Message.noGradient(), at: range) }
        guard let output = bindings[name]?.node else {
            if outputIsBroken { throw EvalError(diagnostic: nil) }  // reported already
            throw error(Message.gradientBeforeOutput(name), at: range)
        }
        guard output.value.count == 1 else {
            throw error(Message.notScalarOutput(name, shape: Shape.describe(output.shape)), at: range)
        }
        if !gradientsFresh {
            do { try result.graph.backward(from: output) } catch { throw self.error(error, at: range) }
            gradientsFresh = true
        }
        return output
    }

    /// Whether the output's definition failed, did not parse, or is missing
    /// (`backward` named it): then what depends on it is not reported again.
    var outputIsBroken: Bool {
        guard let name = outputName else { return false }
        return failed.contains(name) || unparsed.contains(name) || definitions[name] == nil
    }

    /// The table's gradients: backward once more from the output, if there is a scalar one.
    private mutating func finish() {
        guard let name = outputName, let output = bindings[name]?.node else { return }
        result.output = output
        guard output.value.count == 1 else { return }
        if gradientsFresh || (try? result.graph.backward(from: output)) != nil {
            result.hasGradients = true
        }
    }

    /// An error at `range` of the source.
    func error(_ message: String, at range: Range<Int>, hint: String? = nil) -> EvalError {
        EvalError(diagnostic: source.diagnostic(message, at: range, hint: hint))
    }

    /// The engine's error, placed at the node it names (or at `range`).
    func error(_ error: AutodiffError, at range: Range<Int>) -> EvalError {
        let place = error.node.flatMap { ranges[$0] } ?? range
        return EvalError(diagnostic: source.diagnostic(error.message, at: place))
    }
}

/// Why a statement stopped: a diagnostic, or nil when it only used a name whose definition failed.
struct EvalError: Error {
    let diagnostic: Diagnostic?
}
