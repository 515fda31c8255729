import Autodiff
import GraphSpec

/// The computational graph of an example as DOT, in the style of the CS231n
/// slides: inputs on the left, one node per gate labelled with its symbol,
/// and on every edge the forward value in green above the gradient in red
/// italics (position and type tell them apart as well as colour does).
///
/// Every node and edge has an id that begins with the example's file name,
/// so that a page holding several graphs can step through each of them
/// (`GraphElement`), and a title that says its value, gradient, shape and op.
enum GraphDrawing {
    static let green = "#1a7f37"
    static let red = "#cf222e"
    /// The font every label is set in; the Makefile installs it, so layouts match across machines.
    static let font = "DejaVu Sans"

    /// The SVG of the evaluation's graph, titled `title`, each node and edge titled with what it carries;
    /// laid out by Graphviz unless `layouts` keeps what it made of the same DOT text.
    static func svg(_ evaluation: Evaluation, example: String, title: String,
                    layouts: (any Layouts)? = nil) throws(Graphviz.Failure) -> String {
        let dot = dot(evaluation, example: example)
        let svg: String
        if let kept = layouts?.svg(of: dot) {
            svg = kept
        } else {
            svg = try Graphviz.svg(dot)
            layouts?.keep(svg, of: dot)
        }
        return GraphTitles.annotate(svg, title: title, titles: GraphTitles.of(evaluation, example: example))
    }

    /// The opening of every graph's DOT text: direction, spacing, fonts and colours.
    private static let header = [
        "digraph computation {",
        "  graph [rankdir=LR, bgcolor=\"transparent\", nodesep=0.3, ranksep=0.55, fontname=\"\(font)\"];",
        "  node [fontname=\"\(font)\", fontsize=11, color=\"#57606a\", penwidth=1.2];",
        "  edge [fontname=\"\(font)\", fontsize=10, color=\"#57606a\", arrowsize=0.6];",
    ]

    /// A graph set as the drawings are — their fonts, sizes and faces (bold
    /// names, italic gradients, the small print of shapes), and the characters
    /// their labels use — for Graphviz to load and measure before the first
    /// real drawing (`Graphviz.start`).
    static let rehearsal: String = {
        let text = Escape.html("0123456789 .,-+×*/=^@[]()ᵀσ∂ abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return (header + [
            "  a [shape=plaintext, label=<<b>\(text)</b><br/><font point-size=\"9\">\(text)</font>>];",
            "  b [shape=circle, label=<\(text)>];",
            "  a -> b [label=<<font color=\"\(green)\">\(text)</font><br/><font color=\"\(red)\"><i>\(text)</i></font>>];",
            "}",
        ]).joined(separator: "\n") + "\n"
    }()

    /// The DOT text of the evaluation's graph, without the nodes that only checks and `show` made.
    static func dot(_ evaluation: Evaluation, example: String) -> String {
        let ids = GraphElement(example: example)
        let nodes = drawnNodes(evaluation)
        var lines = header
        for node in nodes { lines.append("  n\(node.id) [id=\"\(ids.node(node))\", \(attributes(of: node))];") }
        for (input, node, i) in edges(evaluation) {
            let label = edgeLabel(value: input.value, gradient: gradient(into: input, from: node, i, evaluation))
            lines.append("  n\(input.id) -> n\(node.id) [id=\"\(ids.edge(into: node, i))\", label=<\(label)>];")
        }
        let drawn = Set(nodes.map(\.id))
        if let output = evaluation.output, drawn.contains(output.id) {
            lines.append("  result [shape=plaintext, label=\"\"];")
            let gradient = evaluation.hasGradients ? output.gradient : nil
            lines.append("  n\(output.id) -> result [id=\"\(ids.output)\", label=<\(edgeLabel(value: output.value, gradient: gradient))>];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The nodes drawn: all but those that only checks and `show` made, in the order they were made.
    static func drawnNodes(_ evaluation: Evaluation) -> [Node] {
        evaluation.graph.nodes.filter { !evaluation.auxiliary.contains($0.id) }
    }

    /// The edges drawn, in the order of the nodes they go into: input `slot` of `node` is `input`.
    static func edges(_ evaluation: Evaluation) -> [(input: Node, node: Node, slot: Int)] {
        let nodes = drawnNodes(evaluation)
        let drawn = Set(nodes.map(\.id))
        return nodes.flatMap { node in
            node.inputs.enumerated().filter { drawn.contains($0.element.id) }.map { (input: $0.element, node: node, slot: $0.offset) }
        }
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
    static func gradient(into input: Node, from node: Node, _ i: Int, _ evaluation: Evaluation) -> Tensor? {
        guard evaluation.hasGradients, input.needsGradient else { return nil }
        if let local = node.localGradient(i) { return Tensor(node.gradient.scalar * local) }
        return input.gradient
    }

    /// Value in green above gradient in red italics, as an HTML-like label.
    private static func edgeLabel(value: Tensor, gradient: Tensor?) -> String {
        var label = "<font color=\"\(green)\">\(Escape.html(text(value)).replacingBytes("\n", with: "<br/>"))</font>"
        if let gradient {
            label += "<br/><font color=\"\(red)\"><i>\(Escape.html(text(gradient)).replacingBytes("\n", with: "<br/>"))</i></font>"
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
