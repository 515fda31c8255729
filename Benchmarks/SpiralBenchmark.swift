import Autodiff

/// W2 and W5 on the spiral data of the CS231n case study (300 points, 3 classes).
/// The peers read the same data and initial weights, written by `gradbook-bench
/// prepare` (SharedData.swift), so every implementation ends at the same loss.
enum SpiralCaseStudy {
    static let data = Spiral.make(points: 100, classes: 3, seed: 0)
    static let hidden = 100
    static let regularization = 1e-3
    /// The initial weights: 0.01 · randn, seeded; biases start at zero.
    static let W1 = Tensor.randn([2, hidden], seed: 1).scaled(0.01)
    static let W2 = Tensor.randn([hidden, 3], seed: 2).scaled(0.01)
    static let W = Tensor.randn([2, 3], seed: 3).scaled(0.01)

    /// The 2-layer net (300×2 → 100 ReLU → 3), softmax loss + ½·λ·(‖W1‖² + ‖W2‖²).
    struct Net {
        let graph = Graph()
        let parameters: [Node]
        let scores: Node, loss: Node, labels: Node

        init() throws {
            let X = graph.input(data.X, name: "X", needsGradient: false)
            labels = graph.input(data.y, name: "y", needsGradient: false)
            let W1 = graph.input(SpiralCaseStudy.W1, name: "W1"), b1 = graph.input(.zeros([hidden]), name: "b1")
            let W2 = graph.input(SpiralCaseStudy.W2, name: "W2"), b2 = graph.input(.zeros([3]), name: "b2")
            scores = try matmul(relu(matmul(X, W1) + b1), W2) + b2
            loss = try softmaxLoss(scores, labels) + 0.5 * regularization * (l2(W1) + l2(W2))
            parameters = [W1, b1, W2, b2]
        }
    }

    /// The linear classifier: scores = X·W + b, softmax loss + ½·λ·‖W‖².
    static func linear() throws -> (Graph, parameters: [Node], scores: Node, loss: Node, labels: Node) {
        let g = Graph()
        let X = g.input(data.X, name: "X", needsGradient: false)
        let y = g.input(data.y, name: "y", needsGradient: false)
        let W = g.input(SpiralCaseStudy.W, name: "W"), b = g.input(.zeros([3]), name: "b")
        let scores = try matmul(X, W) + b
        return (g, [W, b], scores, try softmaxLoss(scores, y) + 0.5 * regularization * l2(W), y)
    }

    /// Full-batch gradient descent with step 1.0; the seconds of the loop, the final loss and training accuracy.
    ///
    /// Each step runs as a lecture's `minimize` runs it (GraphSpec's `Run.train`):
    /// forward to the loss only, without scanning every node for NaN and ∞,
    /// then the loss alone is checked.
    static func train(_ g: Graph, _ parameters: [Node], _ scores: Node, _ loss: Node, _ labels: Node,
                      steps: Int, workload: String) throws -> Figure {
        var descent = GradientDescent(learningRate: 1.0)
        let time = try seconds {
            for _ in 0..<steps {
                try g.forward(to: loss, checkingEachNode: false, keepingEveryValue: false)
                if !loss.value.scalar.isFinite { try g.forward(to: loss) }  // names the node
                try g.backward(from: loss, keepingEveryGradient: false)
                descent.step(parameters)
            }
        }
        try g.forward()
        let trained = try accuracy(scores, labels).value.scalar
        return Figure(workload: workload, figure: time, unit: "s", extra: ["loss": loss.value.scalar, "accuracy": trained])
    }

    /// W2: 10,000 steps of the 2-layer net.
    static func twoLayer() throws -> Figure {
        let net = try Net()
        return try train(net.graph, net.parameters, net.scores, net.loss, net.labels, steps: 10_000, workload: "W2-net")
    }

    /// W2: 200 steps of the linear classifier.
    static func linearClassifier() throws -> Figure {
        let (g, parameters, scores, loss, labels) = try linear()
        return try train(g, parameters, scores, loss, labels, steps: 200, workload: "W2-linear")
    }

    /// W5: central-difference check of every entry of the untrained net's W1 (2×100 = 200 entries), ms.
    static func gradientCheck() throws -> Figure {
        let net = try Net()
        var result: GradientCheck.Result?
        let time = try seconds { result = try GradientCheck().run(net.graph, output: net.loss, inputs: [net.parameters[0]]) }
        return Figure(workload: "W5-spiral", figure: time * 1e3, unit: "ms", extra: checkSummary(result))
    }

    static func checkSummary(_ result: GradientCheck.Result?) -> [String: Any] {
        ["entries": result?.entries.count ?? 0, "worst": result?.worst?.relativeError ?? 0, "passed": result?.passed ?? false]
    }
}

extension Tensor {
    func scaled(_ factor: Double) -> Tensor { Tensor(shape: shape, scalars: scalars.map { $0 * factor }) }
}
