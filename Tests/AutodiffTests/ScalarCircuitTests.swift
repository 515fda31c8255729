import Foundation
import Testing
@testable import Autodiff

/// A graph of scalars runs forward and backward as flat arrays
/// (Graph+ScalarCircuit.swift). Each circuit here is built twice: one graph
/// keeps its scalar circuit, the other is sent down the general path
/// (`scalarCircuit` nil), and every value and gradient must match to the bit —
/// −0 and +0 told apart, NaN by its payload — and so must every error.
@Suite struct ScalarCircuitTests {
    /// The same circuit in two graphs: `fast` on its scalar circuit, `general` without one.
    struct BothPaths {
        let fast = Graph(), general = Graph()

        init(_ build: (Graph) throws -> Void) throws {
            try build(fast)
            try build(general)
            general.scalarCircuit = nil
        }

        /// What each graph threw, or nil.
        struct Errors {
            let fast: AutodiffError?, general: AutodiffError?
            var neither: Bool { fast == nil && general == nil }
        }

        /// Runs `body` on each graph.
        func run(_ body: (Graph) throws -> Void) -> Errors {
            func caught(_ g: Graph) -> AutodiffError? {
                do { try body(g); return nil } catch { return error as? AutodiffError }
            }
            return Errors(fast: caught(fast), general: caught(general))
        }

        /// Whether both graphs hold the same shapes, values and gradients, bit for bit.
        var agree: Bool {
            func bits(_ t: Tensor) -> [UInt64] { t.scalars.map(\.bitPattern) }
            return fast.nodes.count == general.nodes.count && zip(fast.nodes, general.nodes).allSatisfy { a, b in
                a.shape == b.shape && bits(a.value) == bits(b.value) && bits(a.gradient) == bits(b.gradient)
            }
        }

        /// Forward and backward in both graphs; whether they agree and threw alike.
        func step() -> Bool {
            let forward = run { try $0.forward() }, backward = run { try $0.backward() }
            return forward.fast == forward.general && backward.fast == backward.general && agree
        }
    }

    /// The sigmoid neuron of lecture 4 from primitive gates, at w = (2, −3, −3), x = (−1, −2).
    static func sigmoidNeuron(_ g: Graph) throws {
        let w0 = g.input(2, name: "w0"), x0 = g.input(-1, name: "x0")
        let w1 = g.input(-3, name: "w1"), x1 = g.input(-2, name: "x1"), w2 = g.input(-3, name: "w2")
        _ = try reciprocal(exp(-(w0 * x0 + w1 * x1 + w2)) + 1)
    }

    @Test("the sigmoid neuron gives f = 0.73 and df/dw0 = −0.20 on both paths, to the bit")
    func sigmoidNeuronOnBothPaths() throws {
        let both = try BothPaths(Self.sigmoidNeuron)
        #expect(both.fast.scalarCircuit != nil)
        #expect(both.agree)  // as built
        try both.fast.backward()
        try both.general.backward()
        #expect(both.agree)
        #expect(rounds(both.fast.nodes[0].gradient.scalar, to: -0.20, places: 2))
        #expect(both.step())
        #expect(rounds(try #require(both.fast.output).value.scalar, to: 0.73, places: 2))
    }

    @Test("f = x·x + x at x = 3 gives df/dx = 2x + 1 = 7: the three uses add up")
    func aBranchingNodeAddsItsGradients() throws {
        let both = try BothPaths { g in
            let x = g.input(3, name: "x")
            _ = try x * x + x
        }
        #expect(both.step())
        #expect(both.fast.nodes[0].gradient.scalar == 7)
    }

    @Test("backward twice gives the same gradients, not doubled ones")
    func backwardTwiceGivesTheSameGradients() throws {
        let both = try BothPaths(Self.sigmoidNeuron)
        #expect(both.step())
        let first = both.fast.nodes.map(\.gradient)
        #expect(both.step())
        #expect(both.fast.nodes.map(\.gradient) == first)
    }

