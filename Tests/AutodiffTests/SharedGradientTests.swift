import Testing
@testable import Autodiff

/// An add gate hands a large input the upstream gradient itself — one
/// buffer for both nodes — and every gradient still comes out right when
/// the graph runs again, when a value is used twice, and when backward
/// starts from another output.
@Suite struct SharedGradientTests {
    /// f = Σ (a + b) · c over 20×20 entries: ∂f/∂a = ∂f/∂b = c.
    struct Circuit {
        let g = Graph()
        let a, b, c, sum, f: Node

        init() throws {
            a = g.input(.randn([20, 20], seed: 1))
            b = g.input(.randn([20, 20], seed: 2))
            c = g.input(.randn([20, 20], seed: 3), needsGradient: false)
            sum = try a + b
            f = try Autodiff.sum(sum * c)
        }
    }

    func address(_ tensor: Tensor) -> UnsafePointer<Double>? {
        tensor.scalars.withUnsafeBufferPointer(\.baseAddress)
    }

    @Test func anInputOfTheAddGateTakesTheUpstreamGradientItself() throws {
        let circuit = try Circuit()
        try circuit.g.backward(from: circuit.f)
        #expect(circuit.a.gradient == circuit.c.value)
        #expect(circuit.b.gradient == circuit.c.value)
        #expect(address(circuit.a.gradient) == address(circuit.sum.gradient))
    }

    @Test func runningAgainGivesTheNewGradientsAndWritesInPlace() throws {
        let circuit = try Circuit()
        try circuit.g.backward(from: circuit.f)
        let buffer = address(circuit.sum.gradient)
        let newC = Tensor.randn([20, 20], seed: 4)
        circuit.g.set(circuit.c, to: newC)
        try circuit.g.forward()
        try circuit.g.backward(from: circuit.f)
        #expect(circuit.a.gradient == newC && circuit.b.gradient == newC && circuit.sum.gradient == newC)
        #expect(address(circuit.sum.gradient) == buffer)
    }

    /// Σ (x + x) · c and Σ ((x + y) · c + x · d): the second use adds to the shared gradient, in a copy.
    @Test func aValueUsedTwiceStillGetsTheSumOfBothGradients() throws {
        let g = Graph()
        let x = g.input(.randn([16, 16], seed: 1)), y = g.input(.randn([16, 16], seed: 2))
        let c = g.input(.randn([16, 16], seed: 3)), d = g.input(.randn([16, 16], seed: 4))
        let twice = try sum((x + x) * c)
        try g.backward(from: twice)
        #expect(x.gradient.scalars == c.value.scalars.map { $0 + $0 })
        let both = try sum((x + y) * c + x * d)
        for _ in 0..<2 {
            try g.backward(from: both)
            #expect(x.gradient.scalars == zip(c.value.scalars, d.value.scalars).map { $0 + $1 })
            #expect(y.gradient == c.value)
        }
    }

    /// After a backward in which the add gate shared its gradient, a backward
    /// from an output that does not go through it leaves zeros of the right shape.
    @Test func backwardFromAnotherOutputLeavesZerosOfTheRightShape() throws {
        let circuit = try Circuit()
        let other = try sum(circuit.a * circuit.c)
        try circuit.g.backward(from: circuit.f)
        try circuit.g.backward(from: other)
        #expect(circuit.b.gradient == .zeros([20, 20]))
        #expect(circuit.sum.gradient == .zeros([20, 20]))
        #expect(circuit.a.gradient == circuit.c.value)
        try circuit.g.backward(from: circuit.f)
        #expect(circuit.b.gradient == circuit.c.value)
    }

    /// A small gradient is copied: sharing it would cost more than the copy.
    @Test func aSmallGradientIsCopiedNotShared() throws {
        let g = Graph()
        let a = g.input(Tensor([1, 2, 3])), b = g.input(Tensor([4, 5, 6]))
        let sum = try a + b
        try g.backward(from: sum, seed: Tensor([7, 8, 9]))
        #expect(a.gradient == Tensor([7, 8, 9]) && b.gradient == Tensor([7, 8, 9]))
        #expect(address(a.gradient) != address(sum.gradient))
    }

    /// Large gradients no gate has written yet share one buffer of zeros; a
    /// write to one of them (backward) leaves the others zeros.
    @Test func gradientsBackwardDoesNotReachStayZerosWhileOthersAreWritten() throws {
        let g = Graph()
        let w = g.input(.randn([20, 30], seed: 1)), v = g.input(.randn([20, 30], seed: 2))
        let check = try w * 0 + 1                      // beside the loss, as an `expect` makes it
        let f = try Autodiff.sum(w * v)
        #expect(address(check.gradient) == address(w.gradient))  // one buffer, before backward
        try g.backward(from: f)
        #expect(w.gradient == v.value && v.gradient == w.value)
        #expect(check.gradient == .zeros([20, 30]) && check.inputs[0].gradient == .zeros([20, 30]))
        try g.backward(from: f)
        #expect(w.gradient == v.value && check.gradient == .zeros([20, 30]))
        #expect(try Autodiff.sum(v * 0).gradient.scalars == [0])  // a node made after backward, too
    }
}

/// A bias's gradient is the sum of the upstream's rows (`Add.sumRows`): the
/// same numbers, to the last bit, as adding the rows one after the other.
@Suite struct BiasGradientTests {
    @Test(arguments: [(1, 2), (3, 31), (300, 32), (2, 33), (5, 64), (300, 100), (7, 101)])
    func theSumOfTheRowsIsTheRowByRowSum(_ size: (rows: Int, width: Int)) {
        let up = Tensor.randn([size.rows, size.width], seed: 5).scalars
        let start = Tensor.randn([size.width], seed: 6).scalars
        var expected = start
        for r in 0..<size.rows { for j in 0..<size.width { expected[j] += up[r * size.width + j] } }
        var d = start
        up.withUnsafeBufferPointer { up in
            d.withUnsafeMutableBufferPointer { Add.sumRows(up.baseAddress!, rows: size.rows, into: $0) }
        }
        #expect(d == expected)
    }

    /// b + h and h + b, with b also used by a second gate: b's gradient is the
    /// sum over the rows of each use's upstream gradient.
    @Test(arguments: [false, true]) func aBiasOnEitherSideGetsItsRowsSummed(_ biasFirst: Bool) throws {
        let g = Graph()
        let h = g.input(.randn([6, 40], seed: 1)), b = g.input(.randn([40], seed: 2))
        let c = g.input(.randn([6, 40], seed: 3), needsGradient: false)
        let d = g.input(.randn([40], seed: 4), needsGradient: false)
        let shifted = try biasFirst ? b + h : h + b
        let f = try sum(shifted * c) + sum(b * d)
        try g.backward(from: f)
        let expected = (0..<40).map { j in (0..<6).reduce(0.0) { $0 + c.value.scalars[$1 * 40 + j] } + d.value.scalars[j] }
        #expect(close(b.gradient, expected, within: 1e-12))
        #expect(h.gradient == c.value)
    }
}
