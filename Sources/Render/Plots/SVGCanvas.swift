/// A small SVG writer for plots: numbers with two decimals (so files are the
/// same on every run), text as text, and every string escaped.
struct SVGCanvas {
    let width: Double
    let height: Double
    private(set) var elements: [String] = []

    init(width: Double, height: Double) { (self.width, self.height) = (width, height) }

    /// A coordinate or length with two decimals.
    static func n(_ x: Double) -> String {
        let scaled = (x * 100).rounded() / 100
        let text = "\(scaled == 0 ? 0 : scaled)"
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    mutating func add(_ element: String) { elements.append(element) }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1, dash: String = "") {
        add("<line x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\" y2=\"\(Self.n(y2))\" stroke=\"\(stroke)\" "
            + "stroke-width=\"\(Self.n(width))\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>")
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 1.6, dash: String = "", label: String? = nil) {
        guard !points.isEmpty else { return }
        let d = points.enumerated().map { i, p in "\(i == 0 ? "M" : "L")\(Self.n(p.0)) \(Self.n(p.1))" }.joined(separator: " ")
        let title = label.map { "<title>\(Escape.html($0))</title>" } ?? ""
        add("<path d=\"\(d)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\" stroke-linejoin=\"round\""
            + "\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")>\(title)</path>")
    }

    mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, stroke: String = "none") {
        add("<rect x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(w))\" height=\"\(Self.n(h))\" fill=\"\(fill)\" stroke=\"\(stroke)\"/>")
    }

    mutating func marker(_ marker: Palette.Marker, _ x: Double, _ y: Double, size: Double = 3.5, fill: String, stroke: String = "#ffffff") {
        let (cx, cy, s) = (Self.n(x), Self.n(y), size)
        switch marker {
        case .circle:
            add("<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"\(Self.n(s))\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"0.8\"/>")
        case .square:
            rect(x - s, y - s, 2 * s, 2 * s, fill: fill, stroke: stroke)
        case .triangle:
            add("<path d=\"M\(Self.n(x)) \(Self.n(y - s * 1.2)) L\(Self.n(x + s)) \(Self.n(y + s * 0.8)) L\(Self.n(x - s)) \(Self.n(y + s * 0.8)) Z\" "
                + "fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"0.8\"/>")
        case .diamond:
            add("<path d=\"M\(Self.n(x)) \(Self.n(y - s * 1.3)) L\(Self.n(x + s)) \(Self.n(y)) L\(Self.n(x)) \(Self.n(y + s * 1.3)) L\(Self.n(x - s)) \(Self.n(y)) Z\" "
                + "fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"0.8\"/>")
        }
    }

    mutating func text(_ string: String, _ x: Double, _ y: Double, anchor: String = "middle", size: Double = 11,
                       fill: String = "#1f2328", rotate: Bool = false, weight: String = "normal") {
        let transform = rotate ? " transform=\"rotate(-90 \(Self.n(x)) \(Self.n(y)))\"" : ""
        add("<text x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" text-anchor=\"\(anchor)\" font-family=\"DejaVu Sans, sans-serif\" "
            + "font-size=\"\(Self.n(size))\" font-weight=\"\(weight)\" fill=\"\(fill)\"\(transform)>\(Escape.html(string))</text>")
    }

    /// The finished SVG document.
    var svg: String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" "
            + "viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\" role=\"img\">\n" + elements.joined(separator: "\n") + "\n</svg>\n"
    }
}
