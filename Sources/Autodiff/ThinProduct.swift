/// Matrix products whose inner size is at most 4 — the first layer of a
/// network on 2-D points (X is N×2), or a gradient flowing back from 3 class
/// scores — done without BLAS.
///
/// Each output row is then a sum of at most four scaled rows of B, one pass
/// of writes; OpenBLAS's general kernels spend longer getting ready for such
/// a product than doing it (measured on the spiral case study: its two thin
/// products took a quarter of a training step through BLAS).
enum ThinProduct {
    /// The largest inner size handled here.
    static let largestInnerSize = 4

    /// c = a·b, or c += a·b, for an m×k `a` and a k×n `b` (each possibly read transposed), k ≤ 4.
    static func multiply(_ a: UnsafeBufferPointer<Double>, _ shapeA: BLAS.Operand,
                         _ b: UnsafeBufferPointer<Double>, _ shapeB: BLAS.Operand,
                         into c: UnsafeMutableBufferPointer<Double>, accumulate: Bool) {
        let m = shapeA.effectiveRows, k = shapeA.effectiveColumns, n = shapeB.effectiveColumns
        precondition(k <= largestInnerSize)
        // B's k rows, contiguous (copied when B is read transposed).
        withUnsafeTemporaryAllocation(of: Double.self, capacity: largestInnerSize * n) { rowsOfB in
            for r in 0..<k {
                for j in 0..<n { rowsOfB[r * n + j] = shapeB.transposed ? b[j * shapeB.columns + r] : b[r * n + j] }
            }
            let B = rowsOfB.baseAddress!, C = c.baseAddress!
            let (b0, b1, b2, b3) = (B, B + n, B + 2 * n, B + 3 * n)
            // Entry r of row i of a.
            func s(_ i: Int, _ r: Int) -> Double {
                shapeA.transposed ? a[r * shapeA.columns + i] : a[i * shapeA.columns + r]
            }
            // Row i of c (+)= s(i, 0)·B₀ + s(i, 1)·B₁ + …, one loop per case so that
            // nothing but the row's arithmetic is left inside it.
            switch (k, accumulate) {
            case (1, false):
                for i in 0..<m { let y = C + i * n, s0 = s(i, 0); for j in 0..<n { y[j] = s0 * b0[j] } }
            case (1, true):
                for i in 0..<m { let y = C + i * n, s0 = s(i, 0); for j in 0..<n { y[j] += s0 * b0[j] } }
            case (2, false):
                for i in 0..<m {
                    let y = C + i * n, (s0, s1) = (s(i, 0), s(i, 1))
                    for j in 0..<n { y[j] = s0 * b0[j] + s1 * b1[j] }
                }
            case (2, true):
                for i in 0..<m {
                    let y = C + i * n, (s0, s1) = (s(i, 0), s(i, 1))
                    for j in 0..<n { y[j] += s0 * b0[j] + s1 * b1[j] }
                }
            case (3, false):
                for i in 0..<m {
                    let y = C + i * n, (s0, s1, s2) = (s(i, 0), s(i, 1), s(i, 2))
                    for j in 0..<n { y[j] = s0 * b0[j] + s1 * b1[j] + s2 * b2[j] }
                }
            case (3, true):
                for i in 0..<m {
                    let y = C + i * n, (s0, s1, s2) = (s(i, 0), s(i, 1), s(i, 2))
                    for j in 0..<n { y[j] += s0 * b0[j] + s1 * b1[j] + s2 * b2[j] }
                }
            case (_, false):
                for i in 0..<m {
                    let y = C + i * n, (s0, s1, s2, s3) = (s(i, 0), s(i, 1), s(i, 2), s(i, 3))
                    for j in 0..<n { y[j] = s0 * b0[j] + s1 * b1[j] + s2 * b2[j] + s3 * b3[j] }
                }
            case (_, true):
                for i in 0..<m {
                    let y = C + i * n, (s0, s1, s2, s3) = (s(i, 0), s(i, 1), s(i, 2), s(i, 3))
                    for j in 0..<n { y[j] += s0 * b0[j] + s1 * b1[j] + s2 * b2[j] + s3 * b3[j] }
                }
            }
        }
    }
}
