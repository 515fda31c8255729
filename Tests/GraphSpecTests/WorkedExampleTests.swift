import Autodiff
import Diagnostics
import Foundation
import GraphSpec
import Testing

/// The worked examples of CS231n lecture 4, written as specs: the same values and
/// gradients as the same graphs built with the Autodiff API, and the lecture's figures.
@Suite struct WorkedExampleTests {

    static let addMultiply = """
        x = -2
        y = 5
        z = -4
        q = x + y
        f = q * z
        expect f = -12
        expect df/dz = 3, df/dq = -4, df/dx = -4, df/dy = -4
        """

    @Test func fIsXPlusYTimesZAsTheAPIComputesIt() throws {
        let spec = run(Self.addMultiply)
        #expect(spec.passed)

        let g = Graph()
        let x = g.input(-2, name: "x"), y = g.input(5, name: "y"), z = g.input(-4, name: "z")
        let q = try x + y
        let f = try q * z
        try g.backward(from: f)
        expectSameGraph(spec.graph, g)

        // The lecture's figures.
        #expect(try node("f", in: spec).value.scalar == -12)
        #expect(try node("q", in: spec).value.scalar == 3)
        #expect(try node("z", in: spec).gradient.scalar == 3)
        #expect(try node("q", in: spec).gradient.scalar == -4)
        #expect(try node("x", in: spec).gradient.scalar == -4)
        #expect(try node("y", in: spec).gradient.scalar == -4)
    }

    static let sigmoidCircuit = """
        w0 = 2; x0 = -1; w1 = -3; x1 = -2; w2 = -3
        f = 1 / (1 + exp(-(w0*x0 + w1*x1 + w2)))
        expect f = 0.73, df/dw0 = -0.20, df/dx0 = 0.39, df/dw1 = -0.39, df/dx1 = -0.59, df/dw2 = 0.20
        gradcheck
        """

    @Test func sigmoidCircuitFromPrimitiveGatesAsTheAPIComputesIt() throws {
        let spec = run(Self.sigmoidCircuit)
        #expect(spec.passed)

        let g = Graph()
        let w0 = g.input(2, name: "w0"), x0 = g.input(-1, name: "x0")
        let w1 = g.input(-3, name: "w1"), x1 = g.input(-2, name: "x1"), w2 = g.input(-3, name: "w2")
        let f = try reciprocal(1 + exp(-(w0 * x0 + w1 * x1 + w2)))
        try g.backward(from: f)
        expectSameGraph(spec.graph, g)

        // The lecture's figures: f ≈ 0.73, and the gradients on the inputs.
        #expect(near(try node("f", in: spec).value.scalar, 0.73))
        #expect(near(try node("w0", in: spec).gradient.scalar, -0.20))
        #expect(near(try node("x0", in: spec).gradient.scalar, 0.39))
        #expect(near(try node("w1", in: spec).gradient.scalar, -0.39))
        #expect(near(try node("x1", in: spec).gradient.scalar, -0.59))
        #expect(near(try node("w2", in: spec).gradient.scalar, 0.20))
        // On the wires: 1.37 into the 1/x gate, −0.53 out of it, −0.20 after exp, 0.20 on the dot product.
        let reciprocalGate = try #require(spec.graph.nodes.last)
        #expect(reciprocalGate.gate?.name == Reciprocal().name)
        let denominator = reciprocalGate.inputs[0]
        #expect(near(denominator.value.scalar, 1.37))
        #expect(near(denominator.gradient.scalar, -0.53))
        let exponential = try #require(denominator.inputs.first { $0.gate?.name == Exp().name })
        #expect(near(exponential.inputs[0].gradient.scalar, -0.20))
        #expect(near(exponential.inputs[0].inputs[0].gradient.scalar, 0.20))
    }

    static let vectorized = """
        W = [[0.1, 0.5], [-0.3, 0.8]]
        x = [0.2, 0.4]
        q = W @ x
        f = l2(q)
        expect q = [0.22, 0.26], f = 0.116
        expect df/dW = [[0.088, 0.176], [0.104, 0.208]], df/dx = [-0.112, 0.636]
        """

    @Test func squaredNormOfWTimesXAsTheAPIComputesIt() throws {
        let spec = run(Self.vectorized)
        #expect(spec.passed)

        let g = Graph()
        let W = g.input(Tensor([[0.1, 0.5], [-0.3, 0.8]]), name: "W")
        let x = g.input(Tensor([0.2, 0.4]), name: "x")
        let q = try matmul(W, x)
        let f = try l2(q)
        try g.backward(from: f)
        expectSameGraph(spec.graph, g)

        // The lecture's figures: q = W·x, f = ‖q‖², ∇W f = 2q·xᵀ, ∇x f = 2Wᵀ·q.
        #expect(difference(try node("q", in: spec).value, Tensor([0.22, 0.26])) < 1e-12)
        #expect(Swift.abs(try node("f", in: spec).value.scalar - 0.116) < 1e-12)
        #expect(difference(try node("W", in: spec).gradient, Tensor([[0.088, 0.176], [0.104, 0.208]])) < 1e-12)
        #expect(difference(try node("x", in: spec).gradient, Tensor([-0.112, 0.636])) < 1e-12)
        #expect(difference(try node("q", in: spec).gradient, Tensor([0.44, 0.52])) < 1e-12)
    }

    @Test func theOneLineFormGivesTheSameGraph() throws {
        let spec = run("W = [[0.1, 0.5], [-0.3, 0.8]]\nx = [0.2, 0.4]\nf = l2(W @ x)")
        let named = run(Self.vectorized)
        expectSameGraph(spec.graph, named.graph)
    }

}
