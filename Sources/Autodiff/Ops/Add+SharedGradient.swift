/// How the add gate's backward runs, beyond its two lines of arithmetic
/// (Add.swift): both local gradients are 1, so an input of the output's shape
/// takes the upstream gradient itself — the same buffer, not a copy of it
/// (`Node.shareGradient`) — and a bias, repeated over the rows, takes the sum
/// of the upstream's rows (`sumRows`). The numbers are those of
/// `BinaryGate`'s backward, which does every other case.
extension Add {
    public func backward(_ inputs: [Node], _ output: Node) {
        let y = output.value, upstream = output.gradient
        for side in 0..<2 where inputs[side].needsGradient {
            let x = inputs[side].value
            if inputs[side].shareGradient(upstream) { continue }
            if x.count > 1, x.count < y.count, let blocks = Blocks(inputs[0].shape, inputs[1].shape, y.shape),
               blocks.width == x.count {
                inputs[side].receiveGradient(zeroed: true) { dx, _ in
                    upstream.scalars.withUnsafeBufferPointer { up in
                        Add.sumRows(up.baseAddress!, rows: y.count / x.count, into: dx)
                    }
                }
                continue
            }
            backward(side, inputs, output)
        }
    }

    /// d[j] += Σᵣ up[r·width + j] for the `rows` rows of up: row after row, as
    /// the entry-by-entry backward adds them, but with 32 columns' running sums
    /// held in registers for the whole sweep instead of stored after each row.
    static func sumRows(_ up: UnsafePointer<Double>, rows: Int, into d: UnsafeMutableBufferPointer<Double>) {
        let width = d.count, d = d.baseAddress!
        var j = 0
        while j + 32 <= width {
            var s = (load(d + j), load(d + j + 8), load(d + j + 16), load(d + j + 24))
            for r in 0..<rows {
                let row = up + r * width + j
                s = (s.0 + load(row), s.1 + load(row + 8), s.2 + load(row + 16), s.3 + load(row + 24))
            }
            store(s.0, d + j); store(s.1, d + j + 8); store(s.2, d + j + 16); store(s.3, d + j + 24)
            j += 32
        }
        // The last columns, row by row.
        for r in 0..<rows {
            for k in j..<width { d[k] += up[r * width + k] }
        }
    }

    @inline(__always)
    private static func load(_ p: UnsafePointer<Double>) -> SIMD8<Double> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Double>.self)
    }

    @inline(__always)
    private static func load(_ p: UnsafeMutablePointer<Double>) -> SIMD8<Double> { load(UnsafePointer(p)) }

    @inline(__always)
    private static func store(_ s: SIMD8<Double>, _ p: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(p).storeBytes(of: s, as: SIMD8<Double>.self)
    }
}
