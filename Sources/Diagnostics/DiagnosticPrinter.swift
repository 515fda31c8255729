/// Prints diagnostics the way compilers do:
///
///     lectures/02-patterns.md:41:9: error: unknown function 'sigmod'
///        41 | f = sigmod(x)
///           |     ^~~~~~
///     hint: did you mean 'sigmoid'?
public enum DiagnosticPrinter {
    /// The widest stretch of a source line printed; longer lines are cut around the caret.
    static let window = 100

    /// One diagnostic as text, without a trailing newline.
    public static func render(_ d: Diagnostic) -> String {
        var lines = ["\(d.location): \(d.severity.rawValue): \(d.message)"]
        if !d.sourceLine.isEmpty {
            let (text, caretColumn) = excerpt(d.sourceLine, column: d.location.column)
            let number = String(d.location.line)
            let gutter = String(repeating: " ", count: number.count)
            let width = max(1, min(d.length, text.count - caretColumn + 1))
            lines.append(" \(number) | \(text)")
            lines.append(" \(gutter) | " + String(repeating: " ", count: caretColumn - 1) + "^"
                + String(repeating: "~", count: width - 1))
        }
        if let hint = d.hint { lines.append("hint: \(hint)") }
        return lines.joined(separator: "\n")
    }

    /// Every diagnostic, one after another.
    public static func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { render($0) + "\n" }.joined()
    }

    /// The annotation GitHub Actions turns into a mark on the file's line.
    public static func githubAnnotation(_ d: Diagnostic) -> String {
        let message = d.message.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D")
            .replacingAll("\n", with: "%0A")
        return "::\(d.severity.rawValue) file=\(d.location.path),line=\(d.location.line),"
            + "col=\(d.location.column)::\(message)"
    }

    /// The part of a long line around `column`, tabs shown as spaces, and the caret's column in it.
    static func excerpt(_ line: String, column: Int) -> (String, Int) {
        let characters = Array(line.replacingAll("\t", with: " "))
        guard characters.count > window else { return (String(characters), min(column, characters.count + 1)) }
        let start = max(0, min(column - 1 - window / 2, characters.count - window))
        let piece = String(characters[start..<min(characters.count, start + window)])
        return ((start > 0 ? "…" : "") + piece + (start + window < characters.count ? "…" : ""),
                column - start + (start > 0 ? 1 : 0))
    }
}

extension String {
    /// The string with every `target` replaced (Foundation-free).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for c in self { if c == target { result += replacement } else { result.append(c) } }
        return result
    }
}
