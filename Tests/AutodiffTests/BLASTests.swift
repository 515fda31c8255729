import Foundation
import Testing
@testable import Autodiff

/// Matrix products go through OpenBLAS; they agree with the schoolbook loop.
@Suite struct BLASTests {
    /// c[i][j] = Σₖ a[i][k]·b[k][j], the plain triple loop.
    func schoolbook(_ a: Tensor, _ b: Tensor) -> Tensor {
        let (m, k, n) = (a.shape[0], a.shape[1], b.shape[1])
        var c = Tensor.zeros([m, n])
        for i in 0..<m { for j in 0..<n { for p in 0..<k { c.scalars[i * n + j] += a.scalars[i * k + p] * b.scalars[p * n + j] } } }
        return c
    }

    @Test(arguments: [(1, 1, 1), (3, 4, 2), (17, 33, 9), (64, 128, 32), (300, 2, 100)])
    func matrixProductMatchesThePlainLoop(_ sizes: (Int, Int, Int)) throws {
        let (m, k, n) = sizes
        let g = Graph()
        let a = g.input(.randn([m, k], seed: 3)), b = g.input(.randn([k, n], seed: 4))
        let c = try matmul(a, b)
        #expect(c.shape == [m, n])
        #expect(close(c.value, schoolbook(a.value, b.value).scalars, within: 1e-12))
    }

    /// The entries of `t` (m×n) stored transposed, n×m.
    func storedTransposed(_ t: Tensor) -> [Double] {
        let (m, n) = (t.shape[0], t.shape[1])
        return (0..<m * n).map { t.scalars[($0 % m) * n + $0 / m] }
    }

    /// Inner sizes 1 to 4 skip BLAS (`ThinProduct`): every way round — A or B
    /// stored transposed, written or added into c — gives the plain loop's numbers.
    @Test(arguments: [1, 2, 3, 4], [(false, false), (true, false), (false, true), (true, true)])
    func aThinProductMatchesThePlainLoopEveryWayRound(_ k: Int, _ transposed: (a: Bool, b: Bool)) {
        let (m, n) = (7, 11)
        let a = Tensor.randn([m, k], seed: UInt64(k)), b = Tensor.randn([k, n], seed: UInt64(k) + 10)
        let start = Tensor.randn([m, n], seed: 99)
        let expected = schoolbook(a, b).scalars
        for accumulate in [false, true] {
            var c = start.scalars
            BLAS.multiply(transposed.a ? storedTransposed(a) : a.scalars,
                          BLAS.Operand(rows: transposed.a ? k : m, columns: transposed.a ? m : k, transposed: transposed.a),
                          transposed.b ? storedTransposed(b) : b.scalars,
                          BLAS.Operand(rows: transposed.b ? n : k, columns: transposed.b ? k : n, transposed: transposed.b),
                          into: &c, accumulate: accumulate)
            let wanted = accumulate ? zip(expected, start.scalars).map(+) : expected
            #expect(zip(c, wanted).allSatisfy { abs($0 - $1) < 1e-12 }, "accumulate: \(accumulate)")
        }
    }

    /// A lone example's large products may use every core, small ones never,
    /// and none while a course runs examples side by side (allowed: 1).
    @Test func onlyLargeProductsMayUseMoreThreads() {
        #expect(MatrixProducts.threads(for: 300 * 100 * 3, allowed: 2) == 1)     // the case study's
        #expect(MatrixProducts.threads(for: 200 * 3072 * 100, allowed: 2) == 2)  // a CIFAR-sized step's
        #expect(MatrixProducts.threads(for: 200 * 3072 * 100, allowed: 1) == 1)
    }

    /// The same large product on one thread and on two gives the same numbers.
    @Test func aLargeProductGivesTheSameNumbersOnMoreThreads() {
        defer { MatrixProducts.allowThreads(ProcessInfo.processInfo.activeProcessorCount) }
        let a = Tensor.randn([64, 3072], seed: 1), b = Tensor.randn([3072, 64], seed: 2)  // 12.6 million multiply–adds
        var products: [[Double]] = []
        for threads in [1, 2] {
            MatrixProducts.allowThreads(threads)
            var c = [Double](repeating: 0, count: 64 * 64)
            BLAS.multiply(a.scalars, BLAS.Operand(rows: 64, columns: 3072), b.scalars,
                          BLAS.Operand(rows: 3072, columns: 64), into: &c, accumulate: false)
            products.append(c)
        }
        #expect(zip(products[0], products[1]).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($0)) })
        #expect(close(Tensor(shape: [64, 64], scalars: products[0]), schoolbook(a, b).scalars, within: 1e-9))
    }

    @Test func backwardOfTheProductIsUpstreamTimesTheOtherTransposed() throws {
        let g = Graph()
        let a = g.input(.randn([5, 3], seed: 1)), b = g.input(.randn([3, 4], seed: 2))
        let c = try matmul(a, b)
        let upstream = Tensor.randn([5, 4], seed: 3)
        try g.backward(from: c, seed: upstream)
        let bT = Tensor(shape: [4, 3], scalars: (0..<12).map { b.value.scalars[($0 % 3) * 4 + $0 / 3] })
        let aT = Tensor(shape: [3, 5], scalars: (0..<15).map { a.value.scalars[($0 % 5) * 3 + $0 / 5] })
        #expect(close(a.gradient, schoolbook(upstream, bT).scalars))
        #expect(close(b.gradient, schoolbook(aT, upstream).scalars))
    }
}
