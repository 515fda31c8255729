extension Graph {
    /// The full Jacobian ∂output/∂input as a matrix with one row per output
    /// entry and one column per input entry — to show one, never to backpropagate.
    ///
    /// Row i is the gradient of output entry i, found by a backward pass seeded
    /// with the i-th unit vector. For an elementwise gate such as ReLU the
    /// result is diagonal, which is why backward never builds it. Refuses
    /// Jacobians of more than `limit` entries.
    public func jacobian(of output: Node, wrt input: Node, limit: Int = 1 << 20) throws(AutodiffError) -> Tensor {
        let rows = output.value.count, columns = input.value.count
        guard rows * columns <= limit else {
            throw AutodiffError(.usage, "the Jacobian of \(output.label) (\(Shape.describe(output.shape))) with respect to "
                + "\(input.label) (\(Shape.describe(input.shape))) would have \(rows * columns) entries; "
                + "show it on a smaller case", node: output.id)
        }
        var jacobian = Tensor.zeros([rows, columns])
        var seed = Tensor.zeros(output.shape)
        for i in 0..<rows {
            seed.scalars[i] = 1
            try backward(from: output, seed: seed)
            seed.scalars[i] = 0
            if input.needsGradient {
                jacobian.scalars.replaceSubrange(i * columns..<(i + 1) * columns, with: input.gradient.scalars)
            }
        }
        return jacobian
    }
}
