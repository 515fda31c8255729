import Autodiff
import Diagnostics
import GraphSpec
import Workbook

/// A lecture as GitHub Markdown: the prose as written, and each example, in
/// place of its block, as an SVG image, a table and a list of checks.
enum MarkdownPage {
    static func render(_ result: LectureResult, figures: [String: [Figure]] = [:]) -> String {
        let lecture = result.lecture
        let lines = lecture.body.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        var line = 0  // index into the body's lines
        // Examples and included files, in the order they stand, each in place of its block.
        var blocks: [(start: Int, end: Int, indent: Int, lines: [String])] = result.examples.map {
            ($0.example.fenceLine, $0.example.endLine, $0.example.indent, render($0, slug: lecture.slug, figures: figures[$0.example.id] ?? []))
        }
        blocks += lecture.inclusions.map { inclusion in
            let text = (inclusion.text ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            return (inclusion.fenceLine, inclusion.endLine, 0, ["`\(inclusion.path)`:", "", "```\(inclusion.language)"]
                + (text.last == "" ? Array(text.dropLast()) : text) + ["```"])
        }
        for block in blocks.sorted(by: { $0.start < $1.start }) {
            let start = block.start - lecture.bodyFirstLine, end = block.end - lecture.bodyFirstLine
            guard start >= line, end < lines.count else { continue }
            out += lines[line..<start].map(String.init)
            let indent = String(lines[start].prefix(block.indent))
            out += block.lines.map { $0.isEmpty ? $0 : indent + $0 }
            line = end + 1
        }
        out += lines[min(line, lines.count)...].map(String.init)
        while out.last?.isEmpty == true { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    /// One example's Markdown lines.
    private static func render(_ result: ExampleResult, slug: String, figures: [Figure]) -> [String] {
        let example = result.example, evaluation = result.evaluation
        var lines: [String] = []
        if let title = example.title { lines += ["**\(Escape.markdownCell(title))**", ""] }
        lines += ["![computational graph: \(Escape.markdownCell(example.title ?? example.id))](\(slug)/\(example.fileName).svg)", ""]
        if !evaluation.named.isEmpty {
            lines += ["| name | shape | value | gradient |", "|---|---|---|---|"]
            for n in evaluation.named {
                let gradient = evaluation.hasGradients && n.node.needsGradient ? cell(n.node.gradient) : "—"
                lines.append("| `\(Escape.markdownCell(n.name))` | \(Shape.describe(n.node.shape)) | \(cell(n.node.value)) | \(gradient) |")
            }
            lines.append("")
        }
        for shown in evaluation.shown where shown.abscissa == nil {
            lines += ["`\(shown.text)` =", "", "```", shown.value.description, "```", ""]
        }
        for training in evaluation.trainings {
            lines += ["minimize with `\(training.optimizer)`: loss \(ExampleHTML.number(training.losses.first ?? 0)) → "
                + "\(ExampleHTML.number(training.losses.last ?? 0)) in \(training.losses.count - 1) steps", ""]
        }
        for figure in figures {
            lines += ["![\(Escape.markdownCell(figure.caption))](\(slug)/\(figure.fileName))", ""]
        }
        for check in evaluation.checks {
            let computed = check.kind == .expect ? " — computed `\(ExampleHTML.flat(check.computed))`" : ""
            lines.append("- \(check.passed ? "✓" : "✗") `\(check.text)`\(computed) (\(check.detail))")
        }
        if !evaluation.checks.isEmpty { lines.append("") }
        if !result.diagnostics.isEmpty {
            lines += ["```text"] + DiagnosticPrinter.render(result.diagnostics).split(separator: "\n").map(String.init) + ["```", ""]
        }
        return lines
    }

    private static func cell(_ tensor: Tensor) -> String {
        Escape.markdownCell(ExampleHTML.flat(tensor))
    }
}
