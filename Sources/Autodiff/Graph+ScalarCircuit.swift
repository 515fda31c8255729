/// The lecture's circuits, whose every value is one number, run as flat
/// arrays: a detail of how forward and backward run, which changes no number.
///
/// Node by node, a pass over the sigmoid neuron's 14 nodes went through an
/// existential call per gate, a `receiveGradient` per edge, a scan for NaN and
/// ∞ of every value, and retains and releases around each: 45 % of W1's
/// time was `swift_retain` and `swift_release`. Here each node is a step —
/// an input, or a gate reading one or two earlier steps — over scratch
/// arrays of doubles on the stack, calling the gate's own `forward(a, b)` and
/// `local(a, b, y)` (`BinaryGate`, `UnaryGate`); the values and gradients are
/// written into the nodes. The arithmetic is the general path's, in its
/// order: a gradient starts at −0, which leaves the first contribution added
/// to it unchanged to the bit, as writing it would. W1 built once, forward +
/// backward: 8,700 → 2,800 instructions a pass (callgrind), 0.8–1.0 → 0.17–0.26 µs.
///
/// The graph keeps its circuit while every node holds one number and every
/// gate is one of those two kinds; a NaN or ∞ sends the pass back to the
/// general path, which throws the error naming the node. Backward takes this
/// path from the last node when every node is one of its ancestors
/// (`unreadNodes` is 1), forward when it runs every node. The operators make
/// a scalar node knowing the gate's type (`apply(_:_:_:)` below): no cast, no
/// shape array. With the gates shared (`SharedGates`), building W1 and its
/// backward went from 74,000 to 42,000 instructions; most of the rest is the
/// 54 allocations and frees of its nodes, their values, gradients and inputs.
struct ScalarCircuit {
    /// One node of the circuit: an input, or a gate and the steps it reads.
    ///
    /// The step holds its node and its gate unretained, and calls the gate
    /// through `Kernel`: the graph holds its nodes and each node its gate for
    /// as long as the graph keeps this circuit, and counting references here
    /// was the retains and releases this path is for.
    struct Step {
        enum Kind { case input, unary, binary }
        let kind: Kind
        let node: Unmanaged<Node>
        /// The gate's type's functions, and the gate they are called on; nil for an input.
        let kernel: (any Kernel.Type)?, gate: UnsafeMutableRawPointer?
        /// The steps (node ids) the gate reads.
        let a: Int, b: Int
        /// Whether forward checks the value for NaN and ∞: every input, and
        /// each gate but those that keep finite values finite (`Gate.keepsFinite`).
        let checked: Bool
        let needsGradient: Bool

        /// The step of an input node.
        init(input node: Node) {
            (kind, kernel, gate, a, b, checked) = (.input, nil, nil, 0, 0, true)
            self.node = .passUnretained(node)
            needsGradient = node.needsGradient
        }

        /// The step of `node`, made by `gate` from `inputs`, all of them steps
        /// already; nil for a gate that is not a `UnaryGate` of one input or a
        /// `BinaryGate` of two, or that zeroes its inputs' gradients first.
        init?(_ node: Node, _ gate: any Gate, _ inputs: [Node]) {
            guard let kind = Step.kind(of: gate, inputs.count) else { return nil }
            self.init(node, kind, Step.kernel(gate), gate, inputs[0].id, inputs[inputs.count - 1].id)
        }

        /// The step of `node`, made by `gate`, whose functions `kernel` calls, from steps `a` and `b`.
        init(_ node: Node, _ kind: Kind, _ kernel: any Kernel.Type, _ gate: any Gate, _ a: Int, _ b: Int) {
            (self.kind, self.kernel, self.a, self.b) = (kind, kernel, a, b)
            self.node = .passUnretained(node)
            self.gate = Unmanaged.passUnretained(gate as AnyObject).toOpaque()
            checked = !gate.keepsFinite
            needsGradient = node.needsGradient
        }

        /// How a scalar circuit runs `gate` on `count` inputs; nil when it cannot.
        static func kind(of gate: any Gate, _ count: Int) -> Kind? {
            guard gate.writesFirstGradient else { return nil }
            if count == 2, gate is any BinaryGate { return .binary }
            if count == 1, gate is any UnaryGate { return .unary }
            return nil
        }

        private static func kernel(_ gate: any Gate) -> any Kernel.Type {
            if let gate = gate as? any BinaryGate { return binaryKernel(gate) }
            if let gate = gate as? any UnaryGate { return unaryKernel(gate) }
            preconditionFailure("\(gate.name) has no scalar kernel")
        }
        private static func binaryKernel<G: BinaryGate>(_: G) -> any Kernel.Type { BinaryKernel<G>.self }
        private static func unaryKernel<G: UnaryGate>(_: G) -> any Kernel.Type { UnaryKernel<G>.self }

