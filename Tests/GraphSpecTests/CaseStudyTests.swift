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

    /// The regions are computed a batch of X's 21 rows at a time (3,600 grid
    /// points: the last batch is padded); each cell must be the class the
    /// trained W and b give its point, and the data must be put back after.
    @Test func eachCellOfTheRegionsIsTheClassTheTrainedClassifierGivesItsPoint() throws {
        let spec = """
            X, y = spiral(points: 7, classes: 3, seed: 0)
            W = randn(2, 3, seed: 1, scale: 0.01)
            b = zeros(3)
            scores = X @ W + b
            L = softmax_loss(scores, y)
            minimize L over W, b with sgd(lr: 1.0) for 50 steps
            show accuracy(scores, y)
            """
        let evaluation = Evaluator.evaluate(Source(spec))
        #expect(evaluation.diagnostics.isEmpty)
        let boundary = try #require(evaluation.minimizations.first?.boundary)
        let trained = try #require(evaluation.trainings.first?.final)
        let (W, b) = (trained[0].scalars, trained[1].scalars)
        func predicted(_ x: Double, _ y: Double) -> Int {
            let s = (0..<3).map { x * W[$0] + y * W[3 + $0] + b[$0] }
            return s.indices.max { s[$0] < s[$1] || (s[$0] == s[$1] && $0 > $1) }!
        }
        #expect(boundary.classes.count == boundary.ys.count && boundary.classes.allSatisfy { $0.count == boundary.xs.count })
        #expect(boundary.ys.indices.allSatisfy { j in
            boundary.xs.indices.allSatisfy { i in boundary.classes[j][i] == predicted(boundary.xs[i], boundary.ys[j]) }
        })
        #expect(Set(boundary.classes.joined()).count > 1)
        let right = zip(boundary.points, boundary.labels).filter { predicted($0[0], $0[1]) == $1 }.count
        #expect(boundary.points.count == 21)
        #expect(evaluation.shown.first?.value.scalar == Double(right) / 21)
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
