/// Products Aᵀ·B whose result has at most 4 columns or at most 4 rows, and an
/// inner size over 4 — a matrix product's ∂L/∂B = Aᵀ·G in a thin layer: the
/// case study's Hᵀ·G (100×300 · 300×3) and Xᵀ·∂L/∂z (2×300 · 300×100) — done
/// without BLAS, so that a training step's sweep (Graph+LayerBackward.swift)
/// can add them up exactly as the gate does.
///
/// Every entry is one chain of fused multiply-adds over the inner index, in
/// order, starting from zero, and is then written, or added to what c held:
/// how OpenBLAS's small-matrix kernel for these products adds up (checked
/// against it on this machine's kernels; for a large product, which OpenBLAS
/// splits into blocks, the last bits can differ from its own). Its forward
/// products of the same sizes add eight interleaved chains and then a tree,
/// which is why A·B, not read transposed, still goes to OpenBLAS.
enum NarrowProduct {
    /// The most columns, or rows, a result may have to be made here.
    static let largestSide = 4

    /// Whether the m×n result of `a`·`b`, of inner size k, is made here.
    static func fits(_ a: BLAS.Operand, _ b: BLAS.Operand, m: Int, n: Int, k: Int) -> Bool {
        a.transposed && !b.transposed && k > ThinProduct.largestInnerSize && min(m, n) <= largestSide
    }

    /// c = aᵀ·b, or c += aᵀ·b, for an m×k `aᵀ` and a k×n `b`, m or n ≤ 4 (`fits`).
    static func multiply(_ a: UnsafeBufferPointer<Double>, _ shapeA: BLAS.Operand,
                         _ b: UnsafeBufferPointer<Double>, _ shapeB: BLAS.Operand,
                         into c: UnsafeMutableBufferPointer<Double>, accumulate: Bool) {
        let m = shapeA.effectiveRows, k = shapeA.effectiveColumns, n = shapeB.effectiveColumns
        let A = Matrix(a.baseAddress!, shapeA), B = Matrix(b.baseAddress!, shapeB)
        if n <= largestSide {
            Tiles(rows: m, columns: n, inner: k, rowStride: n, columnStride: 1)
                .run(A, B, into: c.baseAddress!, accumulate: accumulate)
        } else {
            // A result of at most 4 rows is the transpose of one of at most 4 columns: c = (bᵀ·aᵀ)ᵀ.
            Tiles(rows: n, columns: m, inner: k, rowStride: 1, columnStride: n)
                .run(B.t, A.t, into: c.baseAddress!, accumulate: accumulate)
        }
    }

    /// A matrix as the product reads it: entry (i, p), after the optional transpose.
    struct Matrix {
        let base: UnsafePointer<Double>
        let stride: Int
        let transposed: Bool

        init(_ base: UnsafePointer<Double>, _ shape: BLAS.Operand) {
            (self.base, stride, transposed) = (base, max(shape.columns, 1), shape.transposed)
        }

        private init(_ base: UnsafePointer<Double>, stride: Int, transposed: Bool) {
            (self.base, self.stride, self.transposed) = (base, stride, transposed)
        }

        var t: Matrix { Matrix(base, stride: stride, transposed: !transposed) }

        @inline(__always)
        subscript(i: Int, p: Int) -> Double { transposed ? base[p * stride + i] : base[i * stride + p] }
    }

    /// A result of at most 4 columns, made 4 rows at a time (four independent
    /// chains of multiply-adds), its entry (i, j) at c[i·rowStride + j·columnStride].
    private struct Tiles {
        let rows, columns, inner, rowStride, columnStride: Int

        func run(_ a: Matrix, _ b: Matrix, into c: UnsafeMutablePointer<Double>, accumulate: Bool) {
            for i in stride(from: 0, to: rows, by: 4) {
                let count = min(4, rows - i)
                var sums = (SIMD4<Double>.zero, SIMD4<Double>.zero, SIMD4<Double>.zero, SIMD4<Double>.zero)
                for p in 0..<inner {
                    // Row p of b, zeros past its last column.
                    var row = SIMD4<Double>.zero
                    for j in 0..<columns { row[j] = b[p, j] }
                    sums.0.addProduct(a[i, p], row)
                    if count > 1 { sums.1.addProduct(a[i + 1, p], row) }
                    if count > 2 { sums.2.addProduct(a[i + 2, p], row) }
                    if count > 3 { sums.3.addProduct(a[i + 3, p], row) }
                }
                for (q, sum) in [sums.0, sums.1, sums.2, sums.3].prefix(count).enumerated() {
                    for j in 0..<columns {
                        let entry = c + (i + q) * rowStride + j * columnStride
                        entry.pointee = accumulate ? entry.pointee + sum[j] : sum[j]
                    }
                }
            }
        }
    }
}
