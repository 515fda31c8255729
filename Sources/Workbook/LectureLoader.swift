import Diagnostics
import GraphSpec

extension Lecture {
    /// Loads a lecture from its text: front matter, title and examples; `limits` are the run's,
    /// which the front matter may change for this lecture.
    public init(path: String, text: String, limits: Limits = Limits()) {
        let lines = Lecture.lines(of: text)
        var diagnostics: [Diagnostic] = []
        if text.allSatisfy(\.isWhitespace) {
            diagnostics.append(Diagnostic(.warning, "the lecture is empty", at: SourceLocation(path: path, line: 1, column: 1),
                                          hint: "write a title and its prose, or remove the file"))
        }
        let matter: FrontMatter
        switch FrontMatter.split(lines.map { Substring($0) }, path: path) {
        case .success(let m): matter = m
        case .failure(let d):
            diagnostics.append(d)
            matter = FrontMatter(body: lines.joined(separator: "\n")[...])
        }
        let body = String(matter.body)
        let slug = Lecture.slug(of: path)
        let blocks = Markdown.codeBlocks(body)
        let examples = Lecture.examples(in: blocks, path: path, lines: lines, offset: matter.bodyFirstLine - 1,
                                        diagnostics: &diagnostics)
        let inclusions = blocks.filter { $0.info.split(separator: " ").first == "include" }.map {
            Inclusion(path: $0.info.split(separator: " ", maxSplits: 1).dropFirst().first.map { $0.trimmingBoth() } ?? "",
                      fenceLine: $0.startLine + matter.bodyFirstLine - 1, endLine: $0.endLine + matter.bodyFirstLine - 1,
                      text: nil)
        }
        self.init(path: path, text: text, slug: slug, title: matter.fields["title"] ?? Lecture.heading(in: body) ?? slug,
                  order: matter.fields["order"].flatMap { Int($0) }, bodyFirstLine: matter.bodyFirstLine,
                  examples: examples, inclusions: inclusions, diagnostics: diagnostics)
        self.limits = limits
        readLimits(matter)
    }

    /// The lines of `text`, ending as cmark ends them: "\n", "\r\n" (one Character in Swift) or a lone "\r".
    /// Cut by bytes: splitting by `Character` cost a tenth of loading a lecture.
    static func lines(of text: String) -> [String] {
        let (newline, carriageReturn) = (UInt8(ascii: "\n"), UInt8(ascii: "\r"))
        var lines: [String] = [], start = text.utf8.startIndex, i = start
        let utf8 = text.utf8
        while i < utf8.endIndex {
            let byte = utf8[i]
            guard byte == newline || byte == carriageReturn else {
                i = utf8.index(after: i)
                continue
            }
            lines.append(String(Substring(utf8[start..<i])))
            i = utf8.index(after: i)
            if byte == carriageReturn, i < utf8.endIndex, utf8[i] == newline { i = utf8.index(after: i) }
            start = i
        }
        lines.append(String(Substring(utf8[start...])))
        return lines
    }

    /// Every ```graph block among the body's `blocks` (the body starts after `offset` lines of
    /// the file) as an example; duplicate ids and unclosed fences are diagnostics at the fence.
    private static func examples(in blocks: [Markdown.CodeBlock], path: String, lines: [String], offset: Int,
                                 diagnostics: inout [Diagnostic]) -> [Example] {
        var examples: [Example] = []
        var seen: [String: Int] = [:]
        for block in blocks where InfoString.isGraph(block.info) {
            let options = InfoString.options(block.info)
            let fenceLine = block.startLine + offset
            let id = options["id"].flatMap { $0.isEmpty ? nil : $0 } ?? "example-\(examples.count + 1)"
            if let first = seen[Example.fileName(id)] {
                diagnostics.append(Diagnostic(.error, "two examples have the id '\(id)' (the first on line \(first))",
                                              at: SourceLocation(path: path, line: fenceLine, column: block.startColumn),
                                              sourceLine: Lecture.line(fenceLine, of: lines), hint: "give each example its own id= option"))
            }
            // Ids that differ only in characters a file name cannot hold would share their pictures.
            seen[Example.fileName(id)] = seen[Example.fileName(id)] ?? fenceLine
            if !Lecture.isClosed(block, lines: lines, offset: offset) {
                diagnostics.append(Diagnostic(.error, "this graph block is not closed: it runs to the end of its container",
                                              at: SourceLocation(path: path, line: fenceLine, column: block.startColumn),
                                              length: 3, sourceLine: Lecture.line(fenceLine, of: lines),
                                              hint: "add a closing fence, like the opening one, after the block's last line"))
            }
            examples.append(Example(id: id, title: options["title"], options: options, spec: block.literal,
                                    fenceLine: fenceLine, firstLine: fenceLine + 1, indent: block.startColumn - 1,
                                    endLine: block.endLine + offset))
        }
        return examples
    }

