import Workbook

/// The tables of contents: `index.html` and `README.md`, a row per lecture
/// with its number of examples and of checks passed.
enum Contents {
    static func html(_ lectures: [LectureResult]) -> String {
        var rows = ""
        for result in lectures {
            let (total, passed) = result.checkCounts
            rows += "<tr><td><a href=\"\(result.lecture.slug).html\">\(Escape.html(result.lecture.title))</a></td>"
                + "<td>\(result.examples.count)</td><td class=\"\(passed == total ? "pass" : "fail")\">\(passed) / \(total)</td></tr>\n"
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

    static func markdown(_ lectures: [LectureResult]) -> String {
        var lines = ["# Contents", "", "| lecture | examples | checks passed |", "|---|---|---|"]
        for result in lectures {
            let (total, passed) = result.checkCounts
            lines.append("| [\(Escape.markdownCell(result.lecture.title))](\(result.lecture.slug).md) | \(result.examples.count) | \(passed) / \(total) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
