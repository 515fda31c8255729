import Testing
@testable import Autodiff

@Suite struct DataTests {
    // MARK: SeededRandom

    /// Printed by this independent reimplementation, and equal to the published
    /// xoshiro256** answers for SplitMix64-seeded state (seed 0: 0x99ec5f36cb75f2b4, ...):
    ///
    ///     M = (1 << 64) - 1
    ///     def splitmix(z):
    ///         while True:
    ///             z = (z + 0x9e3779b97f4a7c15) & M
    ///             x = ((z ^ (z >> 30)) * 0xbf58476d1ce4e5b9) & M
    ///             x = ((x ^ (x >> 27)) * 0x94d049bb133111eb) & M
    ///             yield x ^ (x >> 31)
    ///     def rotl(x, k): return ((x << k) | (x >> (64 - k))) & M
    ///     def xoshiro(seed):
    ///         sm = splitmix(seed); s = [next(sm) for _ in range(4)]
    ///         while True:
    ///             result = (rotl((s[1] * 5) & M, 7) * 9) & M
    ///             t = (s[1] << 17) & M
    ///             s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 45)
    ///             yield result
    ///     g = xoshiro(42); print([hex(next(g)) for _ in range(4)])
    ///     g = xoshiro(42); print(repr((next(g) >> 11) * 2.0**-53))
    @Test func xoshiroMatchesAnIndependentReimplementation() {
        var random = SeededRandom(seed: 42)
        let first4 = (0..<4).map { _ in random.next() }
        #expect(first4 == [0x1578_0b2e_0c2e_c716, 0x6104_d986_6d11_3a7e, 0xae17_5332_39e4_99a1, 0xecb8_ad47_03b3_60a1])
        var zero = SeededRandom(seed: 0)
        #expect(zero.next() == 0x99ec_5f36_cb75_f2b4)
        #expect(zero.next() == 0xbf6e_1f78_4956_452a)
        var uniform = SeededRandom(seed: 42)
        #expect(uniform.uniform() == 0.08386297105988216)  // the top 53 bits of 0x15780b2e0c2ec716, over 2⁵³
    }

    @Test func theSameSeedGivesTheSameNumbersAndAnotherSeedOthers() {
        var a = SeededRandom(seed: 7), b = SeededRandom(seed: 7), c = SeededRandom(seed: 8)
        let (xa, xb, xc) = ((0..<10).map { _ in a.normal() }, (0..<10).map { _ in b.normal() },
                            (0..<10).map { _ in c.normal() })
        #expect(xa == xb)
        #expect(xa != xc)
        #expect(Tensor.randn([3, 4], seed: 1) == Tensor.randn([3, 4], seed: 1))
        #expect(Tensor.randn([3, 4], seed: 1) != Tensor.randn([3, 4], seed: 2))
    }

    @Test func randnHasMeanZeroAndStandardDeviationOne() {
        let draws = Tensor.randn([100_000], seed: 3).scalars
        let mean = draws.reduce(0, +) / Double(draws.count)
        let variance = draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(draws.count)
        #expect(abs(mean) < 0.01)
        #expect(abs(variance.squareRoot() - 1) < 0.01)
    }

    @Test func boxMullerHandsOutBothNormalsOfAPair() {
        var random = SeededRandom(seed: 5)
        let pair = [random.normal(), random.normal()]
        #expect(Tensor.randn([2], seed: 5).scalars == pair)
        #expect(pair[0] != pair[1])
    }

