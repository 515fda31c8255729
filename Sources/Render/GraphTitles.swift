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
        // Graphviz writes one element per line, and a group's title on the line after the group's
        // tag; going line by line (split by bytes) is many times faster than a regular expression.
        let lines = svg.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
        let (value, gradient) = ("fill=\"\(GraphDrawing.green)\"", "fill=\"\(GraphDrawing.red)\"")
        var out = "", titled = false  // the SVG's own title goes right after its opening tag, the first line to end in ">"
        out.reserveCapacity(svg.utf8.count + 128 * titles.count)
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if i > 0 { out += "\n" }
            if !titled, line.utf8.last == UInt8(ascii: ">") {
                out += line + "\n<title>\(Escape.html(title))</title>"
                titled = true
            } else if line.hasPrefix("<text ") {
                out += String(line).replacingBytes(value, with: "class=\"value\" " + value, limit: 1)
                    .replacingBytes(gradient, with: "class=\"gradient\" " + gradient, limit: 1)
            } else if let (id, kind) = group(line), let text = titles[id], i + 1 < lines.count, lines[i + 1].hasPrefix("<title>") {
                out += "<g id=\"\(id)\" class=\"\(kind)\">\n<title>\(Escape.html(text))</title>"
                i += 1
            } else {
                out += line
            }
            i += 1
        }
        return out
    }

    /// The id (with Graphviz's `&#45;` back to `-`) and kind of a line `<g id="…" class="node">` or `class="edge">`.
    private static func group(_ line: Substring) -> (id: String, kind: String)? {
        guard line.hasPrefix("<g id=\""), line.hasSuffix("\">") else { return nil }
        let kind = line.hasSuffix(" class=\"node\">") ? "node" : line.hasSuffix(" class=\"edge\">") ? "edge" : nil
        guard let kind else { return nil }
        let id = line.dropFirst("<g id=\"".count).dropLast(" class=\"\(kind)\">".count + 1)
        return (String(id).replacingBytes("&#45;", with: "-"), kind)
    }
}