        /// The gate's value from the values of the steps before it.
        @inline(__always)
        func forward(_ values: UnsafeMutableBufferPointer<Double>) -> Double {
            kernel.unsafelyUnwrapped.forward(gate.unsafelyUnwrapped, values[a], values[b])
        }

        /// The gate's local gradients at the values of the steps it reads and its own, `y`.
        @inline(__always)
        func local(_ values: UnsafeMutableBufferPointer<Double>, _ y: Double) -> (Double, Double) {
            kernel.unsafelyUnwrapped.local(gate.unsafelyUnwrapped, values[a], values[b], y)
        }
    }

    /// A gate type's scalar `forward` and `local`, called on a gate held unretained.
    protocol Kernel {
        /// y = f(a, b), or f(a) for a gate of one input.
        static func forward(_ gate: UnsafeMutableRawPointer, _ a: Double, _ b: Double) -> Double
        /// (∂y/∂a, ∂y/∂b), or (dy/da, 0) for a gate of one input.
        static func local(_ gate: UnsafeMutableRawPointer, _ a: Double, _ b: Double, _ y: Double) -> (Double, Double)
    }

    enum BinaryKernel<G: BinaryGate>: Kernel {
        static func forward(_ gate: UnsafeMutableRawPointer, _ a: Double, _ b: Double) -> Double {
            Unmanaged<G>.fromOpaque(gate)._withUnsafeGuaranteedRef { $0.forward(a, b) }
        }
        static func local(_ gate: UnsafeMutableRawPointer, _ a: Double, _ b: Double, _ y: Double) -> (Double, Double) {
            Unmanaged<G>.fromOpaque(gate)._withUnsafeGuaranteedRef { $0.local(a, b, y) }
        }
    }

    enum UnaryKernel<G: UnaryGate>: Kernel {
        static func forward(_ gate: UnsafeMutableRawPointer, _ a: Double, _: Double) -> Double {
            Unmanaged<G>.fromOpaque(gate)._withUnsafeGuaranteedRef { $0.forward(a) }
        }
        static func local(_ gate: UnsafeMutableRawPointer, _ a: Double, _: Double, _ y: Double) -> (Double, Double) {
            (Unmanaged<G>.fromOpaque(gate)._withUnsafeGuaranteedRef { $0.local(a, y) }, 0)
        }
    }

    /// One step per node of the graph, in order: step i is node i.
    private(set) var steps: [Step] = []

    /// An empty circuit, for an empty graph.
    init() { steps.reserveCapacity(16) }

    /// The circuit of `nodes`, a whole graph; nil when one of them is not a
    /// scalar or its gate has no step.
    init?(_ nodes: [Node]) {
        steps.reserveCapacity(nodes.count)
        for node in nodes {
            guard node.value.count == 1 else { return nil }
            guard let gate = node.gate else { steps.append(Step(input: node)); continue }
            guard let step = Step(node, gate, node.inputs) else { return nil }
            steps.append(step)
        }
    }

    /// Adds the step of the node made next.
    mutating func append(_ step: Step) {
        steps.append(step)
    }

    /// Computes every gate's value into its node; false, having stopped at
    /// it, at the first input or checked gate whose value is not finite.
    /// `checkingGates` false checks the inputs alone, as `Graph.forward(to:)` does.
    func forward(checkingGates: Bool) -> Bool {
        steps.withUnsafeBufferPointer { steps in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: steps.count) { values in
                for i in 0..<steps.count {
                    let step = steps[i]
                    if step.kind == .input {
                        values[i] = step.node._withUnsafeGuaranteedRef { $0.value.scalars[0] }
                        guard values[i].isFinite else { return false }
                        continue
                    }
                    let y = step.forward(values)
                    values[i] = y
                    step.node._withUnsafeGuaranteedRef { $0.value.scalars[0] = y }
                    if checkingGates, step.checked, !y.isFinite { return false }
                }
                return true
            }
        }
    }

    /// Backpropagates `seed` from the last node and writes every gradient
    /// that is needed; false, having written none, when an input's gradient
    /// is not finite. It reads the values the nodes hold now.
    func backward(seed: Double) -> Bool {
        let count = steps.count
        return steps.withUnsafeBufferPointer { steps in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * count) { scratch in
                let values = UnsafeMutableBufferPointer(rebasing: scratch[..<count])
                let gradients = UnsafeMutableBufferPointer(rebasing: scratch[count...])
                for i in 0..<count { values[i] = steps[i].node._withUnsafeGuaranteedRef { $0.value.scalars[0] } }
                // −0 + x is x to the bit for every x, +0 and −0 included.
                gradients.initialize(repeating: -0.0)
                gradients[count - 1] = seed
                for i in stride(from: count - 1, through: 0, by: -1) {
                    let step = steps[i], upstream = gradients[i]
                    switch step.kind {
                    case .input:
                        continue
                    case .unary:
                        let (da, _) = step.local(values, values[i])
                        gradients[step.a] += upstream * da
                    case .binary:
                        let (da, db) = step.local(values, values[i])
                        gradients[step.a] += upstream * da
                        gradients[step.b] += upstream * db
                    }
                }
                // A NaN or ∞ anywhere flows on to the inputs, so checking them finds it.
                for i in 0..<count where steps[i].kind == .input && steps[i].needsGradient {
                    guard gradients[i].isFinite else { return false }
                }
                for i in 0..<count where steps[i].needsGradient {
                    let gradient = gradients[i]
                    steps[i].node._withUnsafeGuaranteedRef { $0.writeScalarGradient(gradient) }
                }
                return true
            }
        }
    }
}

