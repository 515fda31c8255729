import Testing
@testable import GraphSpec

/// The CS231n case study on the spiral data, with a fixed seed: a linear
/// softmax classifier reaches about half the points; a 2-layer network nearly all.
@Suite struct CaseStudyTests {
    static let data = "X, y = spiral(points: 100, classes: 3, seed: 0)\n"

    @Test func aLinearClassifierReachesAboutHalfAfter200Steps() throws {
        let spec = Self.data + """
            W = randn(2, 3, seed: 1, scale: 0.01)
            b = zeros(3)
            scores = X @ W + b
            L = softmax_loss(scores, y) + 0.5e-3 * l2(W)
            minimize L over W, b with sgd(lr: 1.0) for 200 steps
            show accuracy(scores, y)
            """
        let evaluation = Evaluator.evaluate(Source(spec))
        #expect(evaluation.diagnostics.isEmpty)
        let accuracy = try #require(evaluation.shown.first?.value.scalar)
        #expect(accuracy >= 0.45 && accuracy <= 0.6)
        #expect(evaluation.minimizations.first?.boundary != nil)
    }

    @Test func aTwoLayerNetworkReachesAbout98PercentAfter10000Steps() throws {
        let spec = Self.data + """
            W1 = randn(2, 100, seed: 1, scale: 0.01)
            b1 = zeros(100)
            W2 = randn(100, 3, seed: 2, scale: 0.01)
            b2 = zeros(3)
            scores = relu(X @ W1 + b1) @ W2 + b2
            L = softmax_loss(scores, y) + 0.5e-3 * (l2(W1) + l2(W2))
            minimize L over W1, b1, W2, b2 with sgd(lr: 1.0) for 10000 steps
            show accuracy(scores, y)
            """
        let evaluation = Evaluator.evaluate(Source(spec))
        #expect(evaluation.diagnostics.isEmpty)
        let accuracy = try #require(evaluation.shown.first?.value.scalar)
        #expect(accuracy >= 0.96)
        let losses = try #require(evaluation.trainings.first?.losses)
        #expect(losses.count == 10_001 && losses.last! < 0.3 && losses.first! > 1.0)
    }
}
