import Workbook

/// A lecture's row in the tables of contents: all the contents need of it.
public struct ContentsRow: Equatable, Sendable, Codable {
    /// The page name, which the row links to.
    public let slug: String
    /// The lecture's title.
    public let title: String
    /// Its number of examples.
    public let examples: Int
    /// Its number of checks, and of those that passed.
    public let checks: Int, passed: Int

    /// The row of a lecture that was run.
    public init(_ result: LectureResult) { self.init(LectureSummary(result)) }

    /// A row as it was kept (in the build cache).
    public init(slug: String, title: String, examples: Int, checks: Int, passed: Int) {
        (self.slug, self.title, self.examples, self.checks, self.passed) = (slug, title, examples, checks, passed)
    }

    /// The row of a lecture that was run, from its summary.
    public init(_ summary: LectureSummary) {
        let (total, passed) = summary.checkCounts
        (slug, title, examples, checks, self.passed) = (summary.lecture.slug, summary.lecture.title, summary.examples, total, passed)
    }
}

/// The tables of contents: `index.html` and `README.md`, a row per lecture
/// with its number of examples and of checks passed.
enum Contents {
    static func html(_ lectures: [ContentsRow]) -> String {
        var rows = ""
        for row in lectures {
            rows += "<tr><td><a href=\"\(row.slug).html\">\(Escape.html(row.title))</a></td>"
                + "<td>\(row.examples)</td><td class=\"\(row.passed == row.checks ? "pass" : "fail")\">\(row.passed) / \(row.checks)</td></tr>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Contents</title>
            <link rel="stylesheet" href="assets/gradbook.css">
            </head>
            <body>
            <main>
            <h1>Contents</h1>
            <table class="contents">
            <thead><tr><th>lecture</th><th>examples</th><th>checks passed</th></tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>
            </main>
            </body>
            </html>

            """
    }

    static func markdown(_ lectures: [ContentsRow]) -> String {
        var lines = ["# Contents", "", "| lecture | examples | checks passed |", "|---|---|---|"]
        for row in lectures {
            lines.append("| [\(Escape.markdownCell(row.title))](\(row.slug).md) | \(row.examples) | \(row.passed) / \(row.checks) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