    /// The `limit-…` fields of the front matter; a key or value that is not one is a diagnostic at its line.
    private mutating func readLimits(_ matter: FrontMatter) {
        for (key, value) in matter.fields.sorted(by: { $0.key < $1.key }) where key.hasPrefix("limit-") {
            let line = matter.lines[key] ?? 1
            let known = Limits.settings.map(\.key)
            guard known.contains(key) else {
                diagnostics.append(Diagnostic(.error, "unknown limit '\(key)'", at: SourceLocation(path: path, line: line, column: 1),
                                              length: key.count, sourceLine: Lecture.line(line, of: lines),
                                              hint: "the limits are \(known.joined(separator: ", "))"))
                continue
            }
            guard limits.set(key, to: value) else {
                let text = Lecture.line(line, of: lines)
                let column = text.firstRange(of: value).map { text.distance(from: text.startIndex, to: $0.lowerBound) + 1 } ?? 1
                diagnostics.append(Diagnostic(.error, "'\(key)' must be a positive \(key == "limit-seconds" ? "number" : "whole number")"
                                              + (key == "limit-depth" ? " of at most \(Limits.deepest)" : ""),
                                              at: SourceLocation(path: path, line: line, column: column),
                                              length: max(value.count, 1), sourceLine: Lecture.line(line, of: lines)))
                continue
            }
        }
    }

    /// Whether a fenced block ends with a closing fence: its last line is a run of the
    /// opening fence's character at least as long (after any quote markers and indentation).
    static func isClosed(_ block: Markdown.CodeBlock, lines: [String], offset: Int) -> Bool {
        let (open, end) = (block.startLine + offset, block.endLine + offset)
        guard open >= 1, end > open, end <= lines.count else { return false }
        let fence = lines[open - 1].utf8.dropFirst(block.startColumn - 1)
        guard let mark = fence.first, mark == UInt8(ascii: "`") || mark == UInt8(ascii: "~") else { return true }
        let length = fence.prefix { $0 == mark }.count
        let last = lines[end - 1].utf8.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\t") }
        let run = last.prefix { $0 == mark }.count
        return run >= length && last.dropFirst(run).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// The page name of a lecture file: its base name less `.md`, with every
    /// character outside letters, digits, `-`, `_` and `.` made a `-`.
    public static func slug(of path: String) -> String {
        var name = String(path.split(separator: "/").last ?? "lecture")
        if name.hasSuffix(".md") { name.removeLast(3) }
        let safe = String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "-" })
        let trimmed = String(safe.drop { $0 == "." || $0 == "-" })
        return trimmed.isEmpty ? "lecture" : trimmed
    }

    /// The text of the first `# ` heading, if any.
    static func heading(in body: String) -> String? {
        for line in body.split(separator: "\n") where line.hasPrefix("# ") {
            return line.dropFirst(2).trimmingBoth()
        }
        return nil
    }
}

extension Lecture {
    /// Line `n` (from 1) of `lines`, or nothing when there is no such line.
    static func line(_ n: Int, of lines: [String]) -> String {
        lines.indices.contains(n - 1) ? lines[n - 1] : ""
    }
}
