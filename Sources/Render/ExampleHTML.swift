import Autodiff
import Diagnostics
import GraphSpec
import Workbook

/// One example as HTML, in place of its ```graph block: the graph, the table
/// of named nodes, the edges of a scalar graph, every check, shown values,
/// training runs, and the diagnostics of a broken example beside its source.
enum ExampleHTML {
    static func render(_ result: ExampleResult, svg: String?, figures: [Figure] = []) -> String {
        let example = result.example, evaluation = result.evaluation
        var html = "<section class=\"example\(result.passed ? "" : " failed")\" id=\"\(Escape.html(example.fileName))\">\n"
        if let title = example.title { html += "\(Headings.exampleTitle)\(Escape.html(title))</h4>\n" }
        let table = "\(example.fileName).table"
        if let svg {
            // The table of named nodes is the graph's text alternative.
            let described = evaluation.named.isEmpty ? svg
                : svg.replacingBytes("<svg ", with: "<svg aria-describedby=\"\(table)\" ", limit: 1)
            html += "<figure class=\"graph\">\n\(described)</figure>\n"
            html += GraphSteps.html(GraphSteps.of(evaluation, example: example.fileName))
        }
        html += nodeTable(evaluation, id: table)
        html += edgeTable(evaluation)
        html += shown(evaluation)
        html += trainings(evaluation)
        for figure in figures {
            let titled = figure.svg.replacingBytes("role=\"img\">", with: "role=\"img\" aria-label=\"\(Escape.html(figure.caption))\">", limit: 1)
            html += "<figure class=\"plot\">\n\(titled)<figcaption>\(Escape.html(figure.caption))</figcaption>\n</figure>\n"
        }
        html += checks(evaluation)
        if !result.diagnostics.isEmpty { html += diagnostics(result) }
        return html + "</section>\n"
    }

    /// name, shape, value, gradient of every named node.
    private static func nodeTable(_ evaluation: Evaluation, id: String) -> String {
        guard !evaluation.named.isEmpty else { return "" }
        var html = "<table class=\"nodes\" id=\"\(id)\">\n<thead><tr><th>name</th><th>shape</th><th>value</th><th>gradient</th></tr></thead>\n<tbody>\n"
        for n in evaluation.named {
            let gradient = evaluation.hasGradients && n.node.needsGradient ? cell(n.node.gradient, class: "gradient") : "<td>—</td>"
            html += "<tr><td><code>\(Escape.html(n.name))</code></td><td>\(Shape.describe(n.node.shape))</td>"
                + cell(n.node.value, class: "value") + gradient + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// "upstream × local = gradient" for every edge of a scalar graph.
    private static func edgeTable(_ evaluation: Evaluation) -> String {
        guard evaluation.hasGradients else { return "" }
        var rows: [String] = []
        for node in evaluation.graph.nodes where !evaluation.auxiliary.contains(node.id) {
            for (i, input) in node.inputs.enumerated() where input.needsGradient {
                guard let local = node.localGradient(i) else { continue }
                let upstream = node.gradient.scalar
                rows.append("<tr><td>\(Escape.html(label(input))) → \(Escape.html(label(node)))</td>"
                    + "<td class=\"gradient\">\(number(upstream))</td><td>\(number(local))</td>"
                    + "<td class=\"gradient\">\(number(upstream * local))</td></tr>")
            }
        }
        guard !rows.isEmpty else { return "" }
        return "<table class=\"edges\">\n<thead><tr><th>edge</th><th>upstream</th><th>× local</th><th>= gradient</th></tr></thead>\n<tbody>\n"
            + rows.joined(separator: "\n") + "\n</tbody>\n</table>\n"
    }

    /// Every expectation and gradient check, marked passed or failed.
    private static func checks(_ evaluation: Evaluation) -> String {
        guard !evaluation.checks.isEmpty else { return "" }
        var html = "<ul class=\"checks\">\n"
        for check in evaluation.checks {
            let mark = check.passed ? "<span class=\"mark\">✓</span>" : "<span class=\"mark\">✗</span>"
            let computed = check.kind == .expect ? " computed <code>\(Escape.html(flat(check.computed)))</code>" : ""
            html += "<li class=\"\(check.passed ? "pass" : "fail")\">\(mark) <code>\(Escape.html(check.text))</code>"
                + "\(computed) <span class=\"detail\">(\(Escape.html(check.detail)))</span></li>\n"
        }
        return html + "</ul>\n"
    }

    private static func shown(_ evaluation: Evaluation) -> String {
        evaluation.shown.filter { $0.abscissa == nil }.map {
            "<div class=\"shown\"><code>\(Escape.html($0.text))</code> =\n<pre>\(Escape.html($0.value.description))</pre></div>\n"
        }.joined()
    }

    private static func trainings(_ evaluation: Evaluation) -> String {
        evaluation.trainings.map {
            "<p class=\"training\">minimize with <code>\(Escape.html($0.optimizer))</code>: loss "
                + "\(number($0.losses.first ?? 0)) → \(number($0.losses.last ?? 0)) in \($0.losses.count - 1) steps</p>\n"
        }.joined()
    }

    /// The diagnostics as the terminal prints them, then the block's source with its lines numbered.
    private static func diagnostics(_ result: ExampleResult) -> String {
        let text = DiagnosticPrinter.render(result.diagnostics)
        var source = ""
        for (i, line) in result.example.spec.split(separator: "\n", omittingEmptySubsequences: false).dropLast().enumerated() {
            source += "\(result.example.firstLine + i) | \(line)\n"
        }
        return "<div class=\"diagnostics\">\n<pre class=\"messages\">\(Escape.html(text))</pre>\n"
            + "<pre class=\"source\">\(Escape.html(source))</pre>\n</div>\n"
    }

    private static func cell(_ tensor: Tensor, class name: String) -> String {
        "<td class=\"\(name)\">" + (tensor.count == 1 ? number(tensor.scalars[0]) : "<pre>\(Escape.html(matrix(tensor)))</pre>") + "</td>"
    }

    /// A tensor in a table: its entries when they fit on a page (at most 8×8), else its shape and range.
    static func matrix(_ tensor: Tensor) -> String {
        guard tensor.rank <= 2, tensor.shape.allSatisfy({ $0 <= 8 }) else {
            let (low, high) = tensor.extremes ?? (0, 0)
            return "\(Shape.describe(tensor.shape)), from \(Tensor.format(low, significant: 3)) to \(Tensor.format(high, significant: 3))"
        }
        return Tensor(shape: tensor.shape, scalars: tensor.scalars.map { Double(Tensor.format($0, significant: 4)) ?? $0 }).description
    }

    static func number(_ x: Double) -> String { Tensor.format(x, significant: 4) }

    static func flat(_ tensor: Tensor?) -> String {
        guard let tensor else { return "—" }
        return matrix(tensor).split(separator: "\n").map { $0.trimmingLeadingSpaces() }.joined(separator: " ")
    }

    private static func label(_ node: Node) -> String {
        node.name ?? node.gate?.symbol ?? Tensor.format(node.value.scalars.first ?? 0, significant: 4)
    }
}

extension Substring {
    func trimmingLeadingSpaces() -> String { String(drop { $0 == " " }) }
}
