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
}
