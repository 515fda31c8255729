import Workbook

/// A file of the built workbook: its path inside the output folder and its bytes.
public struct OutputFile: Equatable, Sendable {
    /// The path relative to the output folder, `/`-separated (`02-backprop/example-1.svg`).
    public let path: String
    /// The file's contents, UTF-8: what is written and compared, byte for byte.
    public let bytes: [UInt8]

    /// A file at `path` holding `contents`.
    public init(path: String, contents: String) { (self.path, bytes) = (path, Array(contents.utf8)) }

    /// A file at `path` holding `bytes` (read back from the build cache).
    public init(path: String, bytes: [UInt8]) { (self.path, self.bytes) = (path, bytes) }

    /// The file's contents as text.
    public var contents: String { String(decoding: bytes, as: UTF8.self) }
}

/// The lectures before and after one in the course: its page links to them by title.
public typealias Neighbours = (previous: Lecture?, next: Lecture?)

/// The whole workbook from the results of its lectures: one HTML page, one
/// Markdown page and one SVG per example for each lecture, the two tables of
/// contents, and the stylesheet. Pure: files are written by the caller.
///
/// A lecture's files depend only on its result, its neighbours and the options,
/// and the contents only on each lecture's `ContentsRow`: so an incremental build
/// may take a lecture's files from an earlier build and assemble the same workbook.
public enum Book {
    /// Every file of the workbook, sorted by path.
    public static func render(_ results: [LectureResult], unsafeHTML: Bool = false) -> [OutputFile] {
        let lectures = ordered(results)
        let neighbours = Self.neighbours(in: lectures.map(\.lecture))
        // Lectures are drawn on every core; only the Graphviz calls inside take turns.
        let drawn = pages(of: lectures.indices.map { (lectures[$0], neighbours[$0]) }, unsafeHTML: unsafeHTML)
        return assemble(pages: Array(drawn.joined()), contents: lectures.map(ContentsRow.init))
    }

    /// The workbook from every lecture's files and contents row (in course order):
    /// those files, the theme and the tables of contents, sorted by path.
    public static func assemble(pages: [OutputFile], contents rows: [ContentsRow]) -> [OutputFile] {
        (pages + shared(contents: rows)).sorted { $0.path < $1.path }
    }

    /// The files no lecture owns: the theme and the tables of contents (rows in course order).
    public static func shared(contents rows: [ContentsRow]) -> [OutputFile] {
        [OutputFile(path: "assets/gradbook.css", contents: Theme.css),
         OutputFile(path: "assets/gradbook.js", contents: Theme.script),
         OutputFile(path: "index.html", contents: Contents.html(rows)),
         OutputFile(path: "README.md", contents: Contents.markdown(rows))]
    }

    /// The paths of the files of `lectures` known before they run (their pages, not their
    /// drawings, which live in each lecture's folder), the shared files', and the folders of all.
    public static func plannedPaths(of lectures: [Lecture]) -> (files: [String], folders: [String]) {
        (shared(contents: []).map(\.path) + lectures.flatMap { ["\($0.slug).html", "\($0.slug).md"] },
         ["assets"] + lectures.map(\.slug))
    }

    /// Gets the drawing of graphs ready in the background (Graphviz's start),
    /// for a build that is about to draw lectures.
    public static func prepareDrawing() { Graphviz.start(rehearsing: GraphDrawing.rehearsal) }

    /// The files of one lecture: an SVG per example and figure, its HTML page and its Markdown page;
    /// its graphs laid out by Graphviz, or taken from `layouts` when they were laid out before.
    public static func pages(of result: LectureResult, neighbours: Neighbours, unsafeHTML: Bool,
                             layouts: (any Layouts)? = nil) -> [OutputFile] {
        let slug = result.lecture.slug
        // Each example is drawn on whichever core is free, the Markdown page made beside the
        // HTML page: lecture 01's twelve drawings and pages took 7 ms on one core, the last
        // thing a build that ran only it did. This thread takes them from the end.
        let drawn = result.examples.map { example in
            Aside { () -> (figures: [Figure], svg: String?) in
                let title = "computational graph: \(example.example.title ?? example.example.id)"
                return (Figures.of(example),
                        try? GraphDrawing.svg(example.evaluation, example: example.example.fileName, title: title, layouts: layouts))
            }
        }
        let drawings = Array(drawn.reversed().map { $0.get() }.reversed())
        var files: [OutputFile] = [], svgs: [String: String] = [:], figures: [String: [Figure]] = [:]
        for (example, drawing) in zip(result.examples, drawings) {
            figures[example.example.id] = drawing.figures
            for figure in drawing.figures { files.append(OutputFile(path: "\(slug)/\(figure.fileName)", contents: figure.svg)) }
            guard let svg = drawing.svg else { continue }
            svgs[example.example.id] = svg
            files.append(OutputFile(path: "\(slug)/\(example.example.fileName).svg", contents: svg))
        }
        let markdown = Aside { [figures] in MarkdownPage.render(result, figures: figures) }
        files.append(OutputFile(path: "\(slug).html",
                                contents: HTMLPage.render(result, svgs: svgs, figures: figures,
                                                          neighbours: (neighbours.previous, neighbours.next),
                                                          unsafeHTML: unsafeHTML)))
        files.append(OutputFile(path: "\(slug).md", contents: markdown.get()))
        return files
    }

    /// The files of several lectures, drawn on every core; the lists keep the order of `jobs`.
    public static func pages(of jobs: [(result: LectureResult, neighbours: Neighbours)], unsafeHTML: Bool) -> [[OutputFile]] {
        jobs.concurrentMap { pages(of: $0.result, neighbours: $0.neighbours, unsafeHTML: unsafeHTML) }
    }

    /// Each lecture's neighbours in `lectures` (already in course order).
    public static func neighbours(in lectures: [Lecture]) -> [Neighbours] {
        lectures.indices.map { i in
            (i > 0 ? lectures[i - 1] : nil, i + 1 < lectures.count ? lectures[i + 1] : nil)
        }
    }

    /// Lectures in course order: by `order` from the front matter, then by page name.
    public static func ordered(_ lectures: [Lecture]) -> [Lecture] {
        lectures.sorted { ($0.order ?? .max, $0.slug) < ($1.order ?? .max, $1.slug) }
    }

    /// Results in course order, as `ordered` puts their lectures.
    static func ordered(_ results: [LectureResult]) -> [LectureResult] {
        results.sorted { ($0.lecture.order ?? .max, $0.lecture.slug) < ($1.lecture.order ?? .max, $1.lecture.slug) }
    }
}
