import Autodiff
import Diagnostics
import Foundation
import GraphSpec
import Testing

/// Labels, training, gradient checks and `show`.
@Suite struct TrainingTests {

    static let scores = """
        scores = [[3.2, 5.1, -1.7], [1.3, 4.9, 2.0], [2.2, 2.5, -3.1]]
        y = [0, 1, 2]
        L = svm_loss(scores, y)
        expect L = 5.27
        gradcheck
        """

    @Test func labelsTakeNoGradient() throws {
        let e = run(Self.scores)
        #expect(e.passed)
        #expect(try !node("y", in: e).needsGradient)
        #expect(try node("scores", in: e).needsGradient)
        let report = Report(e)
        #expect(report.gradients["y"] == nil)
        #expect(report.gradients["scores"] != nil)
        #expect(report.values["y"] != nil)
        // The gradient check checks the 9 scores and not the labels.
        #expect(e.checks.last?.detail.hasPrefix("9 entries;") == true)
    }

    @Test func minimizeLowersTheLossAndLaterStatementsSeeTheTrainedValues() throws {
        let e = run("w = 5\nL = w^2\nminimize L over w with gd(lr: 0.1) for 10 steps\nexpect w = 0.537, L <= 0.3")
        #expect(e.passed)
        let training = try #require(e.trainings.first)
        #expect(training.losses.count == 11)
        #expect(training.losses.first == 25)
        #expect(try #require(training.losses.last) < 0.3)
        #expect(zip(training.losses, training.losses.dropFirst()).allSatisfy { $0 > $1 })
        #expect(training.path.count == 11)  // one scalar parameter: its path is drawn
        #expect(Swift.abs(try node("w", in: e).value.scalar - 5 * 0.8 * 0.8 * 0.8 * 0.8 * 0.8 * 0.8 * 0.8 * 0.8 * 0.8 * 0.8) < 1e-12)
    }

    /// A step too large for exp(x²): the second step's forward overflows. The
    /// loop checks only its loss, then runs forward again to name the gate,
    /// and the error points at it.
    @Test func aDivergingRunNamesTheStepAndTheGateThatOverflowed() throws {
        let e = evaluate("x = 3\nL = exp(x * x)\nminimize L over x with gd(lr: 100) for 10 steps")
        let diagnostic = try #require(e.diagnostics.first)
        #expect(e.diagnostics.count == 1)
        #expect(diagnostic.message == "training with gd(lr: 100) (line 3) failed here at step 1: exp(23637600000000) "
                + "overflows: inputs above about 709 are too large")
        #expect(diagnostic.location.line == 2 && diagnostic.location.column == 5)
    }

    @Test func severalOptimizersStartFromTheSameValues() throws {
        let e = run("w = 5\nL = w^2\nminimize L over w with gd(lr: 0.1), momentum(lr: 0.1), adam(lr: 0.5) for 2 steps")
        #expect(e.trainings.map(\.optimizer) == ["gd(lr: 0.1)", "momentum(lr: 0.1)", "adam(lr: 0.5)"])
        #expect(e.trainings.allSatisfy { $0.losses.first == 25 })
        #expect(e.trainings[0].losses.last.map { Swift.abs($0 - 3.2 * 3.2) < 1e-12 } == true)
        #expect(e.trainings[1].losses.last.map { Swift.abs($0 - 2.3 * 2.3) < 1e-12 } == true)
    }

    static let classifier = """
        X, y = spiral(points: 10, classes: 3, seed: 0)
        W = randn(2, 3, seed: 1) * 0.01
        b = zeros(3)
        scores = X @ W + b
        L = softmax_loss(scores, y)
        expect L = 1.0986 ± 0.01
        minimize L over W, b with sgd(lr: 1) for 20 steps batch 10
        expect L <= 0.9
        """

    @Test func batchTrainsOnMinibatchesAndRestoresTheData() throws {
        let e = run(Self.classifier)
        #expect(e.passed)
        let training = try #require(e.trainings.first)
        #expect(training.losses.count == 21)
        #expect(try #require(training.losses.last) < training.losses[0])
        #expect(try node("X", in: e).shape == [30, 2])
        #expect(try node("scores", in: e).shape == [30, 3])
        #expect(training.path.isEmpty)  // nine parameters: no path
    }

    @Test func batchNeedsADataSet() throws {
        let e = evaluate("w = 5\nL = w^2\nminimize L over w with gd(lr: 0.1) for 2 steps batch 4")
        #expect(e.diagnostics.count == 1)
        #expect(e.diagnostics.first?.message.contains("'batch' samples rows of a data set") == true)
    }

    @Test func gradcheckPassesAndSaysWhatItChecked() throws {
        let e = run(WorkedExampleTests.sigmoidCircuit)
        let check = try #require(e.checks.last)
        #expect(check.kind == .gradcheck)
        #expect(check.passed)
        #expect(check.text == "gradcheck")
        #expect(check.expected == "relative error < 1e-7")
        #expect(check.detail.hasPrefix("5 entries; worst relative error "))
        #expect(check.detail.contains("analytic"))
        #expect(check.detail.contains("numerical"))
        #expect(try #require(check.computed?.scalar) < 1e-7)
    }

    @Test func gradcheckOfSomeInputsAndOfSamples() throws {
        let e = run("W = randn(10, 8, seed: 1)\nx = randn(8, seed: 2)\nf = l2(W @ x)\n"
            + "gradcheck x\ngradcheck W, samples: 5\ngradcheck W samples: 3\ngradcheck samples: 4")
        #expect(e.checks.map(\.passed) == [true, true, true, true])
        #expect(e.checks.map { $0.detail.prefix { $0 != " " } } == ["8", "5", "3", "8"])
    }

    @Test func gradcheckRefusesANode() throws {
        let e = evaluate("x = 2\nh = x * 3\nf = h * h\ngradcheck h")
        #expect(e.diagnostics.count == 1)
        #expect(e.diagnostics.first?.location.column == 11)
    }

    @Test func showPrintsAValueWithoutChangingTheOutput() throws {
        let e = run("v = [1, -2, 3]\nf = sum(relu(v))\nshow jacobian(relu(v), v)")
        let shown = try #require(e.shown.first)
        #expect(shown.text == "jacobian(relu(v), v)")
        #expect(shown.value.shape == [3, 3])
        #expect(shown.value.scalars == [1, 0, 0, 0, 0, 0, 0, 0, 1])
        #expect(e.output?.name == "f")
    }
}
