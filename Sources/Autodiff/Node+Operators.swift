/// Building a graph with the lecture's notation: `let f = try (x + y) * z`.
///
/// Each operator applies one gate in the nodes' graph and returns the new
/// node; shapes that do not fit throw an `AutodiffError`.
extension Node {
    /// Applies `gate` to `inputs` in the graph of the first input.
    static func apply(_ gate: any Gate, _ inputs: [Node]) throws(AutodiffError) -> Node {
        guard let first = inputs.first else {
            throw AutodiffError(.usage, "\(gate.name) needs at least one input")
        }
        guard let graph = first.graph else {
            throw AutodiffError(.usage, "the graph of \(first.label) no longer exists")
        }
        return try graph.apply(gate, inputs)
    }

    /// Applies a binary gate whose type is known here: on scalars, no cast finds its functions.
    static func apply<G: BinaryGate>(_ gate: G, _ a: Node, _ b: Node) throws(AutodiffError) -> Node {
        guard let graph = a.graph else { throw AutodiffError(.usage, "the graph of \(a.label) no longer exists") }
        return try graph.apply(gate, a, b)
    }

    /// Applies a gate of one input whose type is known here.
    static func apply<G: UnaryGate>(_ gate: G, _ x: Node) throws(AutodiffError) -> Node {
        guard let graph = x.graph else { throw AutodiffError(.usage, "the graph of \(x.label) no longer exists") }
        return try graph.apply(gate, x)
    }

    /// A scalar constant in the same graph as `node`, for `x + 1` and `2 * x`.
    static func constant(_ value: Double, like node: Node) throws(AutodiffError) -> Node {
        guard let graph = node.graph else {
            throw AutodiffError(.usage, "the graph of \(node.label) no longer exists")
        }
        return graph.input(Tensor(value), needsGradient: false)
    }

    public static func + (a: Node, b: Node) throws(AutodiffError) -> Node { try apply(SharedGates.add, a, b) }
    public static func - (a: Node, b: Node) throws(AutodiffError) -> Node { try apply(SharedGates.subtract, a, b) }
    public static func * (a: Node, b: Node) throws(AutodiffError) -> Node { try apply(SharedGates.multiply, a, b) }
    public static func / (a: Node, b: Node) throws(AutodiffError) -> Node { try apply(SharedGates.divide, a, b) }
    public static prefix func - (x: Node) throws(AutodiffError) -> Node { try apply(SharedGates.negate, x) }

    public static func + (a: Node, b: Double) throws(AutodiffError) -> Node { try a + constant(b, like: a) }
    public static func + (a: Double, b: Node) throws(AutodiffError) -> Node { try constant(a, like: b) + b }
    public static func - (a: Node, b: Double) throws(AutodiffError) -> Node { try a - constant(b, like: a) }
    public static func - (a: Double, b: Node) throws(AutodiffError) -> Node { try constant(a, like: b) - b }
    public static func * (a: Node, b: Double) throws(AutodiffError) -> Node { try a * constant(b, like: a) }
    public static func * (a: Double, b: Node) throws(AutodiffError) -> Node { try constant(a, like: b) * b }
    public static func / (a: Node, b: Double) throws(AutodiffError) -> Node { try a / constant(b, like: a) }
    public static func / (a: Double, b: Node) throws(AutodiffError) -> Node { try constant(a, like: b) / b }

    /// The transpose.
    public var T: Node { get throws(AutodiffError) { try Node.apply(Transpose(), [self]) } }

    /// xⁿ for a constant n.
    public func pow(_ exponent: Double) throws(AutodiffError) -> Node { try Node.apply(Power(exponent), self) }
}

/// One gate applied to nodes, as a function: `try sigmoid(x)`, `try max(a, b)`.
/// The matrix product A·B (the spec language's `A @ B`).
public func matmul(_ a: Node, _ b: Node) throws(AutodiffError) -> Node { try Node.apply(MatrixProduct(), [a, b]) }
public func exp(_ x: Node) throws(AutodiffError) -> Node { try Node.apply(SharedGates.exp, x) }
public func log(_ x: Node) throws(AutodiffError) -> Node { try Node.apply(SharedGates.log, x) }
public func sqrt(_ x: Node) throws(AutodiffError) -> Node { try Node.apply(SharedGates.sqrt, x) }
public func abs(_ x: Node) throws(AutodiffError) -> Node { try Node.apply(SharedGates.abs, x) }
public func reciprocal(_ x: Node) throws(AutodiffError) -> Node { try Node.apply(SharedGates.reciprocal, x) }
public func max(_ a: Node, _ b: Node) throws(AutodiffError) -> Node { try Node.apply(SharedGates.max, a, b) }
public func min(_ a: Node, _ b: Node) throws(AutodiffError) -> Node { try Node.apply(SharedGates.min, a, b) }
public func sigmoid(_ x: Node) throws(AutodiffError) -> Node { try Node.apply(SharedGates.sigmoid, x) }
public func tanh(_ x: Node) throws(AutodiffError) -> Node { try Node.apply(SharedGates.tanh, x) }
public func relu(_ x: Node) throws(AutodiffError) -> Node { try Node.apply(SharedGates.relu, x) }
public func leakyReLU(_ x: Node, alpha: Double = 0.01) throws(AutodiffError) -> Node {
    try Node.apply(LeakyReLU(alpha: alpha), x)
}
public func elu(_ x: Node, alpha: Double = 1) throws(AutodiffError) -> Node { try Node.apply(ELU(alpha: alpha), x) }
public func maxout(_ pieces: Node...) throws(AutodiffError) -> Node { try Node.apply(Maxout(), pieces) }
public func sum(_ x: Node, axis: Int? = nil, keepDims: Bool = false) throws(AutodiffError) -> Node {
    try Node.apply(Sum(axis: axis, keepDims: keepDims), [x])
}
public func mean(_ x: Node, axis: Int? = nil, keepDims: Bool = false) throws(AutodiffError) -> Node {
    try Node.apply(Mean(axis: axis, keepDims: keepDims), [x])
}
public func softmax(_ x: Node) throws(AutodiffError) -> Node { try Node.apply(Softmax(), [x]) }
public func softmaxLoss(_ scores: Node, _ labels: Node) throws(AutodiffError) -> Node {
    try Node.apply(SoftmaxLoss(), [scores, labels])
}
public func svmLoss(_ scores: Node, _ labels: Node, margin: Double = 1) throws(AutodiffError) -> Node {
    try Node.apply(SVMLoss(margin: margin), [scores, labels])
}
public func l2(_ x: Node) throws(AutodiffError) -> Node { try Node.apply(L2(), [x]) }
public func accuracy(_ scores: Node, _ labels: Node) throws(AutodiffError) -> Node {
    try Node.apply(Accuracy(), [scores, labels])
}

/// One instance of each gate without parameters, which every node of that
/// gate shares: a gate holds no state, and making one per node was an
/// allocation and a free per gate of every graph built.
enum SharedGates {
    static let add = Add(), subtract = Subtract(), multiply = Multiply(), divide = Divide()
    static let negate = Negate(), max = Max(), min = Min()
    static let exp = Exp(), log = Log(), sqrt = Sqrt(), abs = Abs(), reciprocal = Reciprocal()
    static let sigmoid = Sigmoid(), tanh = Tanh(), relu = ReLU()
}
