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
        var lines = ["\(d.location): \(d.severity.rawValue): \(visible(d.message))"]
        if !d.sourceLine.isEmpty {
            let (text, caretColumn) = excerpt(d.sourceLine, column: d.location.column)
            let number = String(d.location.line)
            let gutter = String(repeating: " ", count: number.count)
            let characters = Array(text)
            let before = characters.prefix(caretColumn - 1)
            let marked = characters.dropFirst(caretColumn - 1).prefix(d.length)
            lines.append(" \(number) | \(text)")
            lines.append(" \(gutter) | " + String(repeating: " ", count: displayWidth(before)) + "^"
                + String(repeating: "~", count: max(1, displayWidth(marked)) - 1))
        }
        if let hint = d.hint { lines.append("hint: \(hint)") }
        return lines.joined(separator: "\n")
    }

    /// Every diagnostic, one after another.
    public static func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { render($0) + "\n" }.joined()
    }

    /// The annotation GitHub Actions turns into a mark on the file's line.
    ///
    /// The message escapes `%`, CR and LF; the file name, a property, also `:` and `,`.
    public static func githubAnnotation(_ d: Diagnostic) -> String {
        let message = d.message.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D")
            .replacingAll("\n", with: "%0A")
        let path = d.location.path.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D")
            .replacingAll("\n", with: "%0A").replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
        return "::\(d.severity.rawValue) file=\(path),line=\(d.location.line),"
            + "col=\(d.location.column)::\(message)"
    }

    /// The text with control characters (an escape sequence would reach the
    /// user's terminal) shown as U+FFFD, one for one so columns do not move.
    static func visible(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            let control = s.value < 0x20 && s != "\t" && s != "\n" || (0x7F...0x9F).contains(s.value)
            out.append(control ? "\u{FFFD}" : s)
        }
        return String(out)
    }

    /// How many terminal columns `characters` take: East Asian wide characters
    /// (Hangul, CJK, fullwidth forms) take two, so the caret stays under its character.
    static func displayWidth(_ characters: some Sequence<Character>) -> Int {
        characters.reduce(0) { width, c in
            guard let scalar = c.unicodeScalars.first else { return width }
            let isWide = wideRanges.contains { $0.contains(scalar.value) }
            return width + (isWide ? 2 : 1)
        }
    }

    /// The main blocks of East Asian Wide and Fullwidth characters.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD,
    ]

    /// The part of a long line around `column`, tabs shown as spaces, and the caret's column in it.
    static func excerpt(_ line: String, column: Int) -> (String, Int) {
        let characters = Array(visible(line.replacingAll("\t", with: " ")))
        guard characters.count > window else { return (String(characters), min(column, characters.count + 1)) }
        let start = max(0, min(column - 1 - window / 2, characters.count - window))
        let piece = String(characters[start..<min(characters.count, start + window)])
        return ((start > 0 ? "…" : "") + piece + (start + window < characters.count ? "…" : ""),
                column - start + (start > 0 ? 1 : 0))
    }
}

extension String {
    /// The string with every `target` replaced (Foundation-free).
    ///
    /// It goes scalar by scalar: "\r\n" is one Character, and its "\r" must be found too.
    func replacingAll(_ target: Unicode.Scalar, with replacement: String) -> String {
        var result = ""
        for s in unicodeScalars {
            if s == target { result += replacement } else { result.unicodeScalars.append(s) }
        }
        return result
    }
}
