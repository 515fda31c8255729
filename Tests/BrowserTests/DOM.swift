/// What the tests read from a DOM that Chromium dumped: the serialization is
/// Chromium's own (attributes in double quotes, tags in lower case), so a few
/// patterns find what they need without an HTML parser.
enum DOM {
    /// The DOM without the parts whose text is not prose: scripts, styles, code,
    /// and KaTeX's MathML annotation (which keeps the TeX source on purpose).
    static func prose(_ dom: String) -> String {
        dom.replacing(/<(script|style|pre|code|annotation)\b[^>]*>.*?<\/\1>/.dotMatchesNewlines(), with: "")
    }

    /// Every `src` and `href` value.
    static func references(_ dom: String) -> [String] {
        dom.matches(of: /\s(?:src|href)="([^"]*)"/).map { unescape(String($0.1)) }
    }

    /// The levels of the headings, in order (`<h2>` is 2).
    static func headingLevels(_ dom: String) -> [Int] {
        prose(dom).matches(of: /<h([1-6])[\s>]/).compactMap { Int($0.1) }
    }

    /// Every `<img>` tag without an `alt` attribute.
    static func imagesWithoutAlt(_ dom: String) -> [String] {
        dom.matches(of: /<img\b[^>]*>/).map { String($0.0) }.filter { !$0.contains(" alt=\"") }
    }

    /// The opening tag of every `<svg>` that has neither an `aria-label` nor a `<title>` as its first child,
    /// but for those inside an element hidden from screen readers (KaTeX's drawing of a formula, whose
    /// MathML beside it is what is read).
    static func svgsWithoutTitle(_ dom: String) -> [String] {
        withoutHidden(dom).matches(of: /(<svg\b[^>]*>)\s*(<title>)?/).filter { $0.2 == nil && !$0.1.contains(" aria-label=\"") }
            .map { String($0.1) }
    }

    /// The DOM less every element marked `aria-hidden="true"`, with what it holds.
    static func withoutHidden(_ dom: String) -> String {
        var out = "", rest = dom[...]
        while let hidden = rest.firstMatch(of: /<([a-z]+)\b[^>]*\saria-hidden="true"[^>]*>/) {
            out += rest[..<hidden.range.lowerBound]
            rest = rest[hidden.range.upperBound...]
            let (open, close) = ("<\(hidden.1)", "</\(hidden.1)>")
            var depth = 1
            while depth > 0 {
                guard let end = rest.firstRange(of: close) else { return out }
                depth += rest[..<end.lowerBound].ranges(of: open).count - 1
                rest = rest[end.upperBound...]
            }
        }
        return out + rest
    }

    /// The number of math spans KaTeX typeset.
    static func typesetMath(_ dom: String) -> Int { dom.matches(of: /<span class="katex">/).count }

    /// The `<section class="example" id="…">` of the example `id`.
    static func section(_ dom: String, id: String) -> Substring? {
        guard let start = dom.firstRange(of: "<section class=\"example\" id=\"\(id)\">") else { return nil }
        let rest = dom[start.lowerBound...]
        return rest.firstRange(of: "</section>").map { rest[..<$0.upperBound] }
    }

    /// The stepper's caption under a graph: "Step 3 of 10: forward: z = -4, into × (f)".
    static func caption(_ section: Substring) -> String? {
        section.firstMatch(of: /<p class="step-caption"[^>]*>(.*?)<\/p>/).map { unescape(String($0.1)) }
    }

    /// An edge of a graph as the stepper left it.
    struct Edge {
        let id: String
        /// Whether it is the edge of the current step.
        let current: Bool
        /// The labels shown (not pending): `value` or `gradient`, and the text.
        let shown: [(label: String, text: String)]
    }

    /// Every edge of the graph in a section.
    static func edges(_ section: Substring) -> [Edge] {
        section.matches(of: /<g id="([^"]*)" class="edge( current)?"[^>]*>(.*?)<\/g>/.dotMatchesNewlines()).map { edge in
            let shown = edge.3.matches(of: /<text [^>]*class="(value|gradient)( pending)?"[^>]*>([^<]*)<\/text>/)
                .filter { $0.2 == nil }.map { (label: String($0.1), text: unescape(String($0.3).replacing("&#45;", with: "-"))) }
            return Edge(id: String(edge.1), current: edge.2 != nil, shown: shown)
        }
    }

    static func unescape(_ s: String) -> String {
        s.replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&quot;", with: "\"").replacing("&amp;", with: "&")
    }
}
