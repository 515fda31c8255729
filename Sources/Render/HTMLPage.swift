import Workbook

/// A lecture's HTML page: the prose as cmark renders it, each example in
/// place of its block, a navigation bar, the stylesheet, and KaTeX for math.
enum HTMLPage {
    static func render(_ result: LectureResult, svgs: [String: String], figures: [String: [Figure]] = [:],
                       neighbours: (Lecture?, Lecture?),
                       unsafeHTML: Bool) -> String {
        let lecture = result.lecture
        let (unfolded, summaries) = Folding.protect(lecture.body)
        let (protected, math) = Math.protect(unfolded)
        // Blocks are matched in document order, not by line: math taken out
        // before cmark reads the text may span lines, and shifts them.
        var (examples, inclusions) = (result.examples[...], lecture.inclusions[...])
        let body = Markdown.html(protected, unsafe: unsafeHTML) { block in
            let word = block.info.split(separator: " ").first
            if word == "include", let inclusion = inclusions.popFirst() { return quote(inclusion) }
            guard word == "graph", let example = examples.popFirst() else { return nil }
            return ExampleHTML.render(example, svg: svgs[example.example.id], figures: figures[example.example.id] ?? [])
        }
        let nav = navigation(neighbours)
        let problems = lecture.diagnostics.isEmpty ? ""
            : "<div class=\"diagnostics\"><pre class=\"messages\">\(Escape.html(lecture.diagnostics.map { "\($0.location): error: \($0.message)" }.joined(separator: "\n")))</pre></div>\n"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Escape.html(lecture.title))</title>
            <link rel="stylesheet" href="assets/gradbook.css">
            <link rel="stylesheet" href="assets/katex/katex.min.css">
            <script defer src="assets/katex/katex.min.js"></script>
            <script defer src="assets/katex/contrib/auto-render.js"></script>
            <script defer src="assets/gradbook.js"></script>
            </head>
            <body>
            \(nav)<main>
            \(problems)\(Headings.nest(Folding.restore(Math.restore(body, math), summaries)))</main>
            \(nav)</body>
            </html>

            """
    }

    /// An included source file, as a code block captioned with its path.
    static func quote(_ inclusion: Inclusion) -> String {
        "<figure class=\"source\"><figcaption><code>\(Escape.html(inclusion.path))</code></figcaption>\n"
            + "<pre><code class=\"language-\(Escape.html(inclusion.language))\">\(Escape.html(inclusion.text ?? ""))</code></pre>\n</figure>\n"
    }

    /// Previous, contents, next.
    private static func navigation(_ neighbours: (Lecture?, Lecture?)) -> String {
        func link(_ lecture: Lecture?, _ rel: String, _ arrow: String) -> String {
            guard let lecture else { return "<span></span>" }
            return "<a rel=\"\(rel)\" href=\"\(lecture.slug).html\">\(arrow) \(Escape.html(lecture.title))</a>"
        }
        return "<nav class=\"pages\">\(link(neighbours.0, "prev", "←")) <a href=\"index.html\">Contents</a> "
            + "\(link(neighbours.1, "next", "→"))</nav>\n"
    }
}
