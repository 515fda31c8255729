import Autodiff

/// The ids of one example's nodes and edges in its SVG: the example's file
/// name, a dot (which no file name holds, so ids never meet a section's),
/// and the node (`backward.n2`) or the edge into a node's input
/// (`backward.e4-0`, the edge into node 4's first input), or the output edge
/// (`backward.out`).
struct GraphElement {
    /// The example's file name, which is also its section's id on the page.
    let example: String

    func node(_ node: Node) -> String { "\(example).n\(node.id)" }

    /// The edge that carries input `i` of `node`.
    func edge(into node: Node, _ i: Int) -> String { "\(example).e\(node.id)-\(i)" }

    /// The edge out of the graph's output.
    var output: String { "\(example).out" }
}
