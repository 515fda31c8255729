import Autodiff
import GraphSpec

/// What hovering or focusing a node or edge of a graph shows: its value,
/// gradient, shape and op, written into the SVG as each element's `<title>`
/// (the browser's tooltip, and what a screen reader says).
enum GraphTitles {
    /// The title of every node and edge, by its id (`GraphElement`).
    static func of(_ evaluation: Evaluation, example: String) -> [String: String] {
        let ids = GraphElement(example: example)
        var titles: [String: String] = [:]
        for node in GraphDrawing.drawnNodes(evaluation) {
            titles[ids.node(node)] = "\(name(node)): " + facts(node.value, gradient(of: node, evaluation))
        }
        for (input, node, i) in GraphDrawing.edges(evaluation) {
            var gradient = GraphDrawing.gradient(into: input, from: node, i, evaluation).map(text)
            if let local = node.localGradient(i), let shown = gradient {
                gradient = "\(shown) = upstream \(ExampleHTML.number(node.gradient.scalar)) × local \(ExampleHTML.number(local))"
            }
            titles[ids.edge(into: node, i)] = "\(name(input)) → \(name(node)): " + facts(input.value, gradient)
        }
        if let output = evaluation.output {
            titles[ids.output] = "\(name(output)), the output: " + facts(output.value, gradient(of: output, evaluation))
        }
        return titles
    }

    /// `q (+, add)`, `x (input)`, `2 (constant)`.
    static func name(_ node: Node) -> String {
        guard let gate = node.gate else {
            return node.name.map { "\($0) (input)" } ?? "\(text(node.value)) (constant)"
        }
        let op = "\(gate.symbol), \(gate.name)"
        return node.name.map { "\($0) (\(op))" } ?? op
    }

    /// A value or gradient as tables print it: a number, or a small matrix on one line, or a shape and a range.
    static func text(_ tensor: Tensor) -> String {
        tensor.count == 1 ? ExampleHTML.number(tensor.scalars[0]) : ExampleHTML.flat(tensor)
    }

    private static func gradient(of node: Node, _ evaluation: Evaluation) -> String? {
        evaluation.hasGradients && node.needsGradient ? text(node.gradient) : nil
    }

    private static func facts(_ value: Tensor, _ gradient: String?) -> String {
        "value \(text(value)), gradient \(gradient ?? "none"), shape \(Shape.describe(value.shape))"
    }

    /// The SVG with `title` as its first child, each titled element's Graphviz
    /// title (its DOT name) replaced by ours, and the edge labels marked
    /// `value` or `gradient` so that a page's script can show them one step at a time.
    static func annotate(_ svg: String, title: String, titles: [String: String]) -> String {
        var svg = svg.replacing(/<g id="([^"]+)" class="(node|edge)">\n<title>[^<]*<\/title>/) { match in
            let id = String(match.output.1).replacing("&#45;", with: "-")  // Graphviz writes every hyphen so
            guard let text = titles[id] else { return String(match.output.0) }
            return "<g id=\"\(id)\" class=\"\(match.output.2)\">\n<title>\(Escape.html(text))</title>"
        }
        svg = svg.replacing("fill=\"\(GraphDrawing.green)\"", with: "class=\"value\" fill=\"\(GraphDrawing.green)\"")
            .replacing("fill=\"\(GraphDrawing.red)\"", with: "class=\"gradient\" fill=\"\(GraphDrawing.red)\"")
        guard let tag = svg.firstRange(of: /<svg[^>]*>\n?/) else { return svg }
        return String(svg[..<tag.upperBound]) + "<title>\(Escape.html(title))</title>\n" + svg[tag.upperBound...]
    }
}
