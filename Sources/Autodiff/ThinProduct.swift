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
            for i in 0..<m {
                // Entry r of row i of a, or 0 past its k entries.
                func a_(_ r: Int) -> Double {
                    r < k ? (shapeA.transposed ? a[r * shapeA.columns + i] : a[i * shapeA.columns + r]) : 0
                }
                row(C + i * n, n, B, k, (a_(0), a_(1), a_(2), a_(3)), accumulate)
            }
        }
    }

    /// One row: y (+)= s₀·B₀ + s₁·B₁ + … over the first `k` rows of B.
    @inline(__always)
    private static func row(_ y: UnsafeMutablePointer<Double>, _ n: Int, _ B: UnsafeMutablePointer<Double>,
                            _ k: Int, _ s: (Double, Double, Double, Double), _ accumulate: Bool) {
        let (b0, b1, b2, b3) = (B, B + n, B + 2 * n, B + 3 * n)
        switch (k, accumulate) {
        case (1, false): for j in 0..<n { y[j] = s.0 * b0[j] }
        case (1, true): for j in 0..<n { y[j] += s.0 * b0[j] }
        case (2, false): for j in 0..<n { y[j] = s.0 * b0[j] + s.1 * b1[j] }
        case (2, true): for j in 0..<n { y[j] += s.0 * b0[j] + s.1 * b1[j] }
        case (3, false): for j in 0..<n { y[j] = s.0 * b0[j] + s.1 * b1[j] + s.2 * b2[j] }
        case (3, true): for j in 0..<n { y[j] += s.0 * b0[j] + s.1 * b1[j] + s.2 * b2[j] }
        case (_, false): for j in 0..<n { y[j] = s.0 * b0[j] + s.1 * b1[j] + s.2 * b2[j] + s.3 * b3[j] }
        case (_, true): for j in 0..<n { y[j] += s.0 * b0[j] + s.1 * b1[j] + s.2 * b2[j] + s.3 * b3[j] }
        }
    }
}
