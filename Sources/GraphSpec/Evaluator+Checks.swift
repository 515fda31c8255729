import Autodiff

extension Evaluator {
    /// One expectation: `f = -12`, `df/dx = -4`, `q = [0.22, 0.26]`, `L <= 0.3`, `x = 0.1 ± 1e-6`.
    mutating func expect(_ e: Expectation) throws(EvalError) {
        let computed: Tensor
        if let run = e.optimizer {
            computed = try atRun(run) { (me: inout Evaluator) throws(EvalError) -> Tensor in try me.target(e.target) }
        } else {
            computed = try target(e.target)
        }
        let (expected, tolerances) = try figures(e.expected)
        var tolerance: Tolerance?
        if let bound = e.tolerance {
            tolerance = .explicit(abs(try constantNumber(bound, what: "the tolerance after '±'")))
        }
        let expectedText = source.slice(e.expected.range.lowerBound..<e.range.upperBound)
        var passed = expected.count == 1 || expected.shape == computed.shape
        var detail = passed ? "" : "expected shape \(Shape.describe(expected.shape)), computed \(Shape.describe(computed.shape))"
        if passed {
            for i in 0..<computed.count {
                let (c, x) = (computed.scalars[i], expected.scalars[expected.count == 1 ? 0 : i])
                switch e.relation {
                case .equal: passed = passed && (tolerance ?? tolerances[expected.count == 1 ? 0 : i]).accepts(c, x)
                case .atLeast: passed = passed && c >= x
                case .atMost: passed = passed && c <= x
                }
            }
            detail = e.relation == .equal ? (tolerance ?? tolerances[0]).description : e.relation.rawValue
        }
        record(CheckResult(kind: .expect, text: source.slice(e.range), location: source.location(of: e.range.lowerBound),
                           expected: expectedText, computed: computed, passed: passed, detail: detail), at: e.range)
    }

    /// Runs `body` with the parameters at the values the optimizer `name` reached in the
    /// latest `minimize` that ran it (`expect L with sgd <= 0.5`), then puts them back.
    private mutating func atRun(_ name: Name, _ body: (inout Evaluator) throws(EvalError) -> Tensor) throws(EvalError) -> Tensor {
        let runs = result.trainings.reversed()
        guard let run = runs.first(where: { $0.optimizer == name.text })
                ?? runs.first(where: { $0.optimizer.prefix { $0 != "(" } == name.text }) else {
            throw error(Message.noSuchRun(name.text, known: result.trainings.map(\.optimizer)), at: name.range)
        }
        let parameters = run.parameters.compactMap { bindings[$0]?.node }
        let saved = parameters.map(\.value)
        func place(_ values: [Tensor]) {
            for (node, value) in zip(parameters, values) { result.graph.set(node, to: value) }
            _ = try? result.graph.forward()
            gradientsFresh = false
        }
        place(run.final)
        defer { place(saved) }
        return try body(&self)
    }

    /// The value an expectation checks: a gradient `dout/dname`, or any expression.
    mutating func target(_ target: Expression) throws(EvalError) -> Tensor {
        if let (of, wrt) = gradientTarget(target) {
            guard bindings[wrt.text] != nil || failed.contains(wrt.text) || definitions[wrt.text] != nil else {
                throw error(Message.gradientOfNothing(wrt.text), at: wrt.range)
            }
            guard let outputName else { throw error(Message.noGradient(), at: target.range) }
            guard of.text == outputName else {
                if outputIsBroken { throw EvalError(diagnostic: nil) }  // reported already
                throw error(Message.gradientNotOfOutput(of.text, output: outputName), at: of.range)
            }
            let x = try node(named: wrt.text, at: wrt.range).node
            _ = try ensureGradients(at: target.range)
            return x.gradient
        }
        makingAuxiliary = true
        defer { makingAuxiliary = false }
        switch try value(of: target) {
        case .constant(let tensor, _): return tensor
        case .node(let node): return node.value
        case .dataset: throw error(Message.tupleNeedsDataSet(2), at: target.range)
        }
    }

    /// `df/dx` read as a gradient: two names that start with 'd', neither of them defined itself.
    private func gradientTarget(_ target: Expression) -> (Name, Name)? {
        guard case .binary(.divide, .name(let top, let topRange), .name(let bottom, let bottomRange), _, _) = target,
              top.count > 1, bottom.count > 1, top.first == "d", bottom.first == "d",
              bindings[top] == nil, bindings[bottom] == nil, definitions[top] == nil, definitions[bottom] == nil
        else { return nil }
        return (Name(text: String(top.dropFirst()), range: topRange.lowerBound + 1..<topRange.upperBound),
                Name(text: String(bottom.dropFirst()), range: bottomRange.lowerBound + 1..<bottomRange.upperBound))
    }

    /// The expected figures as written, each with the tolerance its writing implies.
    private mutating func figures(_ expression: Expression) throws(EvalError) -> (Tensor, [Tolerance]) {
        var tolerances: [Tolerance] = []
        func walk(_ e: Expression) -> Bool {
            switch e {
            case .number(_, let text, _): tolerances.append(Tolerance(writtenAs: text)); return true
            case .negate(let inner, _): return walk(inner)
            case .list(let items, _): return items.allSatisfy(walk)
            default: return false
            }
        }
        guard walk(expression), case .constant(let tensor, _) = try value(of: expression),
              tensor.count == tolerances.count else {
            throw error(Message.constantExpected("the expected value"), at: expression.range)
        }
        return (tensor, tolerances)
    }

