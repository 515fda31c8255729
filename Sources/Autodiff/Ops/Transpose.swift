/// The transpose gate: y = Xᵀ. Its backward transposes the upstream gradient
/// back. A vector or scalar is its own transpose.
public final class Transpose: Gate {
    public var name: String { "transpose" }
    public var symbol: String { "ᵀ" }
    public var keepsFinite: Bool { true }
    public init() {}

    public func shape(for inputs: [[Int]]) throws(AutodiffError) -> [Int] {
        guard inputs.count == 1 else { throw .arity(name, expected: "one input", given: inputs.count) }
        guard inputs[0].count <= 2 else { throw .shapes(name, inputs, ".T takes vectors and matrices") }
        return inputs[0].reversed()
    }

    public func forward(_ inputs: [Node], _ output: Node) throws(AutodiffError) {
        let x = inputs[0].value
        let (rows, columns) = x.rank == 2 ? (x.shape[0], x.shape[1]) : (1, x.count)
        output.value.scalars.withUnsafeMutableBufferPointer { y in
            for r in 0..<rows { for c in 0..<columns { y[c * rows + r] = x.scalars[r * columns + c] } }
        }
    }

    public func backward(_ inputs: [Node], _ output: Node) {
        guard inputs[0].needsGradient else { return }
        let x = inputs[0].value, upstream = output.gradient
        let (rows, columns) = x.rank == 2 ? (x.shape[0], x.shape[1]) : (1, x.count)
        inputs[0].gradient.scalars.withUnsafeMutableBufferPointer { dx in
            for r in 0..<rows { for c in 0..<columns { dx[r * columns + c] += upstream.scalars[c * rows + r] } }
        }
    }
}
