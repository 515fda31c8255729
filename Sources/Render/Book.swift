import Workbook

/// A file of the built workbook: its path inside the output folder and its text.
public struct OutputFile: Equatable, Sendable {
    /// The path relative to the output folder, `/`-separated (`02-backprop/example-1.svg`).
    public let path: String
    /// The file's contents.
    public let contents: String
}

/// The whole workbook from the results of its lectures: one HTML page, one
/// Markdown page and one SVG per example for each lecture, the two tables of
/// contents, and the stylesheet. Pure: files are written by the caller.
public enum Book {
    /// Every file of the workbook, sorted by path.
    public static func render(_ results: [LectureResult], unsafeHTML: Bool = false) -> [OutputFile] {
        let lectures = ordered(results)
        var files = [OutputFile(path: "assets/gradbook.css", contents: Theme.css),
                     OutputFile(path: "assets/gradbook.js", contents: Theme.script)]
        // Lectures are drawn on every core; only the Graphviz calls inside take turns.
        files += Array(lectures.indices).concurrentMap { pages(of: lectures, at: $0, unsafeHTML: unsafeHTML) }.joined()
        files.append(OutputFile(path: "index.html", contents: Contents.html(lectures)))
        files.append(OutputFile(path: "README.md", contents: Contents.markdown(lectures)))
        return files.sorted { $0.path < $1.path }
    }

    /// The files of lecture `index`: an SVG per example, its HTML page and its Markdown page.
    private static func pages(of lectures: [LectureResult], at index: Int, unsafeHTML: Bool) -> [OutputFile] {
        let result = lectures[index], slug = result.lecture.slug
        var files: [OutputFile] = [], svgs: [String: String] = [:], figures: [String: [Figure]] = [:]
        for example in result.examples {
            figures[example.example.id] = Figures.of(example)
            for figure in figures[example.example.id] ?? [] {
                files.append(OutputFile(path: "\(slug)/\(figure.fileName)", contents: figure.svg))
            }
            let title = "computational graph: \(example.example.title ?? example.example.id)"
            guard let svg = try? GraphDrawing.svg(example.evaluation, example: example.example.fileName, title: title) else { continue }
            svgs[example.example.id] = svg
            files.append(OutputFile(path: "\(slug)/\(example.example.fileName).svg", contents: svg))
        }
        let neighbours = (index > 0 ? lectures[index - 1].lecture : nil,
                          index + 1 < lectures.count ? lectures[index + 1].lecture : nil)
        files.append(OutputFile(path: "\(slug).html",
                                contents: HTMLPage.render(result, svgs: svgs, figures: figures, neighbours: neighbours,
                                                          unsafeHTML: unsafeHTML)))
        files.append(OutputFile(path: "\(slug).md", contents: MarkdownPage.render(result, figures: figures)))
        return files
    }

    /// Lectures in course order: by `order` from the front matter, then by page name.
    static func ordered(_ results: [LectureResult]) -> [LectureResult] {
        results.sorted { ($0.lecture.order ?? .max, $0.lecture.slug) < ($1.lecture.order ?? .max, $1.lecture.slug) }
    }
}
