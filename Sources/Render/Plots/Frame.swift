/// The parts every plot shares: a title, two axes with ticks and labels, a
/// plotting area, and a legend.
struct Frame {
    static let margin = (left: 58.0, right: 16.0, top: 30.0, bottom: 44.0)

    let x: Axis
    let y: Axis
    let width: Double
    let height: Double

    /// A frame of `width` × `height` pixels over the data ranges of `xs` and `ys`.
    init(xs: [Double], ys: [Double], width: Double = 520, height: Double = 340) {
        (self.width, self.height) = (width, height)
        x = Axis(covering: xs, from: Frame.margin.left, to: width - Frame.margin.right)
        y = Axis(covering: ys, from: height - Frame.margin.bottom, to: Frame.margin.top)
    }

    /// The pixel of a data point.
    func point(_ px: Double, _ py: Double) -> (Double, Double) { (x.pixel(px), y.pixel(py)) }

    /// Draws the title, the box, grid lines, ticks and axis labels.
    func draw(on canvas: inout SVGCanvas, title: String, xLabel: String, yLabel: String) {
        canvas.text(title, width / 2, 18, size: 13, weight: "bold")
        for t in x.ticks {
            let px = x.pixel(t)
            canvas.line(px, y.from, px, y.to, stroke: "#eaeef2")
            canvas.text(Tick.label(t), px, y.from + 15, size: 10, fill: "#57606a")
        }
        for t in y.ticks {
            let py = y.pixel(t)
            canvas.line(x.from, py, x.to, py, stroke: "#eaeef2")
            canvas.text(Tick.label(t), x.from - 6, py + 3.5, anchor: "end", size: 10, fill: "#57606a")
        }
        canvas.add("<rect x=\"\(SVGCanvas.n(x.from))\" y=\"\(SVGCanvas.n(y.to))\" width=\"\(SVGCanvas.n(x.to - x.from))\" "
            + "height=\"\(SVGCanvas.n(y.from - y.to))\" fill=\"none\" stroke=\"#8c959f\"/>")
        canvas.text(xLabel, (x.from + x.to) / 2, height - 8, size: 11)
        canvas.text(yLabel, 14, (y.from + y.to) / 2, size: 11, rotate: true)
    }

    /// A legend in the top right corner: a sample of each series' line and marker, and its name.
    func legend(on canvas: inout SVGCanvas, _ names: [String]) {
        guard !names.isEmpty else { return }
        let rowHeight = 15.0
        let longest = Double(names.map(\.count).max() ?? 0)
        let boxWidth = 34 + longest * 6.2
        let left = x.to - boxWidth - 6, top = y.to + 6
        canvas.add("<rect x=\"\(SVGCanvas.n(left))\" y=\"\(SVGCanvas.n(top))\" width=\"\(SVGCanvas.n(boxWidth))\" "
            + "height=\"\(SVGCanvas.n(Double(names.count) * rowHeight + 6))\" fill=\"#ffffff\" fill-opacity=\"0.85\" stroke=\"#d0d7de\"/>")
        for (i, name) in names.enumerated() {
            let style = Palette.style(i), row = top + 11 + Double(i) * rowHeight
            canvas.line(left + 5, row - 3.5, left + 25, row - 3.5, stroke: style.color, width: 1.8, dash: style.dash)
            canvas.marker(style.marker, left + 15, row - 3.5, size: 2.8, fill: style.color)
            canvas.text(name, left + 30, row, anchor: "start", size: 10)
        }
    }
}

/// Tick labels: short, without trailing zeros.
enum Tick {
    static func label(_ value: Double) -> String {
        let rounded = (value * 1e6).rounded() / 1e6
        if rounded == rounded.rounded(), abs(rounded) < 1e9 { return String(Int(rounded)) }
        var text = "\(rounded)"
        if text.contains("e") { return text }
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