    @Test("f = (x + c)·y with c data: c gets no gradient, x and y theirs")
    func anInputThatNeedsNoGradientGetsNone() throws {
        let both = try BothPaths { g in
            let x = g.input(2, name: "x"), c = g.input(Tensor(5), name: "c", needsGradient: false), y = g.input(-4, name: "y")
            _ = try (x + c) * y
        }
        #expect(both.step())
        let x = both.fast.nodes[0], c = both.fast.nodes[1], y = both.fast.nodes[2]
        #expect(x.gradient.scalar == -4 && y.gradient.scalar == 7 && c.gradient.scalar == 0)
    }

    @Test("f = −max(x, y) at x = 1, y = 2: x gets −1 · 0 = −0, as the general path writes it")
    func aZeroGradientKeepsItsSign() throws {
        let both = try BothPaths { g in
            let x = g.input(1), y = g.input(2)
            _ = try -max(x, y)
        }
        #expect(both.step())
        #expect(both.fast.nodes[0].gradient.scalar.bitPattern == (-0.0).bitPattern)
    }

    @Test("set(x, to: 3) then forward() gives the values at x = 3")
    func setThenForwardGivesTheNewValues() throws {
        let both = try BothPaths { g in
            let x = g.input(1, name: "x"), y = g.input(2, name: "y")
            _ = try sigmoid(x * y) + tanh(x) / y
        }
        for g in [both.fast, both.general] { g.set(g.nodes[0], to: Tensor(3)) }
        #expect(both.step())
        let f = try #require(both.fast.output).value.scalar
        let sigma: Double = 1 / (1 + Foundation.exp(-6.0)), t: Double = Foundation.tanh(3.0)
        #expect(f == sigma + t / 2)
        // Backward after set() without forward reads the values the nodes hold, as the general path does.
        for g in [both.fast, both.general] { g.set(g.nodes[1], to: Tensor(-5)) }
        #expect(both.run { try $0.backward() }.neither)
        #expect(both.agree)
    }

    @Test("exp(x) at x = 1000 overflows: forward throws naming the exp node on both paths")
    func anOverflowThrowsTheSameError() throws {
        let both = try BothPaths { g in
            let x = g.input(1, name: "x")
            _ = try exp(x * 10) + 1
        }
        #expect(both.step())
        for g in [both.fast, both.general] { g.set(g.nodes[0], to: Tensor(100)) }
        let errors = both.run { try $0.forward() }, fast = errors.fast, general = errors.general
        #expect(fast != nil && fast == general)
        #expect(fast?.kind == .nonFinite && fast?.node == 3)
        #expect(both.agree)  // the nodes up to the exp hold the new values, those after it the old ones
        #expect(both.fast.scalarCircuit != nil)
    }

    @Test("log(x) with x set to −1 throws a domain error naming the log node on both paths")
    func logOfANegativeThrowsTheSameError() throws {
        let both = try BothPaths { g in
            let x = g.input(2, name: "x")
            _ = try log(x) * x
        }
        for g in [both.fast, both.general] { g.set(g.nodes[0], to: Tensor(-1)) }
        let errors = both.run { try $0.forward() }, fast = errors.fast, general = errors.general
        #expect(fast != nil && fast == general)
        #expect(fast?.kind == .domain && fast?.node == 1)
        // Without the checks, forward(to:) lets the NaN through, and backward names where it turns up.
        #expect(both.run { try $0.forward(to: $0.nodes[2], checkingEachNode: false) }.neither)
        #expect(both.agree && both.fast.nodes[2].value.scalar.isNaN)
        let backward = both.run { try $0.backward() }
        #expect(backward.fast != nil && backward.fast == backward.general)
        #expect(both.agree)
    }

