import Autodiff

/// What an expression evaluates to.
enum Value {
    /// A tensor known without the graph: numbers, lists, constructors, and arithmetic on them.
    case constant(Tensor, text: String)
    /// A node of the graph.
    case node(Node)
    /// A data set, to unpack into `X, y`.
    case dataset(Dataset)
}

extension Evaluator {
    /// Evaluates an expression: constants fold, anything that reads a name becomes nodes.
    mutating func value(of expression: Expression) throws(EvalError) -> Value {
        switch expression {
        case .number(let x, let text, _):
            return .constant(Tensor(x), text: text)
        case .name(let name, let range):
            return .node(try node(named: name, at: range).node)
        case .list(let items, let range):
            return .constant(try list(items, range), text: source.slice(range))
        case .negate(let x, let range):
            return try apply(Negate(), [x], range)
        case .transpose(let x, let range):
            return try apply(Transpose(), [x], range)
        case .binary(let op, let a, let b, _, let range):
            return try binary(op, a, b, range)
        case .call(let name, let arguments, let nameRange, let range):
            return try call(name, arguments, nameRange: nameRange, range: range)
        }
    }

    /// An infix operator; `^` takes a number as its exponent, and `1 / x` is the lecture's 1/x gate.
    private mutating func binary(_ op: BinaryOperator, _ a: Expression, _ b: Expression,
                                 _ range: Range<Int>) throws(EvalError) -> Value {
        switch op {
        case .add: return try apply(Add(), [a, b], range)
        case .subtract: return try apply(Subtract(), [a, b], range)
        case .multiply: return try apply(Multiply(), [a, b], range)
        case .matrixProduct: return try apply(MatrixProduct(), [a, b], range)
        case .divide:
            if case .number(1, _, _) = a { return try apply(Reciprocal(), [b], range) }
            return try apply(Divide(), [a, b], range)
        case .power:
            let exponent = try constantNumber(b, what: "the exponent of '^'")
            return try apply(Power(exponent), [a], range)
        }
    }

    /// Applies `gate` to the values of `operands`: folded when all are constants, else a node.
    ///
    /// An operand that uses a failed name stops the gate quietly, but only after
    /// the other operands are read, so that in `y + bias` an undefined `bias` is
    /// still reported when `y` failed.
    mutating func apply(_ gate: any Gate, _ operands: [Expression], _ range: Range<Int>) throws(EvalError) -> Value {
        var values: [Value] = []
        var quiet: EvalError?
        for operand in operands {
            do throws(EvalError) { values.append(try value(of: operand)) } catch {
                guard error.diagnostic == nil else { throw error }
                quiet = error
            }
        }
        if let quiet { throw quiet }
        return try apply(gate, values, operands: operands, range)
    }

    /// Applies `gate` to values already evaluated from `operands`.
    mutating func apply(_ gate: any Gate, _ values: [Value], operands: [Expression],
                        _ range: Range<Int>) throws(EvalError) -> Value {
        let isConstant = values.allSatisfy { if case .constant = $0 { true } else { false } }
        let graph = isConstant ? Graph() : result.graph
        var inputs: [Node] = []
        for (value, operand) in zip(values, operands) {
            switch value {
            case .node(let node): inputs.append(node)
            case .constant(let tensor, _): inputs.append(graph.input(tensor, needsGradient: false))
            case .dataset: throw error(Message.tupleNeedsDataSet(2), at: operand.range)
            }
        }
        try withinLimits(gate, inputs, range)
        let node: Node
        do { node = try graph.apply(gate, inputs) } catch {
            // A bad label is shown under the labels (the second argument), not the whole call.
            let place = error.kind == .label && operands.count == 2 ? operands[1].range : range
            throw self.error(described(error, operands: operands), at: place)
        }
        if isConstant { return .constant(node.value, text: source.slice(range)) }
        ranges[node.id] = range
        result.locations[node.id] = source.location(of: range.lowerBound)
        if makingAuxiliary { result.auxiliary.insert(node.id) }
        for input in inputs where input.isInput && input.name == nil {
            ranges[input.id] = ranges[input.id] ?? range
            if makingAuxiliary { result.auxiliary.insert(input.id) }
        }
        gradientsFresh = false
        return .node(node)
    }

    /// The engine's message, with a shape error said in the spec's own words: "W is 2×2 and x is 3: …".
    private func described(_ error: AutodiffError, operands: [Expression]) -> String {
        guard error.kind == .shape, let rule = error.rule, error.shapes.count == operands.count else { return error.message }
        let parts = zip(operands, error.shapes).map { "\(source.slice($0.range)) is \(Shape.describe($1))" }
        return parts.joined(separator: " and ") + ": " + rule
    }

    /// A list of numbers: a vector, or a matrix when its items are lists of equal length.
    private mutating func list(_ items: [Expression], _ range: Range<Int>) throws(EvalError) -> Tensor {
        var rows: [Tensor] = []
        for item in items {
            guard case .constant(let tensor, _) = try value(of: item) else {
                throw error(Message.constantExpected("an entry of a list"), at: item.range)
            }
            rows.append(tensor)
        }
        if rows.allSatisfy(\.isScalar) { return Tensor(rows.map(\.scalar)) }
        guard rows.allSatisfy({ $0.rank == 1 }) else { throw error(Message.listTooDeep(), at: range) }
        guard rows.allSatisfy({ $0.count == rows[0].count }) else { throw error(Message.listRagged(), at: range) }
        return Tensor(shape: [rows.count, rows[0].count], scalars: rows.flatMap(\.scalars))
    }

    /// A number written in the spec (or arithmetic on numbers), such as an exponent or a seed.
    mutating func constantNumber(_ expression: Expression, what: String) throws(EvalError) -> Double {
        guard case .constant(let tensor, _) = try value(of: expression), tensor.count == 1 else {
            throw error(Message.constantExpected(what), at: expression.range)
        }
        return tensor.scalars[0]
    }

    /// A whole number ≥ 1 written in the spec, such as a number of steps.
    mutating func positiveInteger(_ expression: Expression, what: String) throws(EvalError) -> Int {
        let x = try constantNumber(expression, what: what)
        guard x >= 1, x == x.rounded(), x < 1e12 else { throw error(Message.positiveInteger(what), at: expression.range) }
        return Int(x)
    }
}
