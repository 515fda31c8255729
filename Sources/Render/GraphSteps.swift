import Autodiff
import GraphSpec

/// One step of the forward or backward pass, as the CS231n slides go through
/// a circuit: the node at work, the edge whose value or gradient it writes,
/// and a sentence with the numbers.
struct GraphStep: Equatable {
    enum Label: String { case value, gradient }

    /// The node highlighted (`GraphElement`).
    let node: String
    /// The edge whose label appears.
    let edge: String
    /// Which of the edge's labels appears.
    let label: Label
    /// What happens, with the engine's numbers: "backward through ×: into q, upstream 1 × local -4 = gradient -4".
    let text: String
}

/// The steps of an example's graph: forward, the value of each node on each
/// edge out of it, in the order the nodes were computed; then backward from
/// the output's gradient of 1, node by node in reverse topological order, the
/// gradient on each edge into the node.
enum GraphSteps {
    static func of(_ evaluation: Evaluation, example: String) -> [GraphStep] {
        let ids = GraphElement(example: example)
        return forward(evaluation, ids) + (evaluation.hasGradients ? backward(evaluation, ids) : [])
    }

    private static func forward(_ evaluation: Evaluation, _ ids: GraphElement) -> [GraphStep] {
        let out = Dictionary(grouping: GraphDrawing.edges(evaluation), by: \.input.id)
        var steps: [GraphStep] = []
        for node in GraphDrawing.drawnNodes(evaluation) {
            let value = GraphTitles.text(node.value)
            for edge in out[node.id] ?? [] {
                steps.append(GraphStep(node: ids.node(node), edge: ids.edge(into: edge.node, edge.slot), label: .value,
                                       text: "forward: \(label(node)) = \(value), into \(gate(edge.node))"))
            }
            if node === evaluation.output {
                steps.append(GraphStep(node: ids.node(node), edge: ids.output, label: .value,
                                       text: "forward: \(label(node)) = \(value), the output"))
            }
        }
        return steps
    }

    private static func backward(_ evaluation: Evaluation, _ ids: GraphElement) -> [GraphStep] {
        guard let output = evaluation.output, !evaluation.auxiliary.contains(output.id) else { return [] }
        var steps = [GraphStep(node: ids.node(output), edge: ids.output, label: .gradient,
                               text: "backward: start at the output \(label(output)) with gradient \(GraphTitles.text(output.gradient))")]
        let edges = GraphDrawing.edges(evaluation)
        let into = Dictionary(grouping: edges, by: \.node.id), uses = Dictionary(grouping: edges, by: \.input.id).mapValues(\.count)
        for node in GraphDrawing.drawnNodes(evaluation).reversed() {
            for edge in into[node.id] ?? [] where edge.input.needsGradient {
                guard let gradient = GraphDrawing.gradient(into: edge.input, from: node, edge.slot, evaluation) else { continue }
                var text = "backward through \(gate(node)): into \(label(edge.input)), "
                if let local = node.localGradient(edge.slot) {
                    text += "upstream \(ExampleHTML.number(node.gradient.scalar)) × local \(ExampleHTML.number(local))"
                        + " = gradient \(GraphTitles.text(gradient))"
                    if let n = uses[edge.input.id], n > 1 {
                        text += "; \(label(edge.input)) has \(n) uses, whose gradients add up to \(GraphTitles.text(edge.input.gradient))"
                    }
                } else {
                    text += "gradient \(GraphTitles.text(gradient))"
                }
                steps.append(GraphStep(node: ids.node(node), edge: ids.edge(into: node, edge.slot), label: .gradient, text: text))
            }
        }
        return steps
    }

    /// A node by its name, else its gate's symbol (`exp`), else its value (a constant: `2`).
    static func label(_ node: Node) -> String {
        node.name ?? node.gate?.symbol ?? GraphTitles.text(node.value)
    }

    /// A gate by its symbol and the name of what it computes: `× (f)`.
    private static func gate(_ node: Node) -> String {
        guard let symbol = node.gate?.symbol, let name = node.name else { return label(node) }
        return "\(symbol) (\(name))"
    }

    /// The steps as a list under the graph: readable as they are with no script,
    /// and what the page's script steps through (each item names its node, edge and label).
    static func html(_ steps: [GraphStep]) -> String {
        guard !steps.isEmpty else { return "" }
        let items = steps.map {
            "<li data-node=\"\(Escape.html($0.node))\" data-edge=\"\(Escape.html($0.edge))\" data-label=\"\($0.label.rawValue)\">"
                + "\(Escape.html($0.text))</li>"
        }
        return "<details class=\"steps\"><summary>The forward and backward pass, step by step</summary>\n<ol>\n"
            + items.joined(separator: "\n") + "\n</ol>\n</details>\n"
    }
}
