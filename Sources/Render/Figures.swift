import Autodiff
import GraphSpec
import Workbook

/// A plot of an example, drawn by gradbook: inline in the HTML page, a file beside the Markdown page.
struct Figure: Equatable {
    /// The file name beside the Markdown page (`xyz-loss-1.svg`).
    let fileName: String
    /// What it shows, for the caption and the image's alternative text.
    let caption: String
    let svg: String
}

/// The plots an example asks for: a loss curve per `minimize` (every
/// optimizer on one plot), the optimizers' paths over the loss's level curves
/// when it has two scalar parameters, a classifier's regions over its data,
/// and `show plot(…)`.
enum Figures {
    static func of(_ result: ExampleResult) -> [Figure] {
        let id = result.example.fileName
        var figures: [Figure] = []
        for (k, m) in result.evaluation.minimizations.enumerated() {
            let n = k + 1
            let parameters = m.runs.first?.parameters.joined(separator: ", ") ?? ""
            figures.append(Figure(fileName: "\(id)-loss-\(n).svg", caption: "loss against step, training \(parameters)", svg: LinePlot(
                title: "Loss", xLabel: "step", yLabel: "loss",
                series: m.runs.map { .init(name: $0.optimizer, xs: $0.losses.indices.map(Double.init), ys: $0.losses) }).svg))
            if let surface = m.surface, let names = m.runs.first?.parameters {
                let axes = names.count == 2 ? (names[0], names[1]) : ("\(names[0])[0]", "\(names[0])[1]")
                figures.append(Figure(fileName: "\(id)-paths-\(n).svg", caption: "each optimizer's path over the loss's level curves",
                                      svg: TrajectoryPlot(title: "Paths over the loss surface", xLabel: axes.0, yLabel: axes.1,
                                                          grid: Contours.Grid(xs: surface.xs, ys: surface.ys, values: surface.losses),
                                                          paths: m.runs.map { .init(name: $0.optimizer, points: $0.path.map { ($0[0], $0[1]) }) }).svg))
            }
            if let b = m.boundary {
                figures.append(Figure(fileName: "\(id)-boundary-\(n).svg", caption: "the classes the trained model predicts, and the data",
                                      svg: BoundaryPlot(title: "Decision regions after training", xs: b.xs, ys: b.ys, classes: b.classes,
                                                        points: zip(b.points, b.labels).map { ($0[0], $0[1], $1) }).svg))
            }
        }
        for (k, shown) in result.evaluation.shown.enumerated() {
            guard let x = shown.abscissa else { continue }
            let text = plotted(shown.text)
            figures.append(Figure(fileName: "\(id)-plot-\(k + 1).svg", caption: text,
                                  svg: LinePlot(title: text, xLabel: x.count > 0 ? plottedX(shown.text) : "", yLabel: "",
                                                series: [.init(name: text, xs: x.scalars, ys: shown.value.scalars)]).svg))
        }
        return figures
    }

    /// `plot(relu(v), v)` → `relu(v)`.
    private static func plotted(_ text: String) -> String {
        let inner = text.dropFirst("plot(".count).dropLast()
        return String(topLevelArguments(inner).first ?? inner)
    }

    /// `plot(relu(v), v)` → `v`.
    private static func plottedX(_ text: String) -> String {
        let parts = topLevelArguments(text.dropFirst("plot(".count).dropLast())
        return parts.count > 1 ? String(parts[1]) : "index"
    }

    /// The arguments of a call's text, split at the commas outside brackets.
    private static func topLevelArguments(_ text: Substring) -> [Substring] {
        var parts: [Substring] = [], depth = 0, start = text.startIndex
        for i in text.indices {
            switch text[i] {
            case "(", "[": depth += 1
            case ")", "]": depth -= 1
            case "," where depth == 0:
                parts.append(text[start..<i].drop { $0 == " " })
                start = text.index(after: i)
            default: break
            }
        }
        parts.append(text[start...].drop { $0 == " " })
        return parts
    }
}