    /// The first `count` normals a fresh generator of `seed` gives.
    private func normals(_ count: Int, seed: UInt64) -> [Double] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { _ in random.normal() }
    }

    @Test func randnGivesTheSeedsNormalsWhateverWasDrawnBefore() {
        // Shorter, longer, shorter again, an odd count between (Box–Muller's spare): each the start of one sequence.
        for count in [5, 12, 2, 7, 12, 13] {
            #expect(Tensor.randn([count], seed: 900).scalars == normals(count, seed: 900), "\(count) normals")
        }
        #expect(Tensor.randn([3, 4], seed: 900) == Tensor(shape: [3, 4], scalars: normals(12, seed: 900)))
        #expect(Tensor.randn([4], seed: 901).scalars == normals(4, seed: 901), "another seed, its own sequence")
    }

    @Test func aSequenceTooLongToKeepIsDrawnAsWell() {
        let count = NormalSequences.longest + 3
        #expect(Tensor.randn([count], seed: 902).scalars == normals(count, seed: 902))
        #expect(Tensor.randn([10], seed: 902).scalars == normals(10, seed: 902), "and shorter ones of that seed still")
    }

    @Test func randnOnEveryCoreAtOnceGivesEachTheSameNormals() async {
        let expected = normals(20_000, seed: 903)
        let drawn = await withTaskGroup(of: [Double].self) { group in
            for k in 1...8 { group.addTask { Tensor.randn([k * 2_500], seed: 903).scalars } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        for d in drawn { #expect(d == Array(expected[..<d.count])) }
    }

    @Test func uniformStaysInItsRange() {
        let draws = Tensor.uniform([10_000], low: -3, high: 5, seed: 4).scalars
        #expect(draws.allSatisfy { $0 >= -3 && $0 < 5 })
        #expect(abs(draws.reduce(0, +) / 10_000 - 1) < 0.1)  // the midpoint
        #expect(Tensor.uniform([1000], seed: 4).scalars.allSatisfy { $0 >= 0 && $0 < 1 })
        var random = SeededRandom(seed: 6)
        let integers = (0..<1000).map { _ in random.integer(below: 7) }
        #expect(Set(integers) == Set(0..<7))
    }

    // MARK: Spiral

    @Test func theSpiralHasThreeArmsOfAHundredPoints() {
        let data = Spiral.make()
        #expect(data.X.shape == [300, 2])
        #expect(data.y.shape == [300])
        for j in 0..<3 {
            #expect(data.y.scalars.filter { $0 == Double(j) }.count == 100)
            #expect(data.y.scalars[100 * j ..< 100 * (j + 1)].allSatisfy { $0 == Double(j) })
        }
    }

    @Test func eachArmRunsFromRadiusZeroToRadiusOne() {
        // r = linspace(0, 1, N): the first point of each class is the origin, the last on the unit circle.
        let data = Spiral.make()
        func radius(_ row: Int) -> Double {
            let (a, b) = (data.X[row, 0], data.X[row, 1])
            return (a * a + b * b).squareRoot()
        }
        for j in 0..<3 {
            #expect(radius(100 * j) == 0)
            #expect(abs(radius(100 * j + 99) - 1) < 1e-12)
        }
    }

    @Test func theSpiralFollowsItsSeed() {
        #expect(Spiral.make(seed: 1) == Spiral.make(seed: 1))
        #expect(Spiral.make(seed: 1).X != Spiral.make(seed: 2).X)
        #expect(Spiral.make(seed: 1).y == Spiral.make(seed: 2).y)
        let small = Spiral.make(points: 10, classes: 4, noise: 0)
        #expect(small.X.shape == [40, 2] && small.count == 40)
    }

    // MARK: Minibatches

    @Test func everyRowAppearsOncePerEpoch() {
        var batches = Minibatches(rows: 12, batchSize: 4, seed: 0)
        #expect(batches.batchesPerEpoch == 3)
        for epoch in 0..<3 {
            let rows = (0..<3).flatMap { _ in batches.next() ?? [] }
            #expect(batches.epoch == epoch)
            #expect(rows.sorted() == Array(0..<12))
        }
    }

    @Test func aShortLastBatchIsDropped() {
        // 10 rows in batches of 4: two batches an epoch, 8 distinct rows; the third batch starts epoch 1.
        var batches = Minibatches(rows: 10, batchSize: 4, seed: 1)
        let epoch0 = (0..<2).flatMap { _ in batches.next() ?? [] }
        #expect(Set(epoch0).count == 8)
        #expect(batches.epoch == 0)
        #expect(batches.next()?.count == 4)
        #expect(batches.epoch == 1)
    }

    @Test func aBatchLargerThanTheDataIsTheWholeData() {
        var batches = Minibatches(rows: 5, batchSize: 20, seed: 2)
        #expect(batches.batchSize == 5)
        for _ in 0..<3 { #expect(batches.next()?.sorted() == Array(0..<5)) }
    }

    @Test func theOrderFollowsTheSeed() {
        let a = Array(Minibatches(rows: 50, batchSize: 10, seed: 3).prefix(10))
        let b = Array(Minibatches(rows: 50, batchSize: 10, seed: 3).prefix(10))
        let c = Array(Minibatches(rows: 50, batchSize: 10, seed: 4).prefix(10))
        #expect(a == b)
        #expect(a != c)
        #expect(a.prefix(5).flatMap { $0 } != Array(0..<50))  // the first epoch is shuffled
        var reused = Minibatches(rows: 50, batchSize: 10, seed: 3), batch: [Int] = []
        for expected in a {
            reused.next(into: &batch)
            #expect(batch == expected)
        }
    }

    @Test func rowsGathersRowsOfAMatrixAndEntriesOfAVector() {
        let X = Tensor([[0.0, 1.0], [10.0, 11.0], [20.0, 21.0]])
        #expect(X.rows([2, 0, 2]) == Tensor([[20.0, 21.0], [0.0, 1.0], [20.0, 21.0]]))
        #expect(Tensor([5.0, 6.0, 7.0]).rows([1, 2]) == Tensor([6.0, 7.0]))
        #expect(X.rows([]).shape == [0, 2])
    }

    @Test func setRowsRefillsTheSameBuffer() {
        let data = Spiral.make(points: 20, classes: 2)
        var xBatch = Tensor.zeros([4, 2])
        let storage = xBatch.scalars.withUnsafeBufferPointer { $0.baseAddress }
        for batch in Minibatches(rows: data.count, batchSize: 4, seed: 0).prefix(5) {
            xBatch.setRows(of: data.X, batch)
            #expect(xBatch == data.X.rows(batch))
        }
        #expect(xBatch.scalars.withUnsafeBufferPointer { $0.baseAddress } == storage)
    }
}
