import Autodiff
import Testing
@testable import GraphSpec

/// `minimize` runs the engine's optimizers exactly as a hand-written training loop would.
@Suite struct MinimizeTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let written: String
        let make: @Sendable () -> any Optimizer
        var testDescription: String { written }
    }

    static let cases = [
        Case(written: "sgd(lr: 0.05)") { GradientDescent(learningRate: 0.05) },
        Case(written: "momentum(lr: 0.05, rho: 0.9)") { Momentum(learningRate: 0.05, rho: 0.9) },
        Case(written: "nesterov(lr: 0.05, rho: 0.9)") { Nesterov(learningRate: 0.05, rho: 0.9) },
        Case(written: "adagrad(lr: 0.5)") { AdaGrad(learningRate: 0.5) },
        Case(written: "rmsprop(lr: 0.05, decay_rate: 0.9)") { RMSProp(learningRate: 0.05, decayRate: 0.9) },
        Case(written: "adam(lr: 0.1)") { Adam(learningRate: 0.1) },
    ]

    /// The loss L = (w1 − 1)² + 10·sin(w2)² + w1·w2 at (w1, w2) = (-2, 0.7), trained by hand.
    static func byHand(_ optimizer: any Optimizer, steps: Int) throws -> [[Double]] {
        var optimizer = optimizer
        let g = Graph()
        let w1 = g.input(-2), w2 = g.input(0.7)
        let s = try sigmoid(w2)  // a curved valley with a cross term
        let L = try (w1 - 1).pow(2) + 10 * s * s + w1 * w2
        var path: [[Double]] = []
        for _ in 0..<steps {
            try g.forward()
            path.append([w1.value.scalar, w2.value.scalar])
            try g.backward(from: L)
            optimizer.step([w1, w2])
        }
        try g.forward()
        path.append([w1.value.scalar, w2.value.scalar])
        return path
    }

    @Test(arguments: cases)
    func minimizeFollowsTheOptimizersPathExactly(_ c: Case) throws {
        let spec = """
            w1 = -2
            w2 = 0.7
            s = sigmoid(w2)
            L = (w1 - 1)^2 + 10 * s * s + w1 * w2
            minimize L over w1, w2 with \(c.written) for 25 steps
            """
        let evaluation = Evaluator.evaluate(Source(spec))
        #expect(evaluation.diagnostics.isEmpty, "\(evaluation.diagnostics.map(\.message))")
        let run = try #require(evaluation.trainings.first)
        let expected = try Self.byHand(c.make(), steps: 25)
        #expect(run.path.count == 26)
        for (a, b) in zip(run.path, expected) {
            #expect(abs(a[0] - b[0]) <= 1e-12 && abs(a[1] - b[1]) <= 1e-12, "\(a) vs \(b)")
        }
    }

    @Test func aRunIsCheckedByTheOptimizersName() {
        let spec = """
            w = 3
            L = w^2
            minimize L over w with sgd(lr: 0.01), momentum(lr: 0.01, rho: 0.9) for 50 steps
            expect L with sgd >= 1
            expect L with momentum <= 0.5
            expect w with sgd(lr: 0.01) = 1.09 ± 0.01
            """
        let evaluation = Evaluator.evaluate(Source(spec))
        #expect(evaluation.diagnostics.isEmpty, "\(evaluation.diagnostics.map(\.message))")
        #expect(evaluation.checks.map(\.passed) == [true, true, true])
        // Later statements see the last optimizer's values.
        #expect(abs((evaluation.named.first { $0.name == "w" }?.node.value.scalar ?? 0)) < 0.5)
    }

    @Test func aRunThatDidNotHappenIsAnError() {
        let evaluation = Evaluator.evaluate(Source("w = 3\nL = w^2\nminimize L over w with sgd(lr: 0.1) for 5 steps\nexpect L with adam <= 1"))
        #expect(evaluation.diagnostics.map(\.message) == ["no minimize ran 'adam'; the runs so far: 'sgd(lr: 0.1)'"])
    }

    @Test func twoScalarParametersGetTheirLossSurface() throws {
        let evaluation = Evaluator.evaluate(Source("a = 1\nb = -1\nL = a^2 + 3 * b^2\nminimize L over a, b with sgd(lr: 0.1) for 10 steps"))
        let surface = try #require(evaluation.minimizations.first?.surface)
        #expect(surface.xs.count == Pictures.resolution && surface.ys.count == Pictures.resolution)
        let (i, j) = (surface.xs.count / 2, surface.ys.count / 2)
        let (a, b) = (surface.xs[i], surface.ys[j])
        #expect(abs(surface.losses[j][i] - (a * a + 3 * b * b)) < 1e-12)
        // The window holds the whole path: from (1, -1) towards (0, 0).
        #expect(surface.xs.first! < 0 && surface.xs.last! > 1 && surface.ys.first! < -1 && surface.ys.last! > 0)
    }
}
