/// The level curves of a loss of two scalar parameters, with each optimizer's
/// path of points drawn on them: start marked with a ring, end with a cross.
struct TrajectoryPlot {
    struct Path {
        let name: String
        let points: [(Double, Double)]
    }

    let title: String
    let xLabel: String
    let yLabel: String
    let grid: Contours.Grid
    let paths: [Path]

    var svg: String {
        let frame = Frame(xs: grid.xs, ys: grid.ys, width: 520, height: 400)
        var canvas = SVGCanvas(width: frame.width, height: frame.height)
        frame.draw(on: &canvas, title: title, xLabel: xLabel, yLabel: yLabel)
        for level in Contours.levels(grid) {
            let d = Contours.segments(grid, level: level).map { s in
                let (a, b) = (frame.point(s.0.0, s.0.1), frame.point(s.1.0, s.1.1))
                return "M\(SVGCanvas.n(a.0)) \(SVGCanvas.n(a.1)) L\(SVGCanvas.n(b.0)) \(SVGCanvas.n(b.1))"
            }.joined(separator: " ")
            if !d.isEmpty { canvas.add("<path class=\"contour\" d=\"\(d)\" fill=\"none\" stroke=\"#b6bec7\" stroke-width=\"0.8\"/>") }
        }
        for (i, path) in paths.enumerated() {
            let style = Palette.style(i)
            let points = path.points.map { frame.point($0.0, $0.1) }
            canvas.polyline(LinePlot.thin(points), stroke: style.color, width: 1.5, dash: style.dash, label: path.name)
            for p in LinePlot.thin(points).dropFirst().dropLast() { canvas.marker(style.marker, p.0, p.1, size: 2, fill: style.color) }
            if let start = points.first {
                canvas.add("<circle class=\"start\" cx=\"\(SVGCanvas.n(start.0))\" cy=\"\(SVGCanvas.n(start.1))\" r=\"5\" "
                    + "fill=\"none\" stroke=\"#1f2328\" stroke-width=\"1.5\"/>")
            }
            if let end = points.last {
                canvas.line(end.0 - 4, end.1 - 4, end.0 + 4, end.1 + 4, stroke: style.color, width: 2)
                canvas.line(end.0 - 4, end.1 + 4, end.0 + 4, end.1 - 4, stroke: style.color, width: 2)
            }
        }
        frame.legend(on: &canvas, paths.map(\.name))
        return canvas.svg
    }
}
