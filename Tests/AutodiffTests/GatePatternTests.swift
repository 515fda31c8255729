import Testing
@testable import Autodiff

/// Patterns in backward flow: add distributes, max routes, mul swaps, branches add.
@Suite struct GatePatternTests {
    @Test func addDistributesTheUpstreamGradientUnchanged() throws {
        let g = Graph()
        let a = g.input(3), b = g.input(-7)
        let sum = try a + b
        try g.backward(from: sum, seed: Tensor(2.5))
        #expect(a.gradient.scalar == 2.5 && b.gradient.scalar == 2.5)
    }

    @Test func mulSwapsItsInputs() throws {
        let g = Graph()
        let a = g.input(3), b = g.input(-7)
        let product = try a * b
        try g.backward(from: product, seed: Tensor(2))
        #expect(a.gradient.scalar == -14)  // 2 · b
        #expect(b.gradient.scalar == 6)    // 2 · a
    }

    @Test func maxRoutesTheGradientToTheLargerInput() throws {
        let g = Graph()
        let a = g.input(4), b = g.input(-1)
        _ = try max(a, b)
        try g.backward()
        #expect(a.gradient.scalar == 1 && b.gradient.scalar == 0)
    }

    @Test func maxOnATieRoutesToTheFirstInput() throws {
        let g = Graph()
        let a = g.input(2), b = g.input(2)
        _ = try max(a, b)
        try g.backward()
        #expect(a.gradient.scalar == 1 && b.gradient.scalar == 0)
    }

    @Test func aValueUsedTwiceGetsTheSumOfBothGradients() throws {
        let g = Graph()
        let x = g.input(3, name: "x")
        _ = try x * x + x  // d/dx (x² + x) = 2x + 1 = 7
        try g.backward()
        #expect(x.gradient.scalar == 7)
    }

    @Test func backwardTwiceGivesTheSameGradientsNotDoubled() throws {
        let g = Graph()
        let x = g.input(-2), y = g.input(5), z = g.input(-4)
        _ = try (x + y) * z
        try g.backward()
        try g.backward()
        #expect(x.gradient.scalar == -4 && z.gradient.scalar == 3)
    }

    @Test func aGraphBuiltOnceRunsAgainWithNewInputs() throws {
        let g = Graph()
        let x = g.input(-2), y = g.input(5), z = g.input(-4)
        let f = try (x + y) * z
        g.set(x, to: Tensor(1))
        g.set(z, to: Tensor(2))
        try g.forward()
        try g.backward()
        #expect(f.value.scalar == 12)     // (1 + 5) · 2
        #expect(x.gradient.scalar == 2)   // z
        #expect(z.gradient.scalar == 6)   // x + y
    }

    /// A training step recomputes only what the loss depends on: with
    /// f = (x + y)·z and a second output g = 2x, forward to f leaves g alone.
    @Test func forwardToAnOutputRecomputesOnlyItsAncestors() throws {
        let g = Graph()
        let x = g.input(-2), y = g.input(5), z = g.input(-4)
        let f = try (x + y) * z
        let twice = try x * g.input(2)
        g.set(x, to: Tensor(1))
        try g.forward(to: f)
        #expect(f.value.scalar == -24)     // (1 + 5) · -4
        #expect(twice.value.scalar == -4)  // still 2 · -2: not an ancestor of f
        try g.forward(to: twice, changed: x)
        #expect(twice.value.scalar == 2)
        #expect(g.path(from: y, to: f).count == 3)  // y, x + y, f
        #expect(g.path(from: z, to: twice).isEmpty)
    }

    /// Gradients are written on first contact, not zeroed up front: a node that
    /// the new output does not depend on still ends with gradient 0, and a
    /// node used twice still sums both uses.
    @Test func backwardFromAnotherOutputLeavesNoOldGradientBehind() throws {
        let g = Graph()
        let x = g.input(3), y = g.input(-4), z = g.input(2)
        let f = try x * y + x * x   // df/dx = y + 2x = 2
        let h = try x + z           // dh/dz = 1
        try g.backward(from: h)
        #expect(z.gradient.scalar == 1 && x.gradient.scalar == 1)
        try g.backward(from: f)
        #expect(z.gradient.scalar == 0)
        #expect(x.gradient.scalar == 2 && y.gradient.scalar == 3)
        #expect(h.gradient.scalar == 0)
    }

    @Test func broadcastingABiasAddsItToEveryRowAndSumsItsGradient() throws {
        let g = Graph()
        let scores = g.input(Tensor([[1, 2, 3], [4, 5, 6]]))
        let bias = g.input(Tensor([10, 20, 30]))
        let shifted = try scores + bias
        try g.backward(from: shifted, seed: .ones([2, 3]))
        #expect(shifted.value == Tensor([[11, 22, 33], [14, 25, 36]]))
        #expect(bias.gradient == Tensor([2, 2, 2]))   // the adjoint of broadcasting is a sum over rows
        #expect(scores.gradient == .ones([2, 3]))
    }

    @Test func aColumnBroadcastsAcrossColumns() throws {
        let g = Graph()
        let scores = g.input(Tensor([[1, 2, 3], [4, 5, 6]]))
        let column = g.input(Tensor(shape: [2, 1], scalars: [1, 2]))
        let scaled = try scores * column
        try g.backward(from: scaled, seed: .ones([2, 3]))
        #expect(scaled.value == Tensor([[1, 2, 3], [8, 10, 12]]))
        #expect(column.gradient == Tensor(shape: [2, 1], scalars: [6, 15]))
    }

    @Test func runningAgainReusesEveryBuffer() throws {
        let g = Graph()
        let X = g.input(.randn([30, 2], seed: 1), needsGradient: false)
        let W = g.input(.randn([2, 10], seed: 2)), b = g.input(.zeros([10]))
        let labels = g.input(Tensor((0..<30).map { Double($0 % 10) }), needsGradient: false)
        _ = try softmaxLoss(relu(matmul(X, W) + b), labels)
        // Data and labels hold no gradient buffer at all: theirs reads as zeros.
        func addresses() -> [UnsafePointer<Double>?] {
            g.nodes.flatMap { node in
                [node.value.scalars.withUnsafeBufferPointer(\.baseAddress)]
                    + (node.needsGradient ? [node.gradient.scalars.withUnsafeBufferPointer(\.baseAddress)] : [])
            }
        }
        try g.backward()
        let before = addresses()
        for _ in 0..<3 { try g.forward(); try g.backward() }
        #expect(addresses() == before)
        #expect(X.gradient == .zeros([30, 2]) && labels.gradient == .zeros([30]))
    }

    @Test func aNodeBackwardDidNotReachReadsAsZerosThenAsItsGradientOnceReached() throws {
        let g = Graph()
        let x = g.input(Tensor([1, 2, 3]), name: "x"), y = g.input(Tensor([4, 5, 6]), name: "y")
        let f = try sum(x * x), q = try y * 2, h = try sum(q * x)
        try g.backward(from: h)
        #expect(x.gradient == Tensor([8, 10, 12]) && q.gradient == Tensor([1, 2, 3]))
        try g.backward(from: f)
        #expect(x.gradient == Tensor([2, 4, 6]))
        #expect(q.gradient == .zeros([3]) && y.gradient == .zeros([3]))   // off f's path: cleared
        try g.backward(from: h)
        #expect(y.gradient == Tensor([2, 4, 6]) && q.gradient == Tensor([1, 2, 3]))
    }

    @Test func maxoutOfNothingIsAnErrorNotACrash() {
        #expect(throws: AutodiffError.self) { try maxout() }
    }
}
