import Diagnostics
import GraphSpec

/// One lecture file: its title, its Markdown, and the worked examples in it.
public struct Lecture: Sendable {
    /// The path as given (`lectures/02-backprop.md`), for diagnostics.
    public let path: String
    /// The file's text, as read: everything its pages are made from, less the files it includes.
    public internal(set) var text = ""
    /// The base name of its pages (`02-backprop`): safe characters only, so
    /// pages are written inside the output folder whatever the file is called;
    /// `Course.load` makes it unique in the course.
    public internal(set) var slug: String
    /// The title: from the front matter, else the first `#` heading, else the slug.
    public let title: String
    /// The place in the course, from the front matter's `order`, if given.
    public let order: Int?
    /// The file line where `body` starts.
    public let bodyFirstLine: Int
    /// Every ```graph block, in order.
    public let examples: [Example]
    /// Every ```include block: a source file quoted by the build, so the page cannot drift from it.
    public internal(set) var inclusions: [Inclusion] = []
    /// What is wrong with the file itself (front matter, duplicate ids, a file it cannot include).
    public internal(set) var diagnostics: [Diagnostic]
    /// How much each example may take: the run's limits, as the front matter raises or lowers them.
    public internal(set) var limits = Limits()
    /// The lines of the file, for quoting in diagnostics: cut from `text` when asked
    /// for, not kept (a course of a thousand lectures would hold each twice).
    public var lines: [String] { Lecture.lines(of: text) }

    /// The Markdown after the front matter, its lines joined by "\n": cut from `text` too.
    public var body: String { lines.dropFirst(bodyFirstLine - 1).joined(separator: "\n") }
}

/// A ```include block: `include ../Sources/Autodiff/Ops/Multiply.swift` quotes that
/// file (its path relative to the lecture's folder) as a code block.
public struct Inclusion: Sendable {
    /// The path as written.
    public let path: String
    /// The file line of the opening fence.
    public let fenceLine: Int
    /// The file line of the block's last line.
    public let endLine: Int
    /// The file's text, once read (nil when it could not be).
    public internal(set) var text: String?

    /// The language of the file, for highlighting: its extension (`swift`).
    public var language: String {
        let name = path.split(separator: "/").last ?? ""
        return name.contains(".") ? String(name.split(separator: ".").last ?? "") : ""
    }
}

/// One ```graph block of a lecture.
public struct Example: Sendable {
    /// The block's id: its `id=` option, else `example-N` (N from 1, in order).
    public let id: String
    /// Its `title=` option, if any.
    public let title: String?
    /// Every option of its info string.
    public let options: [String: String]
    /// The spec: the block's content.
    public let spec: String
    /// The file line of the opening fence.
    public let fenceLine: Int
    /// The file line of the spec's first line.
    public let firstLine: Int
    /// The columns before each spec line in the file (inside a list or a quote).
    public let indent: Int
    /// The file line of the block's last line.
    public let endLine: Int

    /// The id as the name of the example's files: letters, digits, `-` and `_`; anything else becomes `-`.
    public var fileName: String { Example.fileName(id) }

    static func fileName(_ id: String) -> String {
        let safe = String(id.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "-" })
        return safe.isEmpty ? "example" : safe
    }
}