extension Graph {
    /// Backward from `output` on the scalar circuit, when every node is a
    /// scalar and one of the output's ancestors; false, having written no
    /// gradient, otherwise, and at a NaN or ∞: the general path then runs,
    /// and throws naming the gate.
    func backwardThroughScalarCircuit(from output: Node, seed: Tensor?) -> Bool {
        guard output === nodes.last, unreadNodes == 1, output.needsGradient else { return false }
        return scalarCircuit?.backward(seed: seed?.scalars[0] ?? 1) == true
    }

    /// `apply(gate, [a, b])` where the caller knows the gate's type (the
    /// operators): a node of scalars of shape `[]` is made with no cast, no
    /// shape array, no call to the tensor forward. Anything else, and a value
    /// that is not finite, goes to the general `apply`, which throws the error.
    func apply<G: BinaryGate>(_ gate: G, _ a: Node, _ b: Node) throws(AutodiffError) -> Node {
        guard a.value.isScalar, b.value.isScalar, gate.writesFirstGradient, holds(a), holds(b) else {
            return try apply(gate, [a, b])
        }
        let y = gate.forward(a.value.scalars[0], b.value.scalars[0])
        guard y.isFinite || gate.keepsFinite else { return try apply(gate, [a, b]) }
        let node = Node(id: nodes.count, gate: gate, inputs: [a, b], value: Tensor(y),
                        needsGradient: a.needsGradient || b.needsGradient, graph: self)
        scalarCircuit?.append(.init(node, .binary, ScalarCircuit.BinaryKernel<G>.self, gate, a.id, b.id))
        add(node, mayFuse: false)  // only a ReLU ends a fusion
        return node
    }

    /// The same for a gate of one input.
    func apply<G: UnaryGate>(_ gate: G, _ x: Node) throws(AutodiffError) -> Node {
        guard x.value.isScalar, gate.writesFirstGradient, holds(x) else { return try apply(gate, [x]) }
        let y = gate.forward(x.value.scalars[0])
        guard y.isFinite || gate.keepsFinite else { return try apply(gate, [x]) }
        let node = Node(id: nodes.count, gate: gate, inputs: [x], value: Tensor(y), needsGradient: x.needsGradient, graph: self)
        scalarCircuit?.append(.init(node, .unary, ScalarCircuit.UnaryKernel<G>.self, gate, x.id, x.id))
        add(node, mayFuse: G.self == ReLU.self)
        return node
    }

    /// The node of `gate` on inputs of shape `[]`, its value computed by the
    /// gate's own scalar `forward`, its step added to the circuit: `apply`
    /// for a gate of any type (the spec language's), with a cast to find its
    /// scalar functions. Nil, having done nothing, for another gate or shape,
    /// or when the value is not finite (the general path then throws the error).
    func scalarNode(_ gate: any Gate, _ inputs: [Node], needsGradient: Bool) -> Node? {
        guard inputs.allSatisfy({ $0.value.isScalar }), let kind = ScalarCircuit.Step.kind(of: gate, inputs.count) else {
            return nil
        }
        let a = inputs[0].value.scalars[0]
        let y: Double
        switch kind {
        case .binary: y = (gate as? any BinaryGate).unsafelyUnwrapped.forward(a, inputs[1].value.scalars[0])
        default: y = (gate as? any UnaryGate).unsafelyUnwrapped.forward(a)
        }
        guard y.isFinite || gate.keepsFinite else { return nil }
        let node = Node(id: nodes.count, gate: gate, inputs: inputs, value: Tensor(y), needsGradient: needsGradient, graph: self)
        addToScalarCircuit(node)
        return node
    }

    /// Adds the step of `node`, the graph's next, or ends the circuit when the
    /// node is not a scalar or its gate has no step.
    func addToScalarCircuit(_ node: Node) {
        guard scalarCircuit != nil else { return }
        guard node.value.count == 1 else { scalarCircuit = nil; return }
        guard let gate = node.gate else { scalarCircuit?.append(.init(input: node)); return }
        if let step = ScalarCircuit.Step(node, gate, node.inputs) { scalarCircuit?.append(step) } else { scalarCircuit = nil }
    }
}
