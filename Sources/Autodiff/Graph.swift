/// A computational graph: inputs, gates applied to them, and the values and
/// gradients of every node.
///
/// Building is eager, as in micrograd: `apply` computes a node's value at
/// once, so every value can be read while the graph grows. A graph built once
/// can then be run again and again — set new input values, `forward()`,
/// `backward()` — reusing every buffer, as a training loop does.
public final class Graph {
    /// Every node, in the order made; each node's inputs come before it.
    public private(set) var nodes: [Node] = []
    var ancestorsCache: [Int: [Node]] = [:]
    /// How many gates read each node, by id.
    private(set) var consumerCounts: [Int] = []
    private var shapesChanged = false
    /// Zeros of each large size, shared by the gradients no gate has written yet.
    private var unwrittenGradients: [Int: [Double]] = [:]
    /// Every node as a step of flat arrays, while each holds one number and
    /// each gate is a `UnaryGate` or a `BinaryGate` (Graph+ScalarCircuit.swift).
    var scalarCircuit: ScalarCircuit? = ScalarCircuit()
    /// How many nodes no gate reads: when only the last, every node is one of its ancestors.
    private(set) var unreadNodes = 0

    /// An empty graph. Room for 16 nodes is made at once: growing one at a
    /// time, the arrays were four allocations each for the sigmoid neuron.
    public init() {
        nodes.reserveCapacity(16)
        consumerCounts.reserveCapacity(16)
    }

    /// The last node made: the output that backward starts from by default.
    public var output: Node? { nodes.last }

    /// Adds an input (a leaf) holding `value`.
    ///
    /// Pass `needsGradient: false` for data and labels, whose gradient nobody reads.
    @discardableResult
    public func input(_ value: Tensor, name: String? = nil, needsGradient: Bool = true) -> Node {
        let node = Node(id: nodes.count, gate: nil, inputs: [], value: value,
                        needsGradient: needsGradient, graph: self)
        node.name = name
        addToScalarCircuit(node)
        add(node, mayFuse: false)
        return node
    }

    /// The gradient a new node holds before backward writes it: zeros of its
    /// shape. A large one starts as a buffer of zeros shared by every node of
    /// its size (`Tensor` is copy-on-write: a gate's first write makes the
    /// node's own). A graph holds many nodes backward never reaches — a
    /// check's `W1 * 0 + 1` beside the loss, data, labels — and each had a
    /// buffer of its own, megabytes for CIFAR-sized weights, zeroed and never read.
    func unwrittenGradient(_ shape: [Int]) -> Tensor {
        let count = Tensor.count(of: shape)
        // A literal: `Array(repeating:count:)` looked up its storage's type
        // metadata on every call, 650 instructions of the 3,000 a scalar input cost (callgrind).
        if count == 1 { return Tensor(shape: shape, scalars: [0]) }
        guard count >= Node.smallestSharedGradient else { return .zeros(shape) }
        if let zeros = unwrittenGradients[count] { return Tensor(shape: shape, scalars: zeros) }
        let zeros = Tensor.zeros(shape)
        unwrittenGradients[count] = zeros.scalars
        return zeros
    }

    /// Adds a scalar input.
    @discardableResult
    public func input(_ value: Double, name: String? = nil) -> Node {
        input(Tensor(value), name: name)
    }

    /// Adds a node computed by `gate` from `inputs`, and computes its value.
    ///
    /// Throws when the inputs' shapes do not fit the gate, or when the value
    /// is outside the gate's domain or not finite.
    @discardableResult
    public func apply(_ gate: any Gate, _ inputs: [Node], name: String? = nil) throws(AutodiffError) -> Node {
        precondition(inputs.allSatisfy(holds), "a gate's inputs must belong to its graph")
        let needsGradient = inputs.contains { $0.needsGradient }
        let node: Node
        if let scalar = scalarNode(gate, inputs, needsGradient: needsGradient) {
            node = scalar
        } else {
            let shape = try gate.shape(for: inputs.map(\.shape))
            node = Node(id: nodes.count, gate: gate, inputs: inputs, value: .zeros(shape),
                        needsGradient: needsGradient, graph: self)
            try run(node)
            addToScalarCircuit(node)
        }
        node.name = name
        add(node)
        return node
    }

    /// Adds a node just made, counting its readings of its inputs. `mayFuse`
    /// false skips the search for gates forward may run together.
    func add(_ node: Node, mayFuse: Bool = true) {
        nodes.append(node)
        consumerCounts.append(0)
        unreadNodes += 1
        for input in node.inputs {
            if consumerCounts[input.id] == 0 { unreadNodes -= 1 }
            consumerCounts[input.id] += 1
        }
        if mayFuse { markFusion(endingAt: node) }
    }

    /// Whether `node` is one of this graph's: a test that reads no weak reference.
    func holds(_ node: Node) -> Bool {
        node.id < nodes.count && nodes[node.id] === node
    }

    /// Gives an input a new value; the next `forward()` computes with it.
    ///
    /// The shape may change (a minibatch of another size): the next forward
    /// checks and resizes every node that depends on it.
    public func set(_ input: Node, to value: Tensor) {
        precondition(input.isInput && holds(input), "only an input of this graph can be set")
        let reshaped = input.value.shape != value.shape
        input.value = value
        if reshaped {
            shapesChanged = true
            scalarCircuit = nil  // made again by the next forward, if every node is still a scalar
            input.reshapeGradient(zeroed: true)
        }
    }