    @Test("an input set to NaN is reported before any gate reads it")
    func aNonFiniteInputIsReported() throws {
        let both = try BothPaths(Self.sigmoidNeuron)
        for g in [both.fast, both.general] { g.set(g.nodes[3], to: Tensor(.nan)) }
        let errors = both.run { try $0.forward() }, fast = errors.fast, general = errors.general
        #expect(fast != nil && fast == general && fast?.node == 3)
        #expect(both.agree)
    }

    @Test("√x at x = 0: the gradient 1/(2·0) is ∞, and backward throws naming the √ gate")
    func anInfiniteGradientThrowsTheSameError() throws {
        let both = try BothPaths { g in
            let x = g.input(0, name: "x"), y = g.input(3, name: "y")
            _ = try sqrt(x) * y
        }
        let errors = both.run { try $0.backward() }, fast = errors.fast, general = errors.general
        #expect(fast != nil && fast == general)
        #expect(fast?.kind == .nonFinite && fast?.node == 2)
        #expect(both.agree)
    }

    @Test("a backward seed other than 1 scales every gradient alike")
    func aSeedScalesEveryGradient() throws {
        let both = try BothPaths(Self.sigmoidNeuron)
        #expect(both.run { try $0.backward(seed: Tensor(-2.5)) }.neither)
        #expect(both.agree)
    }

    @Test("x set to a vector runs the general path; set back to a scalar, the circuit again")
    func aNewShapeLeavesTheCircuitAndComesBack() throws {
        let g = Graph()
        let x = g.input(2, name: "x"), y = g.input(3, name: "y")
        let f = try sum(x * y)
        #expect(g.scalarCircuit == nil)  // sum is not elementwise
        let h = Graph()
        let u = h.input(2), v = h.input(3)
        let p = try u * v + u
        h.set(u, to: Tensor([1, 2]))
        try h.forward()
        #expect(h.scalarCircuit == nil)
        #expect(p.value.scalars == [4, 8])
        try h.backward(seed: .ones([2]))
        #expect(u.gradient.scalars == [4, 4] && v.gradient.scalars == [3])  // v, repeated, takes the sum
        h.set(u, to: Tensor(5))
        try h.forward()
        try h.backward()
        #expect(h.scalarCircuit != nil)
        #expect(p.value.scalar == 20 && u.gradient.scalar == 4 && v.gradient.scalar == 5)
        try g.backward(from: f)
        #expect(x.gradient.scalar == 3)
    }

    @Test("nodes built from inputs of shape [1] by the general apply hold the same values as from shape []")
    func buildingFromScalarsMatchesTheGeneralApply() throws {
        func build(_ g: Graph, _ value: (Double) -> Tensor) throws {
            let x = g.input(value(0.5)), y = g.input(value(-1.5))
            _ = try elu(leakyReLU(x / y, alpha: 0.1) - sqrt(x).pow(3)) * abs(y)
        }
        let scalars = Graph(), ones = Graph()
        try build(scalars) { Tensor($0) }
        try build(ones) { Tensor([$0]) }
        #expect(zip(scalars.nodes, ones.nodes).allSatisfy { $0.value.scalars[0].bitPattern == $1.value.scalars[0].bitPattern })
        #expect(ones.scalarCircuit != nil)  // one entry each: a circuit too
        try scalars.backward()
        try ones.backward()
        #expect(zip(scalars.nodes, ones.nodes).allSatisfy { $0.gradient.scalars[0].bitPattern == $1.gradient.scalars[0].bitPattern })
    }

    @Test("a node no gate reads sends backward down the general path, which zeroes what it does not reach")
    func anUnreadNodeUsesTheGeneralPath() throws {
        let both = try BothPaths { g in
            let x = g.input(2), y = g.input(3)
            _ = try x * y  // read by no one: the last node's ancestors are not every node
            _ = try x + y
        }
        #expect(both.fast.unreadNodes == 2)
        #expect(both.step())
        #expect(both.fast.nodes[2].gradient.scalar == 0)
    }
}
