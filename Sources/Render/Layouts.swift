/// Drawings laid out before, kept by whoever has somewhere to keep them (the
/// build cache): Graphviz's SVG for a DOT text. What Graphviz makes of a text
/// depends only on that text and on Graphviz itself, its plugins and the fonts,
/// which the keeper answers for: a drawing kept under another Graphviz is never
/// given back.
///
/// An edited lecture runs again, but most of its graphs come out as before:
/// laying out lecture 01's twelve took 40–55 ms of its rebuild's 92, one after
/// another, because Graphviz is not thread-safe.
public protocol Layouts: Sendable {
    /// What Graphviz made of exactly `dot`, when it is kept.
    func svg(of dot: String) -> String?
    /// Keeps `svg`, what Graphviz made of `dot`.
    func keep(_ svg: String, of dot: String)
}
