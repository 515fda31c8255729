import Autodiff
import GraphSpec

/// The computational graph of an example as DOT, in the style of the CS231n
/// slides: inputs on the left, one node per gate labelled with its symbol,
/// and on every edge the forward value in green above the gradient in red.
enum GraphDrawing {
    static let green = "#1a7f37"
    static let red = "#cf222e"
    /// The font every label is set in; the Makefile installs it, so layouts match across machines.
    static let font = "DejaVu Sans"

    /// The DOT text of the evaluation's graph, without the nodes that only checks and `show` made.
    static func dot(_ evaluation: Evaluation) -> String {
        let nodes = evaluation.graph.nodes.filter { !evaluation.auxiliary.contains($0.id) }
        let drawn = Set(nodes.map(\.id))
        var lines = [
            "digraph computation {",
            "  graph [rankdir=LR, bgcolor=\"transparent\", nodesep=0.3, ranksep=0.55, fontname=\"\(font)\"];",
            "  node [fontname=\"\(font)\", fontsize=11, color=\"#57606a\", penwidth=1.2];",
            "  edge [fontname=\"\(font)\", fontsize=10, color=\"#57606a\", arrowsize=0.6];",
        ]
        for node in nodes { lines.append("  n\(node.id) [\(attributes(of: node))];") }
        for node in nodes {
            for (i, input) in node.inputs.enumerated() where drawn.contains(input.id) {
                let label = edgeLabel(value: input.value, gradient: gradient(into: input, from: node, i, evaluation))
                lines.append("  n\(input.id) -> n\(node.id) [label=<\(label)>];")
            }
        }
        if let output = evaluation.output, drawn.contains(output.id) {
            lines.append("  result [shape=plaintext, label=\"\"];")
            let gradient = evaluation.hasGradients ? output.gradient : nil
            lines.append("  n\(output.id) -> result [label=<\(edgeLabel(value: output.value, gradient: gradient))>];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// How a node looks: an input by its name, a constant by its value, a gate by its symbol (and name).
    private static func attributes(of node: Node) -> String {
        guard let gate = node.gate else {
            if let name = node.name {
                let shape = node.value.isScalar ? "" : "<br/><font point-size=\"9\">\(Shape.describe(node.shape))</font>"
                return "shape=plaintext, label=<<b>\(Escape.html(name))</b>\(shape)>"
            }
            return "shape=plaintext, fontcolor=\"#57606a\", label=<\(Escape.html(text(node.value)))>"
        }
        let name = node.name.map { "<br/><font point-size=\"9\" color=\"#57606a\">\(Escape.html($0))</font>" } ?? ""
        let shape = gate.symbol.count <= 3 && node.name == nil ? "circle" : "ellipse"
        return "shape=\(shape), margin=\"0.04,0.02\", label=<\(Escape.html(gate.symbol))\(name)>"
    }

    /// The gradient flowing back along the edge from `node` into its input `i`:
    /// upstream × local where that is one number, else the input's whole gradient.
    private static func gradient(into input: Node, from node: Node, _ i: Int, _ evaluation: Evaluation) -> Tensor? {
        guard evaluation.hasGradients, input.needsGradient else { return nil }
        if let local = node.localGradient(i) { return Tensor(node.gradient.scalar * local) }
        return input.gradient
    }

    /// Value in green above gradient in red, as an HTML-like label.
    private static func edgeLabel(value: Tensor, gradient: Tensor?) -> String {
        var label = "<font color=\"\(green)\">\(Escape.html(text(value)).replacing("\n", with: "<br/>"))</font>"
        if let gradient {
            label += "<br/><font color=\"\(red)\">\(Escape.html(text(gradient)).replacing("\n", with: "<br/>"))</font>"
        }
        return label
    }

    /// A value as an edge shows it: its entries when small (at most 4×4), else its shape.
    static func text(_ tensor: Tensor) -> String {
        if tensor.isScalar { return Tensor.format(tensor.scalar, significant: 3) }
        guard tensor.rank <= 2, tensor.count <= 16, tensor.shape.allSatisfy({ $0 <= 4 }) else {
            return Shape.describe(tensor.shape)
        }
        let rounded = Tensor(shape: tensor.shape, scalars: tensor.scalars.map { Double(Tensor.format($0, significant: 3)) ?? $0 })
        return rounded.description
    }
}
