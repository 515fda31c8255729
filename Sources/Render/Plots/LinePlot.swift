/// Lines against a shared x axis: a loss against the step for every
/// optimizer, or an activation function and its gradient over a range.
struct LinePlot {
    struct Series {
        let name: String
        let xs: [Double]
        let ys: [Double]
    }

    let title: String
    let xLabel: String
    let yLabel: String
    let series: [Series]

    /// The plot as SVG; one `<path>` per series, in the order given.
    var svg: String {
        let frame = Frame(xs: series.flatMap(\.xs), ys: series.flatMap(\.ys))
        var canvas = SVGCanvas(width: frame.width, height: frame.height)
        frame.draw(on: &canvas, title: title, xLabel: xLabel, yLabel: yLabel)
        for (i, s) in series.enumerated() {
            let style = Palette.style(i)
            let points = zip(s.xs, s.ys).filter { $0.1.isFinite }.map { frame.point($0.0, $0.1) }
            canvas.polyline(LinePlot.thin(points), stroke: style.color, dash: style.dash, label: s.name)
        }
        if series.count > 1 { frame.legend(on: &canvas, series.map(\.name)) }
        return canvas.svg
    }

    /// At most about 400 points: a 10,000-step curve needs no more on a 500-pixel plot.
    static func thin(_ points: [(Double, Double)]) -> [(Double, Double)] {
        guard points.count > 400 else { return points }
        let stride = (points.count + 399) / 400
        var kept = Swift.stride(from: 0, to: points.count, by: stride).map { points[$0] }
        if let last = points.last, kept.last.map({ $0 != last }) ?? true { kept.append(last) }
        return kept
    }
}
