import Autodiff
import GraphSpec

/// A 1,000-line spec as a long lecture might hold: scalar inputs, a chain of
/// arithmetic and gate calls, a small ReLU layer applied a few times, a
/// scalar output, then expectations of values and gradients.
enum SpecWorkload {
    static let inputs = 100
    static let lines = 1_000
    /// Expectations at the end: half values, half gradients.
    static let expectations = 120

    /// The statements that build the graph (every line but the expectations).
    static func program() -> [String] {
        var lines = ["# generated: \(Self.lines) lines", "W = randn(16, 16, seed: 1, scale: 0.25)",
                     "b = randn(16, 1, seed: 2, scale: 0.1)", "h0 = randn(16, 1, seed: 3)"]
        for i in 0..<inputs { lines.append("x\(i) = \(Tensor.format(Double(i % 9 - 4) * 0.37 + 0.11, significant: 3))") }
        lines.append("n0 = x0 * x1 + x2")
        var (node, layer) = (1, 0)
        let body = Self.lines - expectations - 1  // the output takes one line
        while lines.count < body {
            if node % 40 == 0, lines.count + 2 <= body {
                layer += 1
                lines.append("h\(layer) = relu(W @ h\(layer - 1) + b)")
                lines.append("n\(node) = tanh(mean(h\(layer)) + n\(node - 1))")
            } else {
                lines.append(statement(node))
            }
            node += 1
        }
        lines.append("L = " + (1...4).map { "n\(node - $0)" }.joined(separator: " + ") + " + sum(h\(layer)) * 0.01")
        return lines
    }

    /// One scalar node, from earlier nodes and inputs; every kind stays bounded so values stay finite.
    static func statement(_ k: Int) -> String {
        let (a, b, x, y) = ("n\(k - 1)", "n\(k / 2)", "x\(k % inputs)", "x\((k * 7 + 3) % inputs)")
        switch k % 8 {
        case 0: return "n\(k) = tanh(\(a) * \(x) + \(y))"
        case 1: return "n\(k) = sigmoid(\(a) - \(b)) * \(x)"
        case 2: return "n\(k) = (\(a) + \(b)) / 2"
        case 3: return "n\(k) = exp(-(\(a) * \(a))) + \(x) * 0.1  # a bump"
        case 4: return "n\(k) = max(\(a), \(b)) / (1 + abs(\(y)))"
        case 5: return "n\(k) = tanh(log(1 + exp(\(a))) - \(b) ^ 2)"
        case 6: return "n\(k) = relu(\(a)) - sqrt(\(x) * \(x) + 1) * 0.5"
        default: return "n\(k) = 1 / (1 + exp(-(\(a) * \(x) + \(b) * \(y))))"
        }
    }

    /// The whole spec: the program, then expectations of the values and
    /// gradients it computes (taken from one evaluation), so every check passes.
    static func spec() -> String {
        let program = program().joined(separator: "\n") + "\n"
        let evaluation = Evaluator.evaluate(Source(program, path: "bench.graph"))
        precondition(evaluation.diagnostics.isEmpty, "\(evaluation.diagnostics)")
        let scalars = evaluation.named.filter { $0.node.value.count == 1 }
        var checks: [String] = []
        for (i, n) in scalars.enumerated() where i % (scalars.count / (expectations / 2)) == 0 {
            checks.append("expect \(n.name) = \(n.node.value.scalar) ± 1e-9")
            if n.name.hasPrefix("x") || checks.count % 4 == 0 {
                checks.append("expect dL/d\(n.name) = \(n.node.gradient.scalar) ± 1e-9")
            } else {
                checks.append("expect \(n.name) >= -10, sigmoid(\(n.name)) <= 1")
            }
        }
        return program + checks.prefix(expectations).joined(separator: "\n") + "\n"
    }
}

/// Parse + evaluate a 1,000-line spec, as `gradbook eval` and the build do for each block.
func benchmarkSpec() {
    let text = SpecWorkload.spec()
    let lineCount = text.split(separator: "\n").count
    var evaluation = Evaluator.evaluate(Source(text, path: "bench.graph"))
    precondition(evaluation.passed, "\(evaluation.diagnostics) \(evaluation.checks.filter { !$0.passed }.map(\.text))")
    let seconds = median(runs: 31) { evaluation = Evaluator.evaluate(Source(text, path: "bench.graph")) }
    print("spec of \(lineCount) lines (\(evaluation.named.count) names, \(evaluation.checks.count) checks), "
        + "parse + evaluate: \(format(seconds * 1e3)) ms")
}
