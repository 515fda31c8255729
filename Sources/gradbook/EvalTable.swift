import Autodiff
import GraphSpec

/// The plain-text report of `gradbook eval`: a table of the named nodes, then the checks.
enum EvalTable {
    static func render(_ evaluation: Evaluation) -> String {
        var rows = [["name", "shape", "value", "gradient"]]
        for n in evaluation.named {
            let gradient = evaluation.hasGradients && n.node.needsGradient ? n.node.gradient.description : "—"
            rows.append([n.name, Shape.describe(n.node.shape), n.node.value.description, gradient])
        }
        var text = table(rows)
        for shown in evaluation.shown {
            text += "\nshow \(shown.text) =\n\(shown.value)\n"
        }
        for training in evaluation.trainings {
            text += "\nminimize with \(training.optimizer): loss \(Tensor.format(training.losses.first ?? 0)) → "
                + "\(Tensor.format(training.losses.last ?? 0)) in \(training.losses.count - 1) steps\n"
        }
        if !evaluation.checks.isEmpty { text += "\n" }
        for check in evaluation.checks {
            let mark = check.passed ? "✓" : "✗"
            let computed = check.computed.map { $0.description.replacingNewlines() } ?? "—"
            switch check.kind {
            case .expect:
                text += "\(mark) expect \(check.text)    computed \(computed)  (\(check.detail))\n"
            case .gradcheck:
                text += "\(mark) \(check.text)    \(check.detail)\n"
            }
        }
        return text
    }

    /// Columns padded to their widest cell; a cell of several lines takes several lines.
    static func table(_ rows: [[String]]) -> String {
        let cells = rows.map { $0.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) } }
        var widths = Array(repeating: 0, count: rows[0].count)
        for row in cells { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.map(\.count).max() ?? 0) } }
        var text = ""
        for row in cells {
            let height = row.map(\.count).max() ?? 1
            for line in 0..<height {
                let parts = row.enumerated().map { i, cell in
                    let piece = line < cell.count ? cell[line] : ""
                    return piece + String(repeating: " ", count: widths[i] - piece.count)
                }
                text += parts.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
            }
        }
        return text
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }

    func replacingNewlines() -> String { split(separator: "\n").map { $0.trimmingCharacters() }.joined(separator: " ") }
}

extension Substring {
    func trimmingCharacters() -> String { String(drop { $0 == " " }) }
}
