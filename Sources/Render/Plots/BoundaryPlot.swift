/// A classifier on 2-D data after training: the plane coloured by the class
/// it predicts, and the data points coloured by their true class.
struct BoundaryPlot {
    let title: String
    /// The predicted class at each cell centre: `classes[j][i]` at (xs[i], ys[j]).
    let xs: [Double]
    let ys: [Double]
    let classes: [[Int]]
    /// The data: one (x, y, label) per point.
    let points: [(Double, Double, Int)]

    var svg: String {
        let frame = Frame(xs: xs, ys: ys, width: 440, height: 440)
        var canvas = SVGCanvas(width: frame.width, height: frame.height)
        let (dx, dy) = (xs.count > 1 ? xs[1] - xs[0] : 1, ys.count > 1 ? ys[1] - ys[0] : 1)
        // One rectangle per run of cells of one class along a row (a row of 60
        // cells holds a few runs): a rectangle per cell made the picture 3,600
        // rectangles, a third of a megabyte in the page and in its own file.
        for (j, row) in classes.enumerated() {
            for run in Self.runs(row) {
                let (x0, y0) = frame.point(xs[run.first] - dx / 2, ys[j] + dy / 2)
                let (x1, y1) = frame.point(xs[run.last] + dx / 2, ys[j] - dy / 2)
                canvas.rect(x0, y0, x1 - x0 + 0.3, y1 - y0 + 0.3, fill: Palette.regionFills[run.class % Palette.regionFills.count])
            }
        }
        frame.draw(on: &canvas, title: title, xLabel: "x₁", yLabel: "x₂")
        for (x, y, label) in points {
            let p = frame.point(x, y)
            let markers: [Palette.Marker] = [.circle, .square, .triangle, .diamond]
            canvas.marker(markers[label % markers.count], p.0, p.1, size: 2.8,
                          fill: Palette.classColors[label % Palette.classColors.count], stroke: "#1f2328")
        }
        return canvas.svg
    }

    /// The runs of equal classes along a row: first and last cell, and the class.
    static func runs(_ row: [Int]) -> [(first: Int, last: Int, class: Int)] {
        var runs: [(first: Int, last: Int, class: Int)] = []
        for (i, c) in row.enumerated() {
            if let last = runs.last, last.class == c { runs[runs.count - 1].last = i } else { runs.append((i, i, c)) }
        }
        return runs
    }
}
