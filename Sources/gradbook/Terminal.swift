import Diagnostics
import Foundation

/// Where output goes: results to standard output, diagnostics to standard error.
enum Terminal {
    /// Prints diagnostics to standard error, file by file in the order of their
    /// lines, and on GitHub Actions also as annotations.
    static func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        let diagnostics = diagnostics.enumerated().sorted {
            ($0.element.location.path, $0.element.location.line, $0.element.location.column, $0.offset)
                < ($1.element.location.path, $1.element.location.line, $1.element.location.column, $1.offset)
        }.map(\.element)
        var text = DiagnosticPrinter.render(diagnostics)
        if ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true" {
            text += diagnostics.map { DiagnosticPrinter.githubAnnotation($0) + "\n" }.joined()
        }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Whether standard error is a terminal (then progress updates one line in place).
    static var isInteractive: Bool { isatty(2) == 1 }

    /// A line of status for the user, on standard error.
    static func status(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Progress on one updating line of a terminal; nil clears it.
    static func progress(_ line: String?) {
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + (line ?? "")).utf8))
    }

    /// `value` as JSON with sorted keys and two-space indentation; NaN and ∞ as strings.
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf",
                                                                     nan: "nan")
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
