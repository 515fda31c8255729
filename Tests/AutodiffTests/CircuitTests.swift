import Testing
@testable import Autodiff

/// The worked examples of lecture 4, computed by the engine.
@Suite struct CircuitTests {
    @Test func fOfXPlusYTimesZAtMinus2_5_Minus4() throws {
        let g = Graph()
        let x = g.input(-2, name: "x"), y = g.input(5, name: "y"), z = g.input(-4, name: "z")
        let q = try x + y
        let f = try q * z
        try g.backward()
        #expect(f.value.scalar == -12)
        #expect(z.gradient.scalar == 3)   // df/dz = q
        #expect(q.gradient.scalar == -4)  // df/dq = z
        #expect(x.gradient.scalar == -4)  // df/dx = df/dq · dq/dx = -4 · 1
        #expect(y.gradient.scalar == -4)
    }

    @Test func upstreamTimesLocalOnEveryEdgeOfTheAddGate() throws {
        let g = Graph()
        let x = g.input(-2), y = g.input(5), z = g.input(-4)
        let q = try x + y
        _ = try q * z
        try g.backward()
        let f = try #require(g.output)
        #expect(f.localGradient(0) == -4)  // ∂f/∂q = z
        #expect(f.localGradient(1) == 3)   // ∂f/∂z = q
        #expect(q.localGradient(0) == 1)
        #expect(q.gradient.scalar * q.localGradient(0)! == x.gradient.scalar)
    }

    /// The sigmoid neuron f = 1/(1 + exp(-(w0·x0 + w1·x1 + w2))) from primitive gates.
    struct SigmoidCircuit {
        let g = Graph()
        let w0, x0, w1, x1, w2: Node
        let dot, negated, exponential, denominator, f: Node

        init() throws {
            w0 = g.input(2, name: "w0"); x0 = g.input(-1, name: "x0")
            w1 = g.input(-3, name: "w1"); x1 = g.input(-2, name: "x1")
            w2 = g.input(-3, name: "w2")
            dot = try w0 * x0 + w1 * x1 + w2
            negated = try -dot
            exponential = try exp(negated)
            denominator = try exponential + 1
            f = try reciprocal(denominator)
            try g.backward()
        }
    }

    @Test func sigmoidCircuitFromPrimitiveGates() throws {
        let c = try SigmoidCircuit()
        #expect(rounds(c.f.value.scalar, to: 0.73, places: 2))
        #expect(rounds(c.denominator.value.scalar, to: 1.37, places: 2))
        #expect(rounds(c.exponential.value.scalar, to: 0.37, places: 2))
        #expect(rounds(c.denominator.gradient.scalar, to: -0.53, places: 2))  // after the 1/x gate
        #expect(rounds(c.exponential.gradient.scalar, to: -0.53, places: 2))  // through the +1 gate
        #expect(rounds(c.negated.gradient.scalar, to: -0.20, places: 2))      // after the exp gate
        #expect(rounds(c.dot.gradient.scalar, to: 0.20, places: 2))
        #expect(rounds(c.w0.gradient.scalar, to: -0.20, places: 2))
        #expect(rounds(c.x0.gradient.scalar, to: 0.39, places: 2))
        #expect(rounds(c.w1.gradient.scalar, to: -0.39, places: 2))
        #expect(rounds(c.x1.gradient.scalar, to: -0.59, places: 2))
        #expect(rounds(c.w2.gradient.scalar, to: 0.20, places: 2))
    }

    @Test func oneSigmoidGateGivesTheSameGradientsWithLocalOneMinusSigmaTimesSigma() throws {
        let circuit = try SigmoidCircuit()
        let g = Graph()
        let w0 = g.input(2), x0 = g.input(-1), w1 = g.input(-3), x1 = g.input(-2), w2 = g.input(-3)
        let f = try sigmoid(w0 * x0 + w1 * x1 + w2)
        try g.backward()
        let sigma = f.value.scalar
        #expect(abs(sigma - circuit.f.value.scalar) < 1e-15)
        #expect(rounds(try #require(f.localGradient(0)), to: 0.20, places: 2))
        #expect(f.localGradient(0) == (1 - sigma) * sigma)
        for (one, many) in zip([w0, x0, w1, x1, w2], [circuit.w0, circuit.x0, circuit.w1, circuit.x1, circuit.w2]) {
            #expect(abs(one.gradient.scalar - many.gradient.scalar) < 1e-15)
        }
    }

    @Test func squaredNormOfWTimesX() throws {
        let g = Graph()
        let W = g.input(Tensor([[0.1, 0.5], [-0.3, 0.8]]), name: "W")
        let x = g.input(Tensor([0.2, 0.4]), name: "x")
        let q = try matmul(W, x)
        let f = try l2(q)
        try g.backward()
        #expect(close(q.value, [0.22, 0.26], within: 1e-15))
        #expect(rounds(f.value.scalar, to: 0.116, places: 3))
        #expect(close(q.gradient, [0.44, 0.52], within: 1e-15))                  // 2q
        #expect(close(W.gradient, [0.088, 0.176, 0.104, 0.208], within: 1e-15))  // 2q·xᵀ
        #expect(close(x.gradient, [-0.112, 0.636], within: 1e-15))               // 2Wᵀ·q
        for node in [W, x, q, f] { #expect(node.gradient.shape == node.value.shape) }
    }

    /// The sum runs eight at a time, then the few left over: every length from 0 to 19
    /// (blocks of eight and tails) gives Σ x² of whole numbers, which is exact.
    @Test(arguments: 0...19)
    func l2OfTheFirstWholeNumbersIsTheSumOfTheirSquares(_ n: Int) throws {
        let g = Graph()
        let f = try l2(g.input(Tensor((0..<n).map { Double($0 + 1) })))
        #expect(f.value.scalar == Double(n * (n + 1) * (2 * n + 1) / 6))
    }

    @Test func l2OfCIFARSizedWeightsIsTheSumOfSquaresToThirteenDigits() throws {
        let W = Tensor.randn([100, 3072], seed: 2)
        let exact = Double(W.scalars.reduce(Float80(0)) { $0 + Float80($1) * Float80($1) })  // 64-bit significand
        let g = Graph()
        let f = try l2(g.input(W))
        #expect(abs(f.value.scalar - exact) / exact < 1e-13)
    }
}
