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
        x.scalars.withUnsafeBufferPointer { x in
            output.value.scalars.withUnsafeMutableBufferPointer { y in
                let (x, y) = (x.baseAddress!, y.baseAddress!)
                tiles(rows, columns) { r, c in y[c * rows + r] = x[r * columns + c] }
            }
        }
    }

    /// Every entry of the input's gradient is one entry of the upstream one: the
    /// first gradient is written, not added to zeros (for lecture 07's W1ᵀ, a
    /// pass of 2.4 MB of zeros saved per backward).
    public var writesFirstGradient: Bool { true }

    public func backward(_ inputs: [Node], _ output: Node) {
        guard inputs[0].needsGradient else { return }
        let x = inputs[0].value, upstream = output.gradient
        let (rows, columns) = x.rank == 2 ? (x.shape[0], x.shape[1]) : (1, x.count)
        upstream.scalars.withUnsafeBufferPointer { g in
            inputs[0].receiveGradient { dx, add in
                let (g, dx) = (g.baseAddress!, dx.baseAddress!)
                if add {
                    tiles(rows, columns) { r, c in dx[r * columns + c] += g[c * rows + r] }
                } else {
                    tiles(rows, columns) { r, c in dx[r * columns + c] = g[c * rows + r] }
                }
            }
        }
    }

    /// Calls `body(r, c)` for every entry of a rows×columns matrix, one 32×32
    /// tile at a time. A transpose reads one side along its rows and the other
    /// down its columns; row by row, each entry read down a column of a wide
    /// matrix is a cache line of its own, gone before its neighbours are read,
    /// while a tile's lines all stay in the fastest cache.
    @inline(__always)
    private func tiles(_ rows: Int, _ columns: Int, _ body: (_ r: Int, _ c: Int) -> Void) {
        let side = 32
        for r0 in stride(from: 0, to: rows, by: side) {
            for c0 in stride(from: 0, to: columns, by: side) {
                for r in r0..<min(r0 + side, rows) {
                    for c in c0..<min(c0 + side, columns) { body(r, c) }
                }
            }
        }
    }
}
