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

    /// Σ x² in eight running sums, one per lane of a vector, added up at the end
    /// in lane order, then the last few entries: a sum that vectorizes, and
    /// rounds less than one running sum does (as numpy's pairwise sum). With one
    /// sum, each add waited for the one before it, 307,200 times for CIFAR's W1.
    /// The gradient does not depend on it, so no training moves.
    public func forward(_ inputs: [Node], _ output: Node) throws(AutodiffError) {
        output.value.scalars[0] = inputs[0].value.scalars.withUnsafeBufferPointer { x in
            let whole = x.count / 8 * 8
            var sums = SIMD8<Double>.zero
            let raw = UnsafeRawPointer(x.baseAddress)
            for i in stride(from: 0, to: whole, by: 8) {
                let v = raw!.loadUnaligned(fromByteOffset: i * 8, as: SIMD8<Double>.self)
                sums.addProduct(v, v)
            }
            var total = 0.0
            for lane in 0..<8 { total += sums[lane] }
            for i in whole..<x.count { total += x[i] * x[i] }
            return total
        }
    }

    public func backward(_ inputs: [Node], _ output: Node) {
        guard inputs[0].needsGradient else { return }
        let x = inputs[0].value, upstream = output.gradient.scalars[0]
        inputs[0].gradient.scalars.withUnsafeMutableBufferPointer { dx in
            for i in dx.indices { dx[i] += 2 * x.scalars[i] * upstream }
        }
    }
}
