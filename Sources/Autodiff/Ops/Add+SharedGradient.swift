/// How the add gate's backward runs, beyond its two lines of arithmetic
/// (Add.swift): both local gradients are 1, so an input of the output's shape
/// takes the upstream gradient itself — the same buffer, not a copy of it
/// (`Node.shareGradient`) — and a bias, repeated over the rows, takes the sum
/// of the upstream's rows (`sumRows`). The numbers are those of
/// `BinaryGate`'s backward, which does every other case.
extension Add {
    public func backward(_ inputs: [Node], _ output: Node) {
        let count = output.value.count
        guard count >= Node.smallestSharedGradient else { return backwardEntryByEntry(inputs, output) }
        for side in 0..<2 where inputs[side].needsGradient {
            if inputs[side].shareGradient(of: output) { continue }
            let width = inputs[side].value.count
            if width > 1, width < count, Blocks(inputs[0].shape, inputs[1].shape, output.shape)?.width == width {
                inputs[side].receiveGradient(zeroed: true) { dx, _ in
                    output.gradient.scalars.withUnsafeBufferPointer { up in
                        Add.sumRows(up.baseAddress!, rows: count / width, into: dx)
                    }
                }
                continue
            }
            backward(side, inputs, output)
        }
    }

    /// d[j] += Σᵣ up[r·width + j] for the `rows` rows of up: row after row, as
    /// the entry-by-entry backward adds them, but with the running sums of up
    /// to 32 columns held in registers for the whole sweep instead of stored
    /// after each row.
    static func sumRows(_ up: UnsafePointer<Double>, rows: Int, into d: UnsafeMutableBufferPointer<Double>) {
        let width = d.count, d = d.baseAddress!
        var j = 0
        while j + 32 <= width {
            var s = (load(SIMD8.self, d + j), load(SIMD8.self, d + j + 8),
                     load(SIMD8.self, d + j + 16), load(SIMD8.self, d + j + 24))
            for r in 0..<rows {
                let row = up + r * width + j
                s = (s.0 + load(SIMD8.self, row), s.1 + load(SIMD8.self, row + 8),
                     s.2 + load(SIMD8.self, row + 16), s.3 + load(SIMD8.self, row + 24))
            }
            store(s.0, d + j); store(s.1, d + j + 8); store(s.2, d + j + 16); store(s.3, d + j + 24)
            j += 32
        }
        // The last columns: 8, 4, 2 or 1 at a time.
        while j + 8 <= width { sumColumns(SIMD8.self, up + j, rows: rows, width: width, d + j); j += 8 }
        if j + 4 <= width { sumColumns(SIMD4.self, up + j, rows: rows, width: width, d + j); j += 4 }
        if j + 2 <= width { sumColumns(SIMD2.self, up + j, rows: rows, width: width, d + j); j += 2 }
        if j < width {
            var sum = d[j]
            for r in 0..<rows { sum += up[r * width + j] }
            d[j] = sum
        }
    }

    /// The running sums of one vector's worth of columns, held in a register.
    @inline(__always)
    private static func sumColumns<V: SIMD>(_: V.Type, _ up: UnsafePointer<Double>, rows: Int, width: Int,
                                            _ d: UnsafeMutablePointer<Double>) where V.Scalar == Double {
        var sum = load(V.self, d)
        for r in 0..<rows { sum += load(V.self, up + r * width) }
        store(sum, d)
    }

    @inline(__always)
    private static func load<V: SIMD>(_: V.Type, _ p: UnsafePointer<Double>) -> V where V.Scalar == Double {
        UnsafeRawPointer(p).loadUnaligned(as: V.self)
    }

    @inline(__always)
    private static func load<V: SIMD>(_: V.Type, _ p: UnsafeMutablePointer<Double>) -> V where V.Scalar == Double {
        load(V.self, UnsafePointer(p))
    }

    @inline(__always)
    private static func store<V: SIMD>(_ s: V, _ p: UnsafeMutablePointer<Double>) where V.Scalar == Double {
        UnsafeMutableRawPointer(p).storeBytes(of: s, as: V.self)
    }
}
