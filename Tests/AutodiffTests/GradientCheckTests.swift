import Foundation
import Testing
@testable import Autodiff

/// Every gate's backward agrees with central differences at random points.
@Suite struct GradientCheckTests {
    /// A random tensor away from 0 (for log, sqrt, division): entries in ±[0.5, 2].
    static func awayFromZero(_ shape: [Int], seed: UInt64) -> Tensor {
        var t = Tensor.uniform(shape, low: 0.5, high: 2, seed: seed)
        let signs = Tensor.uniform(shape, seed: seed &+ 1)
        for i in 0..<t.count where signs.scalars[i] < 0.5 { t.scalars[i].negate() }
        return t
    }

    /// One op, applied to random inputs made from a seed; the output is made
    /// scalar by a weighted sum with random weights, so every entry of the
    /// gradient is exercised with a different upstream value.
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let build: @Sendable (Graph, UInt64) throws -> Node
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "add with a broadcast bias") { g, s in try g.input(.randn([3, 4], seed: s)) + g.input(.randn([4], seed: s + 1)) },
        Case(name: "subtract with a column") { g, s in try g.input(.randn([3, 4], seed: s)) - g.input(.randn([3, 1], seed: s + 1)) },
        Case(name: "multiply") { g, s in try g.input(.randn([2, 3], seed: s)) * g.input(.randn([2, 3], seed: s + 1)) },
        Case(name: "divide") { g, s in try g.input(.randn([5], seed: s)) / g.input(awayFromZero([5], seed: s + 1)) },
        Case(name: "negate") { g, s in try -g.input(.randn([4], seed: s)) },
        Case(name: "power 3") { g, s in try g.input(.randn([4], seed: s)).pow(3) },
        Case(name: "power 0.5") { g, s in try abs(g.input(awayFromZero([4], seed: s))).pow(0.5) },
        Case(name: "reciprocal") { g, s in try reciprocal(g.input(awayFromZero([4], seed: s))) },
        Case(name: "exp") { g, s in try exp(g.input(.randn([4], seed: s))) },
        Case(name: "log") { g, s in try log(abs(g.input(awayFromZero([4], seed: s)))) },
        Case(name: "sqrt") { g, s in try sqrt(abs(g.input(awayFromZero([4], seed: s)))) },
        Case(name: "abs") { g, s in try abs(g.input(.randn([6], seed: s))) },
        Case(name: "max") { g, s in try max(g.input(.randn([6], seed: s)), g.input(.randn([6], seed: s + 1))) },
        Case(name: "min") { g, s in try min(g.input(.randn([6], seed: s)), g.input(.randn([6], seed: s + 1))) },
        Case(name: "sigmoid") { g, s in try sigmoid(g.input(.randn([6], seed: s))) },
        Case(name: "tanh") { g, s in try tanh(g.input(.randn([6], seed: s))) },
        Case(name: "relu") { g, s in try relu(g.input(.randn([6], seed: s))) },
        Case(name: "leaky relu") { g, s in try leakyReLU(g.input(.randn([6], seed: s)), alpha: 0.1) },
        Case(name: "elu") { g, s in try elu(g.input(.randn([6], seed: s))) },
        Case(name: "maxout of 3") { g, s in
            try maxout(g.input(.randn([5], seed: s)), g.input(.randn([5], seed: s + 1)), g.input(.randn([5], seed: s + 2)))
        },
        Case(name: "matrix · matrix") { g, s in try matmul(g.input(.randn([3, 4], seed: s)), g.input(.randn([4, 2], seed: s + 1))) },
        Case(name: "matrix · vector") { g, s in try matmul(g.input(.randn([3, 4], seed: s)), g.input(.randn([4], seed: s + 1))) },
        Case(name: "vector · matrix") { g, s in try matmul(g.input(.randn([4], seed: s)), g.input(.randn([4, 2], seed: s + 1))) },
        Case(name: "vector · vector") { g, s in try matmul(g.input(.randn([4], seed: s)), g.input(.randn([4], seed: s + 1))) },
        Case(name: "transpose") { g, s in try g.input(.randn([3, 2], seed: s)).T },
        Case(name: "sum") { g, s in try sum(g.input(.randn([3, 2], seed: s))) },
        Case(name: "sum along axis 0") { g, s in try sum(g.input(.randn([3, 2], seed: s)), axis: 0) },
        Case(name: "mean along axis 1, kept") { g, s in try mean(g.input(.randn([3, 2], seed: s)), axis: 1, keepDims: true) },
        Case(name: "softmax") { g, s in try softmax(g.input(.randn([2, 4], seed: s))) },
        Case(name: "softmax loss") { g, s in
            try softmaxLoss(g.input(.randn([5, 3], seed: s)), g.input(Tensor([0, 2, 1, 1, 0]), needsGradient: false))
        },
        Case(name: "svm loss") { g, s in
            try svmLoss(g.input(.randn([5, 3], seed: s)), g.input(Tensor([0, 2, 1, 1, 0]), needsGradient: false))
        },
        Case(name: "l2") { g, s in try l2(g.input(.randn([3, 3], seed: s))) },
    ]

    /// The op's output dotted with random weights: a scalar whose gradient is a random upstream.
    static func scalarOutput(_ c: Case, seed: UInt64) throws -> Graph {
        let g = Graph()
        let y = try c.build(g, seed)
        let weights = g.input(.randn(y.shape, seed: seed + 99), needsGradient: false)
        _ = try sum(y * weights)
        return g
    }

    /// Twenty random points per gate, the same every run: a point that lands
    /// within h of a kink (ReLU at 0, a tie in max) fails a gradient check for
    /// a good reason, and must not make the suite flaky.
    @Test(arguments: cases)
    func passesGradientCheckAtRandomPoints(_ c: Case) throws {
        var seeds = SeededRandom(seed: 20_261_123)
        for _ in 0..<20 {
            let seed = seeds.next() % 1_000_000
            let g = try Self.scalarOutput(c, seed: seed)
            let result = try GradientCheck().run(g)
            #expect(result.passed, "\(c.name) at seed \(seed): worst entry \(String(describing: result.worst))")
            #expect(!result.entries.isEmpty)
        }
    }

    /// A multiply gate whose backward forgets to swap: it passes `a` back to `a`.
    final class WrongMultiply: BinaryGate {
        let name = "wrong multiply"
        let symbol = "×?"
        func forward(_ a: Double, _ b: Double) -> Double { a * b }
        func local(_ a: Double, _ b: Double, _ y: Double) -> (Double, Double) { (a, b) }
    }

    @Test func aDeliberatelyWrongBackwardIsCaught() throws {
        let g = Graph()
        let a = g.input(Tensor([1.5, -2]), name: "a"), b = g.input(Tensor([0.5, 3]), name: "b")
        let product = try g.apply(WrongMultiply(), [a, b])
        _ = try sum(product)
        let result = try GradientCheck().run(g)
        let worst = try #require(result.worst)
        #expect(!result.passed)
        #expect(worst.input == "b" && worst.index == [1])  // analytic 3, numerical -2: relative error 5/3
        #expect(abs(worst.relativeError - 5.0 / 3.0) < 1e-6)
    }

    @Test func relativeErrorIsTheLecturesFormula() {
        #expect(GradientCheck.relativeError(1.0, 1.0 + 1e-8) < 1e-7)
        #expect(GradientCheck.relativeError(2, 1) == 0.5)
        #expect(GradientCheck.relativeError(0, 0) == 0)
    }

    @Test func aSampledCheckLooksAtTheRequestedNumberOfEntries() throws {
        let g = Graph()
        let W = g.input(.randn([30, 40], seed: 1), name: "W")
        _ = try l2(W)
        let result = try GradientCheck(samples: 20, seed: 7).run(g)
        #expect(result.entries.count == 20)
        #expect(Set(result.entries.map(\.index)).count == 20)
        #expect(result.passed)
        let again = try GradientCheck(samples: 20, seed: 7).run(g)
        #expect(again.entries.map(\.index) == result.entries.map(\.index))
    }

    /// The sample is the first `samples` steps of a Fisher–Yates shuffle of
    /// every index, seeded: the same entries as shuffling an array of them all.
    @Test(arguments: [(1_200, 20, 7), (1_200, 1_199, 3), (50, 10, 0), (307_200, 10, 1)])
    func aSampleIsTheStartOfASeededShuffleOfEveryIndex(_ count: Int, _ samples: Int, _ seed: UInt64) throws {
        var random = SeededRandom(seed: seed), all = Array(0..<count)
        for i in 0..<samples { all.swapAt(i, i + Int(random.next() % UInt64(count - i))) }
        let g = Graph()
        let W = g.input(.randn([count], seed: 4), name: "W")
        _ = try sum(W)
        let result = try GradientCheck(samples: samples, seed: seed).run(g)
        #expect(result.entries.map { $0.index[0] } == all[..<samples].sorted())
    }

    /// f = a² + exp(b): each input reaches f by its own branch, and the check of
    /// b must see a at its own value again, not at a − h.
    @Test func inputsOnSeparateBranchesAreEachCheckedAtTheOthersTrueValue() throws {
        let g = Graph()
        let a = g.input(1.5, name: "a"), b = g.input(-0.5, name: "b")
        let f = try a * a + exp(b)
        let result = try GradientCheck().run(g, output: f)
        #expect(result.passed)
        let numerical = result.entries.map(\.numerical)
        #expect(abs(numerical[0] - 3.0) < 1e-8 && abs(numerical[1] - Foundation.exp(-0.5)) < 1e-8)
        #expect(f.value.scalar == 1.5 * 1.5 + Foundation.exp(-0.5))
    }

    @Test func theCheckLeavesTheGraphAsItFoundIt() throws {
        let g = Graph()
        let x = g.input(Tensor([0.3, -1.2]), name: "x")
        let f = try l2(sigmoid(x))
        try g.backward()
        let (value, gradient) = (f.value, x.gradient)
        _ = try GradientCheck().run(g)
        #expect(x.value == Tensor([0.3, -1.2]))
        #expect(f.value == value && x.gradient == gradient)
    }

    /// Every node, on the checked path or beside it (as an `expect` makes one),
    /// holds after the check what a fresh forward and backward give it.
    @Test func everyValueAndGradientIsWhatAFreshPassGives() throws {
        let g = Graph()
        let W = g.input(.randn([3, 4], seed: 1), name: "W"), b = g.input(.randn([4], seed: 2), name: "b")
        let X = g.input(.randn([5, 3], seed: 3), needsGradient: false)
        let L = try l2(relu(matmul(X, W) + b))
        let beside = try W * 0 + 1
        try g.backward(from: L)
        _ = try GradientCheck().run(g, output: L)
        let after = g.nodes.map { ($0.value, $0.gradient) }
        try g.forward()
        try g.backward(from: L)
        #expect(g.nodes.indices.allSatisfy { g.nodes[$0].value == after[$0].0 && g.nodes[$0].gradient == after[$0].1 })
        #expect(beside.value == .ones([3, 4]))
    }

    /// W1 in X·W1ᵀ, as lecture 07's two-layer net reads it: the check nudges the
    /// one entry of W1ᵀ that moves instead of transposing W1 again. Its central
    /// differences are, to the bit, those of graphs built afresh at W1 ± h, and
    /// afterwards every node holds what a fresh pass gives.
    @Test func aCheckThroughATransposeGivesTheCentralDifferencesOfFreshGraphs() throws {
        func net(_ W1: Tensor) throws -> (Graph, W1: Node, L: Node) {
            let g = Graph()
            let X = g.input(.randn([5, 7], seed: 1), needsGradient: false)
            let W = g.input(W1, name: "W1"), W2 = g.input(.randn([3, 4], seed: 3), name: "W2")
            let y = g.input(Tensor([0, 2, 1, 1, 0]), needsGradient: false)
            return (g, W, try softmaxLoss(matmul(relu(matmul(X, W.T)), W2.T), y))
        }
        let W1 = Tensor.randn([4, 7], seed: 2), check = GradientCheck()
        let (g, W, L) = try net(W1)
        try g.backward(from: L)
        let result = try check.run(g, output: L, inputs: [W])
        #expect(result.entries.count == 28 && result.passed)
        for (flat, entry) in result.entries.enumerated() {
            func loss(_ nudge: Double) throws -> Double {
                var moved = W1
                moved.scalars[flat] += nudge
                return try net(moved).L.value.scalar
            }
            #expect(entry.numerical == (try loss(check.h) - loss(-check.h)) / (2 * check.h), "entry \(entry.index)")
        }
        let after = g.nodes.map { ($0.value, $0.gradient) }
        try g.forward()
        try g.backward(from: L)
        #expect(g.nodes.indices.allSatisfy { g.nodes[$0].value == after[$0].0 && g.nodes[$0].gradient == after[$0].1 })
    }
}
