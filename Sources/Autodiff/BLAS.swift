import CBLAS

/// Matrix products through OpenBLAS (but for an inner size of at most 4: see
/// `ThinProduct`). The only file that touches cblas.
enum BLAS {
    /// A matrix as BLAS sees it: `rows` × `columns`, stored row-major, read
    /// transposed when `transposed` is set.
    struct Operand {
        var rows: Int
        var columns: Int
        var transposed = false

        /// The operand read as its transpose.
        var t: Operand { Operand(rows: rows, columns: columns, transposed: !transposed) }
        /// Rows after the optional transpose.
        var effectiveRows: Int { transposed ? columns : rows }
        /// Columns after the optional transpose.
        var effectiveColumns: Int { transposed ? rows : columns }
    }

    /// OpenBLAS computes on the calling thread only. gradbook already keeps
    /// every core busy with lectures and examples side by side; OpenBLAS's
    /// workers would compete with them and spin in `sched_yield` after each
    /// product (measured: 12–18 % of a gradient check's time). Debian's
    /// single-threaded build is no way out: it is not safe to call from
    /// several threads at once (the course's trained losses came out
    /// different from run to run with it).
    private static let callingThreadOnly: Void = openblas_set_num_threads(1)

    /// c = a·b, or c += a·b when `accumulate` is set; shapes are checked by the caller.
    static func multiply(_ a: [Double], _ shapeA: Operand, _ b: [Double], _ shapeB: Operand,
                         into c: inout [Double], accumulate: Bool) {
        c.withUnsafeMutableBufferPointer { multiply(a, shapeA, b, shapeB, into: $0, accumulate: accumulate) }
    }

    /// c = a·b, or c += a·b when `accumulate` is set, into a buffer.
    static func multiply(_ a: [Double], _ shapeA: Operand, _ b: [Double], _ shapeB: Operand,
                         into c: UnsafeMutableBufferPointer<Double>, accumulate: Bool) {
        let m = shapeA.effectiveRows, k = shapeA.effectiveColumns, n = shapeB.effectiveColumns
        precondition(shapeB.effectiveRows == k && c.count == m * n, "matrix product of unfit shapes")
        guard m > 0, n > 0 else { return }
        _ = callingThreadOnly
        guard k > 0 else {
            if !accumulate { c.update(repeating: 0) }
            return
        }
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                if k <= ThinProduct.largestInnerSize {
                    ThinProduct.multiply(a, shapeA, b, shapeB, into: c, accumulate: accumulate)
                    return
                }
                cblas_dgemm(CblasRowMajor,
                            shapeA.transposed ? CblasTrans : CblasNoTrans,
                            shapeB.transposed ? CblasTrans : CblasNoTrans,
                            Int32(m), Int32(n), Int32(k),
                            1, a.baseAddress, Int32(max(shapeA.columns, 1)),
                            b.baseAddress, Int32(max(shapeB.columns, 1)),
                            accumulate ? 1 : 0, c.baseAddress, Int32(n))
            }
        }
    }
}
