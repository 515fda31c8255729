import Diagnostics

extension Lecture {
    /// Loads a lecture from its text: front matter, title and examples.
    public init(path: String, text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingTrailingCR() }
        var diagnostics: [Diagnostic] = []
        let matter: FrontMatter
        switch FrontMatter.split(lines.map { Substring($0) }, path: path) {
        case .success(let m): matter = m
        case .failure(let d):
            diagnostics.append(d)
            matter = FrontMatter(body: lines.joined(separator: "\n")[...])
        }
        let body = String(matter.body)
        let slug = Lecture.slug(of: path)
        var examples: [Example] = []
        var seen: [String: Int] = [:]
        let blocks = Markdown.codeBlocks(body)
        for block in blocks where InfoString.isGraph(block.info) {
            let options = InfoString.options(block.info)
            let fenceLine = block.startLine + matter.bodyFirstLine - 1
            let id = options["id"].flatMap { $0.isEmpty ? nil : $0 } ?? "example-\(examples.count + 1)"
            if let first = seen[Example.fileName(id)] {
                diagnostics.append(Diagnostic(.error, "two examples have the id '\(id)' (the first on line \(first))",
                                              at: SourceLocation(path: path, line: fenceLine, column: block.startColumn),
                                              sourceLine: lines[fenceLine - 1], hint: "give each example its own id= option"))
            }
            // Ids that differ only in characters a file name cannot hold would share their pictures.
            seen[Example.fileName(id)] = seen[Example.fileName(id)] ?? fenceLine
            examples.append(Example(id: id, title: options["title"], options: options, spec: block.literal,
                                    fenceLine: fenceLine, firstLine: fenceLine + 1, indent: block.startColumn - 1,
                                    endLine: block.endLine + matter.bodyFirstLine - 1))
        }
        let inclusions = blocks.filter { $0.info.split(separator: " ").first == "include" }.map {
            Inclusion(path: $0.info.split(separator: " ", maxSplits: 1).dropFirst().first.map { $0.trimmingBoth() } ?? "",
                      fenceLine: $0.startLine + matter.bodyFirstLine - 1, endLine: $0.endLine + matter.bodyFirstLine - 1,
                      text: nil)
        }
        self.init(path: path, text: text, slug: slug, title: matter.fields["title"] ?? Lecture.heading(in: body) ?? slug,
                  order: matter.fields["order"].flatMap { Int($0) }, body: body, bodyFirstLine: matter.bodyFirstLine,
                  examples: examples, inclusions: inclusions, diagnostics: diagnostics, lines: lines)
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

extension Substring {
    func trimmingTrailingCR() -> String { hasSuffix("\r") ? String(dropLast()) : String(self) }
}
