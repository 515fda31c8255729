extension Graph {
    /// Backpropagation: fills every node's `gradient` with ∂output/∂node.
    ///
    /// The output is seeded with 1 (a non-scalar output needs an explicit
    /// `seed` of its shape, such as ones); then each gate, from the output back
    /// to the inputs, multiplies its upstream gradient by its local gradients
    /// and adds the result into its inputs. Gradients add up where a value
    /// branches. Every call starts again from zero (a node's first gradient is
    /// written over the last call's numbers), so calling backward twice gives
    /// the same gradients, not doubled ones.
    ///
    /// With `keepingEveryGradient` off (a training step reads the parameters'
    /// gradients alone), a matrix product may run its backward and that of the
    /// ReLU before it as one sweep, leaving the gradient between them as it
    /// was (Graph+FusedBackward.swift), or that of the whole hidden layer
    /// relu(X·W1 + b1) before it (Graph+LayerBackward.swift).
    public func backward(from output: Node? = nil, seed: Tensor? = nil,
                         keepingEveryGradient: Bool = true) throws(AutodiffError) {
        guard let output = output ?? self.output else {
            throw AutodiffError(.usage, "an empty graph has nothing to backpropagate")
        }
        precondition(holds(output), "backward from a node of another graph")
        try checkSeed(for: output, seed)
        // A graph of scalars runs as flat arrays instead (Graph+ScalarCircuit.swift).
        if backwardThroughScalarCircuit(from: output, seed: seed) { return }
        // Gradients are reset lazily: a node's first gradient is written over the
        // old numbers, and whatever received none is zeroed at the end (once: it keeps its zeros).
        for node in nodes where node.needsGradient { node.startBackward() }
        let order = output.needsGradient ? ancestors(of: output) : []
        if output.needsGradient { start(output, from: seed) }
        var fused = 0  // how many of the next gates the gate before ran backward for
        for node in order.reversed() {
            guard fused == 0 else { fused -= 1; continue }
            guard let gate = node.gate else { continue }
            if !keepingEveryGradient {
                if backwardThroughLayer(node) { fused = 3; continue }
                if backwardThroughReLU(node) { fused = 1; continue }
            }
            if !gate.writesFirstGradient {
                for input in node.inputs where input.gradientIsStale { input.zeroGradient() }
            }
            gate.backward(node.inputs, node)
        }
        for node in nodes where node.gradientIsStale { node.clearGradient() }
        // A NaN or ∞ anywhere flows on to the inputs, so checking them finds it.
        if order.contains(where: { $0.isInput && $0.needsGradient && $0.gradient.firstNonFinite != nil }) {
            throw locateNonFiniteGradient(order, output: output, seed: seed ?? .ones(output.shape))
        }
    }

    /// Writes the gradient backward starts from into the output: the seed, or 1.
    private func start(_ output: Node, from seed: Tensor?) {
        output.receiveGradient { gradient, _ in
            if let seed {
                seed.scalars.withUnsafeBufferPointer { _ = gradient.update(fromContentsOf: $0) }
            } else {
                gradient.update(repeating: 1)
            }
        }
    }

    /// Checks the gradient backward starts from: 1 for a scalar output, else a given seed of its shape.
    private func checkSeed(for output: Node, _ seed: Tensor?) throws(AutodiffError) {
        if let seed {
            guard seed.shape == output.shape else {
                throw AutodiffError(.shape, "the seed of backward has shape \(Shape.describe(seed.shape)), "
                    + "but \(output.label) has shape \(Shape.describe(output.shape))", node: output.id)
            }
            return
        }
        guard output.value.count == 1 else {
            throw AutodiffError(.usage, "backward from \(output.label), of shape \(Shape.describe(output.shape)), "
                + "needs a seed of that shape (ones, for the gradient of the sum)", node: output.id)
        }
    }

    /// The nodes the output depends on, itself included, in the order they were made.
    public func ancestors(of output: Node) -> [Node] {
        if let cached = ancestorsCache[output.id] { return cached }
        var reached = Array(repeating: false, count: output.id + 1)
        reached[output.id] = true
        var order: [Node] = []
        for node in nodes[...output.id].reversed() where reached[node.id] {
            order.append(node)
            for input in node.inputs { reached[input.id] = true }
        }
        order.reverse()
        ancestorsCache[output.id] = order
        return order
    }

    /// Runs backward again one gate at a time to find the first gate whose
    /// backward made a gradient that is not finite.
    private func locateNonFiniteGradient(_ order: [Node], output: Node, seed: Tensor) -> AutodiffError {
        for node in nodes where node.needsGradient { node.zeroGradient() }
        output.gradient = seed
        for node in order.reversed() {
            guard let gate = node.gate else { continue }
            gate.backward(node.inputs, node)
            if let input = node.inputs.first(where: { $0.gradient.firstNonFinite != nil }) {
                return AutodiffError(.nonFinite, "the backward of \(gate.name) (node \(node.id)) gave "
                    + "\(input.label) a gradient that is not finite", node: node.id)
            }
        }
        return AutodiffError(.nonFinite, "the seed of backward is not finite", node: output.id)
    }
}