    /// Recomputes every node's value from the inputs, in order.
    public func forward() throws(AutodiffError) {
        if shapesChanged { try reshape() }
        // At a NaN or ∞ the general path runs again, and throws naming the node.
        if scalarCircuit?.forward(checkingGates: true) == true { return }
        try run(nodes, checked: true, keepingEveryValue: true)
    }

    /// Recomputes only what `output` depends on — all a training step, a
    /// gradient check or a picture needs; other nodes keep their old values.
    ///
    /// With `changed`, only the nodes between that input and `output` are
    /// recomputed: the others cannot have moved. With `checkingEachNode` off,
    /// gates' outputs are not scanned for NaN and ∞ (a pass over memory each):
    /// a training loop checks its loss instead, and runs forward again with
    /// the checks to name the node where a non-finite value first appears.
    ///
    /// With `keepingEveryValue` off as well, a value that no one will read may
    /// be left as it was: inside relu(X·W + b), the product X·W when only the
    /// add gate reads it, and the sum when only the ReLU does (backward reads
    /// neither), are computed entry by entry and never written
    /// (Graph+Fusion.swift). A training step reads the loss alone; `forward()`
    /// afterwards writes every value again.
    public func forward(to output: Node, changed input: Node? = nil, checkingEachNode: Bool = true,
                        keepingEveryValue: Bool = true) throws(AutodiffError) {
        if shapesChanged { try reshape() }
        if input == nil, output === nodes.last, unreadNodes == 1,
           scalarCircuit?.forward(checkingGates: checkingEachNode) == true { return }
        let order = input.map { path(from: $0, to: output) } ?? ancestors(of: output)
        try run(order, checked: checkingEachNode, keepingEveryValue: keepingEveryValue || checkingEachNode)
    }

    /// The nodes that depend on `input` and that `output` depends on, in order, both ends included.
    public func path(from input: Node, to output: Node) -> [Node] {
        guard input.id <= output.id else { return [] }
        var reached = Array(repeating: false, count: output.id + 1)
        reached[input.id] = true
        let between = ancestors(of: output).filter { node in
            if node.inputs.contains(where: { reached[$0.id] }) { reached[node.id] = true }
            return reached[node.id]
        }
        return between
    }

    /// An input that holds NaN or ∞ is reported before any gate reads it.
    private func checkFinite(_ input: Node) throws(AutodiffError) {
        guard let index = input.value.firstNonFinite else { return }
        throw AutodiffError(.nonFinite, "\(input.label) holds \(Tensor.format(input.value.scalars[index])) "
            + "at entry \(input.value.index(ofFlat: index)), which is not a finite number", node: input.id)
    }

    /// Runs the gates of `order` and checks the inputs; relu(X·W + b), and an
    /// add gate with the ReLU that reads it, run as one sweep (Graph+Fusion.swift).
    private func run(_ order: [Node], checked: Bool, keepingEveryValue: Bool) throws(AutodiffError) {
        var index = 0
        while index < order.count {
            let node = order[index]
            if node.isInput {
                try checkFinite(node)
            } else if node.fusion == .layer, index + 2 < order.count,
                      runLayer(node, order[index + 1], order[index + 2], keepingValues: keepingEveryValue) {
                index += 2
                if checked { try check(node); try check(order[index - 1]); try check(order[index]) }
            } else if node.fusion == .addThenReLU, index + 1 < order.count, runFused(node, order[index + 1], keepingSum: keepingEveryValue) {
                index += 1
                if checked { try check(node); try check(order[index]) }
            } else {
                try run(node, checked: checked)
            }
            index += 1
        }
    }

    /// Runs one gate's forward and makes sure its value is finite.
    private func run(_ node: Node, checked: Bool = true) throws(AutodiffError) {
        guard let gate = node.gate else { return }
        do {
            try gate.forward(node.inputs, node)
        } catch {
            throw AutodiffError(error.kind, error.message, node: node.id)
        }
        if checked { try check(node) }
    }

    /// Throws when a gate's value is not finite, naming the entry and why.
    private func check(_ node: Node) throws(AutodiffError) {
        guard let gate = node.gate else { return }
        if !gate.keepsFinite, let index = node.value.firstNonFinite {
            var error = gate.explainNonFinite(node.inputs, at: index)
            error.node = node.id
            if node.value.count > 1 {
                error.message += " (entry \(node.value.index(ofFlat: index)) of \(Shape.describe(node.shape)))"
            }
            throw error
        }
    }

    /// Checks every gate's shapes again after an input changed shape, and resizes.
    private func reshape() throws(AutodiffError) {
        for node in nodes where !node.isInput {
            guard let gate = node.gate else { continue }
            let shape: [Int]
            do { shape = try gate.shape(for: node.inputs.map(\.shape)) } catch {
                throw AutodiffError(error.kind, error.message, node: node.id)
            }
            node.value.resize(to: shape)
            node.reshapeGradient(zeroed: false)
        }
        shapesChanged = false
        scalarCircuit = ScalarCircuit(nodes)
    }
}
