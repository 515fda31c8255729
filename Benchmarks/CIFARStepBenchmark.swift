import Autodiff

/// W3 and W5 at CIFAR-10's size: a 3072 → 100 ReLU → 10 net, softmax loss +
/// ½·λ·(‖W1‖² + ‖W2‖²), on a batch of 200 random rows (float64).
enum CIFARStep {
    static let (batch, features, hidden, classes) = (200, 3072, 100, 10)
    static let regularization = 1e-3
    static let learningRate = 1e-3
    static let X = Tensor.randn([batch, features], seed: 10)
    static let y: Tensor = {
        var random = SeededRandom(seed: 11)
        return Tensor((0..<batch).map { _ in Double(random.integer(below: classes)) })
    }()
    static let W1 = Tensor.randn([features, hidden], seed: 12).scaled(0.01)
    static let W2 = Tensor.randn([hidden, classes], seed: 13).scaled(0.01)
    /// The upstream gradient of the floor's scores, as softmax loss would hand back.
    static let upstream = Tensor.randn([batch, classes], seed: 14).scaled(1.0 / Double(batch))

    struct Net {
        let graph = Graph()
        let parameters: [Node]
        let loss: Node

        init() throws {
            let X = graph.input(CIFARStep.X, name: "X", needsGradient: false)
            let y = graph.input(CIFARStep.y, name: "y", needsGradient: false)
            let W1 = graph.input(CIFARStep.W1, name: "W1"), b1 = graph.input(.zeros([hidden]), name: "b1")
            let W2 = graph.input(CIFARStep.W2, name: "W2"), b2 = graph.input(.zeros([classes]), name: "b2")
            let scores = try matmul(relu(matmul(X, W1) + b1), W2) + b2
            loss = try softmaxLoss(scores, y) + 0.5 * regularization * (l2(W1) + l2(W2))
            parameters = [W1, b1, W2, b2]
        }
    }

    /// Median over 50 timed steps, after 5 untimed ones, in ms.
    static func medianStep(_ step: () throws -> Void) throws -> Double {
        for _ in 0..<5 { try step() }
        return try median(runs: 50, step) * 1e3
    }

    /// W3: one SGD step (forward, backward, update).
    static func sgdStep() throws -> Figure {
        let net = try Net()
        var descent = GradientDescent(learningRate: learningRate)
        // As a lecture's `minimize` runs a step (GraphSpec's `Run.train`, and W2 here):
        // forward to the loss without scanning every node for NaN and ∞, then the loss alone checked.
        let ms = try medianStep {
            try net.graph.forward(to: net.loss, checkingEachNode: false, keepingEveryValue: false)
            if !net.loss.value.scalar.isFinite { try net.graph.forward(to: net.loss) }  // names the node
            try net.graph.backward(from: net.loss, keepingEveryGradient: false)
            descent.step(net.parameters)
        }
        return Figure(workload: "W3-step", figure: ms, unit: "ms", extra: ["loss": net.loss.value.scalar])
    }

    /// W3's floor: the step's five matrix products alone — X·W1 and H·W2 forward;
    /// Hᵀ·G, G·W2ᵀ and Xᵀ·(G·W2ᵀ) backward — as a graph of two @ nodes run forward
    /// and backward through the same OpenBLAS. It also zeroes and checks the
    /// gradients, as every step does; nothing else.
    static func matrixProducts() throws -> Figure {
        let g = Graph()
        let X = g.input(CIFARStep.X, name: "X", needsGradient: false)
        let H = try matmul(X, g.input(CIFARStep.W1, name: "W1"))
        let scores = try matmul(H, g.input(CIFARStep.W2, name: "W2"))
        let ms = try medianStep {
            try g.forward()
            try g.backward(from: scores, seed: upstream)
        }
        return Figure(workload: "W3-floor", figure: ms, unit: "ms")
    }

    /// W5: central-difference check of 100 seeded entries of W1 (of 307,200), ms.
    static func gradientCheck() throws -> Figure {
        let net = try Net()
        var result: GradientCheck.Result?
        let time = try seconds {
            result = try GradientCheck(samples: 100).run(net.graph, output: net.loss, inputs: [net.parameters[0]])
        }
        return Figure(workload: "W5-cifar", figure: time * 1e3, unit: "ms", extra: SpiralCaseStudy.checkSummary(result))
    }
}
