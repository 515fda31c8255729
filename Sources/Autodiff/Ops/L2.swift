/// The L2 gate: y = Σ x², the squared norm ‖x‖² (weight decay's R(W) and the
/// lecture's f = ‖W·x‖²). ∂y/∂x = 2x.
public final class L2: Gate {
    public var name: String { "l2" }
    public var symbol: String { "‖·‖²" }
    public init() {}

    public func shape(for inputs: [[Int]]) throws(AutodiffError) -> [Int] {
        guard inputs.count == 1 else { throw .arity(name, expected: "one input", given: inputs.count) }
        return []
    }

    public func forward(_ inputs: [Node], _ output: Node) throws(AutodiffError) {
        var total = 0.0
        for x in inputs[0].value.scalars { total += x * x }
        output.value.scalars[0] = total
    }

    public func backward(_ inputs: [Node], _ output: Node) {
        guard inputs[0].needsGradient else { return }
        let x = inputs[0].value, upstream = output.gradient.scalars[0]
        inputs[0].gradient.scalars.withUnsafeMutableBufferPointer { dx in
            for i in dx.indices { dx[i] += 2 * x.scalars[i] * upstream }
        }
    }
}
