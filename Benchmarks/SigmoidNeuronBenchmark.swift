import Autodiff

/// W1: the CS231n sigmoid neuron f = 1 / (1 + e^−(w0·x0 + w1·x1 + w2)) at
/// w = (2, −3, −3), x = (−1, −2), from primitive gates.
enum SigmoidNeuron {
    static func graph() throws -> Graph {
        let g = Graph()
        let w0 = g.input(2), x0 = g.input(-1), w1 = g.input(-3), x1 = g.input(-2), w2 = g.input(-3)
        _ = try reciprocal(exp(-(w0 * x0 + w1 * x1 + w2)) + 1)
        return g
    }

    /// Forward + backward on a graph built once, µs per iteration (median of 5 blocks).
    static func builtOnce() throws -> Figure {
        let iterations = 200_000
        let g = try graph()
        let block = try median(runs: 5) {
            for _ in 0..<iterations { try g.forward(); try g.backward() }
        }
        return Figure(workload: "W1-once", figure: block / Double(iterations) * 1e6, unit: "µs", extra: gradients(g))
    }

    /// Build the graph (each gate computes its value as it is added) + backward, µs per iteration.
    static func withBuild() throws -> Figure {
        let iterations = 20_000
        var last = try graph()
        let block = try median(runs: 5) {
            for _ in 0..<iterations { last = try graph(); try last.backward() }
        }
        return Figure(workload: "W1-build", figure: block / Double(iterations) * 1e6, unit: "µs", extra: gradients(last))
    }

    /// f and ∂f/∂w0, to show every implementation computes the same neuron (0.731 and −0.197).
    static func gradients(_ g: Graph) -> [String: Any] {
        ["f": g.output?.value.scalar ?? .nan, "dw0": g.nodes[0].gradient.scalar]
    }
}