    /// `gradcheck [names] [samples: N]`: analytic against numerical gradients of the output.
    mutating func gradcheck(_ names: [Name], samples: Expression?, _ range: Range<Int>) throws(EvalError) {
        let output = try ensureGradients(at: range)
        var inputs: [Node] = []
        for name in names { inputs.append(try parameter(name, "checked")) }
        if names.isEmpty {
            inputs = result.named.map(\.node).filter { $0.isInput && $0.needsGradient }
        }
        let count = try samples.map { (s) throws(EvalError) in try positiveInteger(s, what: "'samples:'") }
        let check: GradientCheck.Result
        var checker = GradientCheck(samples: count)
        checker.deadline = deadline
        do { check = try checker.run(result.graph, output: output, inputs: inputs) } catch {
            gradientsFresh = false
            guard error.kind == .time else { throw self.error(error, at: range) }
            throw self.error(Message.checkOutOfTime(error.message, seconds: limits.seconds), at: range,
                             hint: "check a sample of the entries (gradcheck samples: 20), or " + Limits.raise("limit-seconds"))
        }
        gradientsFresh = true
        let worst = check.worst
        let detail = worst.map {
            "\(check.entries.count) entries; worst relative error \(Tensor.format($0.relativeError, significant: 2)) at "
                + "\($0.input)\($0.index.isEmpty ? "" : "\($0.index)") (analytic \(Tensor.format($0.analytic)), numerical \(Tensor.format($0.numerical)))"
        } ?? "no entries to check"
        record(CheckResult(kind: .gradcheck, text: source.slice(range), location: source.location(of: range.lowerBound),
                           expected: "relative error < 1e-7", computed: worst.map { Tensor($0.relativeError) },
                           passed: check.passed, detail: detail), at: range)
    }

    /// Keeps a check's result; a failed one is also an error at its line, so the
    /// terminal and GitHub point at every wrong figure.
    private mutating func record(_ check: CheckResult, at range: Range<Int>) {
        result.checks.append(check)
        if !check.passed { result.failures.append(source.diagnostic(Self.failure(check), at: range)) }
    }

    /// "expected df/dx = -3, computed -4", with the tolerance when the figure was rounded; or the gradient check's worst entry.
    static func failure(_ check: CheckResult) -> String {
        switch check.kind {
        case .expect:
            let computed = check.computed.map { $0.description.split(separator: "\n").map { $0.drop { $0 == " " } }
                .joined(separator: " ") } ?? "nothing"
            let rounded = check.detail.hasPrefix("rounded") || check.detail.hasPrefix("±")
            return "expected \(check.text), computed \(computed)" + (rounded ? " (\(check.detail))" : "")
        case .gradcheck:
            return "gradient check failed: \(check.detail)"
        }
    }

    /// The input `name` names, to be trained or checked (`doing`): one defined from numbers, not data or labels.
    func parameter(_ name: Name, _ doing: String) throws(EvalError) -> Node {
        let binding = try node(named: name.text, at: name.range)
        if binding.isData { throw error(Message.dataNotAParameter(name.text, doing), at: name.range) }
        guard binding.node.isInput else { throw error(Message.notAParameter(name.text, doing), at: name.range) }
        guard binding.node.needsGradient else { throw error(Message.labelsNotAParameter(name.text, doing), at: name.range) }
        return binding.node
    }

    /// `show expr`: a value to print on the page.
    mutating func show(_ expression: Expression) throws(EvalError) {
        makingAuxiliary = true
        defer { makingAuxiliary = false }
        var shown = ShownValue(text: source.slice(expression.range), location: source.location(of: expression.range.lowerBound),
                               value: .zeros([]))
        if case .call("plot", let arguments, _, let range) = expression {
            // `show plot(y)` or `show plot(y, x)`: a line of y against x (or against 0, 1, 2, …).
            guard (1...2).contains(arguments.count), arguments.allSatisfy({ $0.label == nil }) else {
                throw error(Message.argumentCount("plot", expected: "one or two arguments", given: arguments.count), at: range)
            }
            shown.value = try tensor(arguments[0].value)
            let x = try arguments.count == 2 ? tensor(arguments[1].value) : Tensor((0..<shown.value.count).map(Double.init))
            guard shown.value.rank == 1, x.shape == shown.value.shape else {
                throw error(Message.plotShapes(Shape.describe(shown.value.shape), Shape.describe(x.shape)), at: range)
            }
            shown.abscissa = x
        } else {
            shown.value = try tensor(expression)
        }
        result.shown.append(shown)
    }

    /// The value of an expression as a tensor (a data set shows its points).
    private mutating func tensor(_ expression: Expression) throws(EvalError) -> Tensor {
        switch try value(of: expression) {
        case .constant(let t, _): return t
        case .node(let node): return node.value
        case .dataset(let set): return set.X
        }
    }
}
