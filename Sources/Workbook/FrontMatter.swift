import Diagnostics

/// The YAML-style header of a lecture, between two `---` lines:
///
///     ---
///     title: Backpropagation
///     order: 2
///     ---
///
/// Only `key: value` lines are read; a value may be quoted.
struct FrontMatter {
    var fields: [String: String] = [:]
    /// The file line of each field.
    var lines: [String: Int] = [:]
    /// The file line where the Markdown body starts.
    var bodyFirstLine = 1
    /// The body: the lines after the front matter.
    var body: Substring

    /// Splits `text` (the lines of a lecture) into front matter and body.
    static func split(_ lines: [Substring], path: String) -> Result<FrontMatter, Diagnostic> {
        guard lines.first?.trimmingTrailing() == "---" else {
            return .success(FrontMatter(body: lines.joined(separator: "\n")[...]))
        }
        guard let close = lines.dropFirst().firstIndex(where: { $0.trimmingTrailing() == "---" }) else {
            return .failure(Diagnostic(.error, "the front matter is not closed", at: SourceLocation(path: path, line: 1, column: 1),
                                       length: 3, sourceLine: String(lines[0]),
                                       hint: "add a line '---' after the title and order, or remove this one"))
        }
        var matter = FrontMatter(body: lines[(close + 1)...].joined(separator: "\n")[...])
        matter.bodyFirstLine = close + 2
        for (number, line) in zip(2..., lines[1..<close]) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingBoth()
            var value = line[line.index(after: colon)...].trimmingBoth()
            if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q {
                value = String(value.dropFirst().dropLast())
            }
            matter.fields[key] = value
            matter.lines[key] = number
        }
        return .success(matter)
    }
}

extension StringProtocol {
    /// The text without trailing spaces, tabs and carriage returns.
    func trimmingTrailing() -> String {
        var s = String(self)
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s.removeLast() }
        return s
    }

    /// The text without leading or trailing spaces and tabs.
    func trimmingBoth() -> String {
        String(String(drop { $0 == " " || $0 == "\t" }).trimmingTrailing())
    }
}
