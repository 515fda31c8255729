/// One value of a computational graph: an input, or the output of a gate.
///
/// It keeps what the lecture writes on the edges of a circuit: the forward
/// value and, after backward, the gradient of the output with respect to it.
public final class Node {
    /// The node's position in its graph; nodes are numbered in the order they were made.
    public let id: Int
    /// The gate that computes this node, or nil for an input.
    public let gate: (any Gate)?
    /// The nodes this gate reads, in order.
    public let inputs: [Node]
    /// The name given to the node, if any (`"x"`, `"W1"`).
    public var name: String?
    /// The forward value.
    public internal(set) var value: Tensor
    /// ∂output/∂(this node) after `backward`; zeros before. It has the value's shape.
    public internal(set) var gradient: Tensor
    /// Whether backward computes a gradient for this node; false for data and labels.
    public internal(set) var needsGradient: Bool
    /// True during backward until the first gradient reaches this node: the
    /// buffer still holds the last pass's numbers, and that first gradient is
    /// written over them instead of added to zeros — a pass over memory saved.
    var gradientIsStale = false
    /// True after the node took another node's gradient as its own
    /// (`shareGradient`): the two hold one buffer, and the next backward lets
    /// go of it before the other node writes there, so that write copies nothing.
    private var sharesGradient = false
    /// True while the gradient holds the zeros `clearGradient` left there: a node
    /// that backward does not reach (a check's nodes, beside the loss) is then not
    /// zeroed again on every pass.
    private var holdsZeros = true
    /// Whether forward may run this node's gate together with the next ones (Graph+Fusion.swift).
    var fusion = Fusion.none
    /// Scratch the gate fills in forward and reads in backward (softmax keeps its probabilities here).
    var cache: Tensor = Tensor.zeros([0])
    /// The graph the node belongs to; nil once that graph is gone.
    public private(set) weak var graph: Graph?

    init(id: Int, gate: (any Gate)?, inputs: [Node], value: Tensor, needsGradient: Bool, graph: Graph) {
        self.id = id
        self.gate = gate
        self.inputs = inputs
        self.value = value
        self.gradient = graph.unwrittenGradient(value.shape)
        self.needsGradient = needsGradient
        self.graph = graph
    }

    /// Gives a gate this node's gradient to contribute to: `add` is false for
    /// the first contribution of a backward pass, which may then be written
    /// instead of added. A gate whose contribution does not cover every entry
    /// (a broadcast input) asks for `zeroed` and always adds.
    @inline(__always)
    func receiveGradient(zeroed: Bool = false, _ body: (UnsafeMutableBufferPointer<Double>, _ add: Bool) -> Void) {
        if gradientIsStale && (zeroed || gradient.count != value.count) { zeroGradient() }
        let add = !gradientIsStale
        gradientIsStale = false
        sharesGradient = false
        holdsZeros = false
        gradient.scalars.withUnsafeMutableBufferPointer { body($0, add) }
    }

    /// The same for a scalar: `gradient` += `amount`, or = on the first contribution.
    @inline(__always)
    func receiveGradient(_ amount: Double) {
        if gradient.count != value.count { zeroGradient() }
        if gradientIsStale { gradient.scalars[0] = amount } else { gradient.scalars[0] += amount }
        gradientIsStale = false
        sharesGradient = false
        holdsZeros = false
    }

    /// Writes the whole gradient of a scalar node, which a scalar circuit
    /// computed (Graph+ScalarCircuit.swift), leaving the node as
    /// `receiveGradient` leaves it.
    @inline(__always)
    func writeScalarGradient(_ amount: Double) {
        if gradient.count != 1 { gradient = .zeros(value.shape) }
        gradient.scalars[0] = amount
        gradientIsStale = false
        sharesGradient = false
        holdsZeros = false
    }

    /// Takes the gradient of `output` itself as this node's gradient, without
    /// copying it — what an add gate does, whose local gradient is 1: its
    /// input's gradient *is* its output's. Only for a first contribution of
    /// the node's own shape, and only for a large tensor (a small copy costs
    /// less than the bookkeeping); false otherwise, and the caller adds as usual.
    ///
    /// The two nodes then hold one buffer. `Tensor` is copy-on-write, so a
    /// later write to either copies it first and no value is ever wrong.
    func shareGradient(of output: Node) -> Bool {
        guard gradientIsStale, output.gradient.count >= Node.smallestSharedGradient,
              output.gradient.shape == value.shape else { return false }
        gradient = output.gradient
        gradientIsStale = false
        sharesGradient = true
        holdsZeros = false
        return true
    }

    /// Below this many entries a gradient is copied rather than shared.
    static let smallestSharedGradient = 256

    /// Marks the gradient as the last pass's, at the start of backward; a
    /// shared buffer is let go of, so that its other holder writes it in place.
    func startBackward() {
        gradientIsStale = true
        if sharesGradient {
            gradient = Tensor(shape: [0], scalars: [])
            sharesGradient = false
            holdsZeros = false
        }
    }

    /// Sets the gradient to zeros of the value's shape, for a gate to add into.
    func zeroGradient() {
        if gradient.count == value.count { gradient.fill(0) } else { gradient = .zeros(value.shape) }
        gradientIsStale = false
        holdsZeros = false  // the gate that asked writes there next
    }

    /// Sets the gradient to zeros at the end of a backward that did not reach the
    /// node; nothing to do when it still holds the zeros of the last time.
    func clearGradient() {
        if !holdsZeros || gradient.count != value.count { zeroGradient() }
        gradientIsStale = false
        holdsZeros = true
    }

    /// Ends a backward that went through the node without writing its gradient
    /// (a training step's, Graph+FusedBackward.swift): the buffer keeps its old
    /// numbers, and the next backward writes its first gradient over them.
    func leaveGradient() {
        gradientIsStale = false
        holdsZeros = false
    }

    /// Gives the gradient the value's new shape: zeros, or, not `zeroed`, the
    /// old buffer when its size fits, for the next backward to write over.
    func reshapeGradient(zeroed: Bool) {
        if zeroed { gradient = .zeros(value.shape) } else { gradient.resize(to: value.shape) }
        holdsZeros = zeroed
    }

    /// True for a node that no gate computes.
    public var isInput: Bool { gate == nil }

    /// The shape of the value.
    public var shape: [Int] { value.shape }

    /// A short label for drawings: the name if there is one, else the gate's symbol.
    public var label: String { name ?? gate?.symbol ?? "input \(id)" }

    /// The local gradient ∂(this node)/∂(input i), for a scalar elementwise gate.
    ///
    /// With it a page can print every edge as "upstream × local = downstream".
    /// Nil where the local gradient is not one number (a matrix product, a sum).
    public func localGradient(_ input: Int) -> Double? {
        guard value.isScalar, inputs.allSatisfy({ $0.value.isScalar }),
              let gate = gate as? any ElementwiseGate else { return nil }
        return gate.local(inputs.map { $0.value.scalar }, value.scalar)[input]
    }
}

extension Node: CustomStringConvertible {
    public var description: String { "\(label) = \(value)" }
}
