import Autodiff
import Diagnostics
import Foundation
import GraphSpec
import Testing

/// Helpers for the language tests: evaluate a spec, find a node, compare graphs.
/// Evaluates a spec.
func evaluate(_ text: String) -> Evaluation {
    Evaluator.evaluate(Source(text))
}

/// Evaluates a spec that must have no diagnostic.
func run(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Evaluation {
    let evaluation = evaluate(text)
    #expect(evaluation.diagnostics.isEmpty, "\(evaluation.diagnostics.map(\.message))",
            sourceLocation: sourceLocation)
    return evaluation
}

/// The node a spec named `name`.
func node(_ name: String, in evaluation: Evaluation,
                  sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Node {
    try #require(evaluation.named.first { $0.name == name }?.node, "no node named \(name)",
                 sourceLocation: sourceLocation)
}

/// The value of `show expression` in a spec of its own.
func shown(_ expression: String, after definitions: String = "",
                   sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Tensor {
    let evaluation = run(definitions + "\nshow " + expression, sourceLocation: sourceLocation)
    return try #require(evaluation.shown.last?.value, sourceLocation: sourceLocation)
}

/// The largest difference between two tensors of one shape.
func difference(_ a: Tensor, _ b: Tensor) -> Double {
    guard a.shape == b.shape else { return .infinity }
    return zip(a.scalars, b.scalars).map { Swift.abs($0 - $1) }.max() ?? 0
}

/// Whether `x` is within `tolerance` of the lecture's figure.
func near(_ x: Double, _ figure: Double, _ tolerance: Double = 0.005) -> Bool {
    Swift.abs(x - figure) <= tolerance
}

/// The spec's graph and the API's graph hold the same nodes, in the same
/// order, with the same gates, values and gradients (to 1e-15).
func expectSameGraph(_ spec: Graph, _ api: Graph, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(spec.nodes.count == api.nodes.count, sourceLocation: sourceLocation)
    for (a, b) in zip(spec.nodes, api.nodes) {
        #expect(a.gate?.name == b.gate?.name, "node \(a.id)", sourceLocation: sourceLocation)
        #expect(difference(a.value, b.value) <= 1e-15, "value of node \(a.id)", sourceLocation: sourceLocation)
        #expect(difference(a.gradient, b.gradient) <= 1e-15, "gradient of node \(a.id)",
                sourceLocation: sourceLocation)
    }
}


extension String {
    /// The string with the first `target` replaced.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
