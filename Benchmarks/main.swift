// Prints the engine's speed figures: run with `make bench` (release build).
import Autodiff

/// Median of several timed runs of `body`, in seconds.
func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
    return times.sorted()[runs / 2]
}

/// The sigmoid neuron of lecture 4, from primitive gates.
func sigmoidCircuit() throws -> Graph {
    let g = Graph()
    let w0 = g.input(2), x0 = g.input(-1), w1 = g.input(-3), x1 = g.input(-2), w2 = g.input(-3)
    _ = try reciprocal(exp(-(w0 * x0 + w1 * x1 + w2)) + 1)
    return g
}

func benchmarkCircuit() throws {
    let iterations = 200_000
    let g = try sigmoidCircuit()
    let once = try median(runs: 5) {
        for _ in 0..<iterations { try g.forward(); try g.backward() }
    } / Double(iterations) * 1e6
    let rebuilt = try median(runs: 5) {
        for _ in 0..<iterations / 10 { try sigmoidCircuit().backward() }
    } / Double(iterations / 10) * 1e6
    print("sigmoid circuit, forward + backward on a graph built once: \(format(once)) µs")
    print("sigmoid circuit, build + forward + backward:              \(format(rebuilt)) µs")
}

/// The CS231n case study: a 2-layer net on the spiral data, full-batch gradient descent.
func benchmarkSpiral() throws {
    let data = Spiral.make(points: 100, classes: 3, seed: 0)
    var seconds = 0.0, loss = 0.0, trainingAccuracy = 0.0
    seconds = try median(runs: 3) {
        let g = Graph()
        let X = g.input(data.X, name: "X", needsGradient: false)
        let y = g.input(data.y, name: "y", needsGradient: false)
        let W1 = g.input(Tensor.randn([2, 100], seed: 1).scaled(0.01), name: "W1")
        let b1 = g.input(.zeros([100]), name: "b1")
        let W2 = g.input(Tensor.randn([100, 3], seed: 2).scaled(0.01), name: "W2")
        let b2 = g.input(.zeros([3]), name: "b2")
        let scores = try matmul(relu(matmul(X, W1) + b1), W2) + b2
        let L = try softmaxLoss(scores, y) + 0.5e-3 * (l2(W1) + l2(W2))
        var descent = GradientDescent(learningRate: 1.0)
        for _ in 0..<10_000 {
            try g.forward()
            try g.backward(from: L)
            descent.step([W1, b1, W2, b2])
        }
        try g.forward()
        loss = L.value.scalar
        trainingAccuracy = try accuracy(scores, y).value.scalar
    }
    print("spiral 2-layer net (300×2 → 100 ReLU → 3), 10,000 steps: \(format(seconds)) s"
        + "  (final loss \(format(loss)), training accuracy \(format(trainingAccuracy * 100)) %)")
}

func format(_ x: Double) -> String { Tensor.format(x, significant: 3) }

extension Tensor {
    func scaled(_ factor: Double) -> Tensor { Tensor(shape: shape, scalars: scalars.map { $0 * factor }) }
}

// `gradbook-bench circuit`, `spiral`, `spec` or `build [LECTURES]` runs one; no argument runs all.
let only = CommandLine.arguments.dropFirst().first
if only == nil || only == "circuit" { try benchmarkCircuit() }
if only == nil || only == "spiral" { try benchmarkSpiral() }
if only == nil || only == "spec" { benchmarkSpec() }
if only == nil || only == "build" { try benchmarkBuild(lectures: CommandLine.arguments.dropFirst(2).first) }
