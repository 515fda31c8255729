/// Folded sections for exercise answers: the lines `<details><summary>…</summary>`
/// and `</details>`, standing alone, become real HTML even in cmark's safe mode,
/// where other raw HTML is left out. Only these exact lines pass; the summary
/// text is escaped, so nothing else of a lecture reaches the page as markup.
enum Folding {
    private static let open = "<details><summary>", openEnd = "</summary>", close = "</details>"

    /// The text with each folding line replaced by a placeholder paragraph, and the summaries in order.
    /// Each placeholder stands between blank lines, so it is a paragraph of its own even when the
    /// lecture puts `<details>` right against other text (examples are matched by order, not line).
    static func protect(_ text: String) -> (String, [String]) {
        var summaries: [String] = []
        var inFence = false
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let trimmed = line.trimmingTrailingSpaces()
            let start = trimmed.drop { $0 == " " }
            if start.hasPrefix("```") || start.hasPrefix("~~~") { inFence.toggle() }
            if inFence { return String(line) }
            if trimmed == close { return "\nGRADBOOKFOLDCLOSEX\n" }
            guard trimmed.hasPrefix(open), trimmed.hasSuffix(openEnd) else { return String(line) }
            summaries.append(String(trimmed.dropFirst(open.count).dropLast(openEnd.count)))
            return "\nGRADBOOKFOLDOPEN\(summaries.count - 1)X\n"
        }
        return (lines.joined(separator: "\n"), summaries)
    }

    /// The HTML with each placeholder paragraph turned back into the tag it stands for.
    static func restore(_ html: String, _ summaries: [String]) -> String {
        let closed = Placeholders.restore(html, prefix: "<p>GRADBOOKFOLDCLOSE", suffix: "X</p>") { $0 == nil ? close : nil }
        return Placeholders.restore(closed, prefix: "<p>GRADBOOKFOLDOPEN", suffix: "X</p>") { index in
            guard let index, index < summaries.count else { return nil }
            return open + Escape.html(summaries[index]) + openEnd
        }
    }
}

extension StringProtocol {
    func trimmingTrailingSpaces() -> String {
        var s = String(self)
        while s.last == " " || s.last == "\t" || s.last == "\r" { s.removeLast() }
        return s
    }
}
