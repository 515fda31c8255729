/// Colours and strokes for plots that still tell series apart when printed in
/// grey: the Okabe–Ito colours, each with its own dash pattern and marker.
enum Palette {
    struct Style {
        let color: String
        /// The SVG `stroke-dasharray`, empty for a solid line.
        let dash: String
        /// The marker drawn at a path's points: circle, square, triangle, diamond.
        let marker: Marker
    }

    enum Marker { case circle, square, triangle, diamond }

    static let styles = [
        Style(color: "#0072b2", dash: "", marker: .circle),
        Style(color: "#d55e00", dash: "6 3", marker: .square),
        Style(color: "#009e73", dash: "2 2", marker: .triangle),
        Style(color: "#cc79a7", dash: "8 3 2 3", marker: .diamond),
        Style(color: "#e69f00", dash: "4 2 1 2", marker: .circle),
        Style(color: "#56b4e9", dash: "1 2", marker: .square),
        Style(color: "#000000", dash: "10 3", marker: .triangle),
    ]

    /// The style of series `i`.
    static func style(_ i: Int) -> Style { styles[i % styles.count] }

    /// Light fills for class regions, and the darker colours of their points.
    static let regionFills = ["#cfe3f2", "#f6d6c4", "#c9eadf", "#f1dbe8", "#f7e6c2", "#d9eef9"]
    static let classColors = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9"]
}
