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
