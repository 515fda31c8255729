import Diagnostics
import Foundation
import GraphSpec
import Testing

/// The golden diagnostics corpus: every file in `Bad/` is a spec with
/// mistakes, and says inside itself, craftinginterpreters style, which
/// diagnostics it must give:
///
///     # error 4:9: unknown function 'sigmod'
///     # hint: did you mean 'sigmoid'?
///
/// (line:column of the diagnostic, then its exact message; the hint line is
/// optional and belongs to the error above it). The expectations are
/// comments, so they take no part in the spec itself.
@Suite("The diagnostics corpus")
struct DiagnosticCorpusTests {
    /// The folder of bad specs, found next to this file.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Bad")

    /// The names of the bad specs, in order.
    static let fixtures: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".graph") }.sorted()
    }()

    @Test("the corpus covers the mistakes it promises")
    func corpusIsThere() {
        #expect(Self.fixtures.count >= 25)
    }

    @Test("each bad spec gives exactly the diagnostics written in it", arguments: fixtures)
    func badSpec(_ name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(name)))
        let text = try TextDecoding.decode(bytes, path: name).get()
        let expected = Expected.all(in: text)
        #expect(!expected.isEmpty, "a bad spec must expect at least one diagnostic")

        let evaluation = Evaluator.evaluate(Source(text, path: name))

        #expect(evaluation.diagnostics.map(Expected.init) == expected)
        #expect(evaluation.diagnostics.allSatisfy { $0.isError && $0.location.path == name })
    }
}

/// One expected diagnostic: where, what, and the hint if any.
struct Expected: Equatable, CustomStringConvertible {
    var line: Int
    var column: Int
    var message: String
    var hint: String?

    init(line: Int, column: Int, message: String, hint: String? = nil) {
        (self.line, self.column, self.message, self.hint) = (line, column, message, hint)
    }

    /// What a diagnostic the evaluator gave says.
    init(_ diagnostic: Diagnostic) {
        self.init(line: diagnostic.location.line, column: diagnostic.location.column,
                  message: diagnostic.message, hint: diagnostic.hint)
    }

    /// The expectations written in a spec: `# error L:C: message`, each
    /// optionally followed on the next line by `# hint: text`.
    static func all(in text: String) -> [Expected] {
        var expectations: [Expected] = []
        var afterError = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let comment = line.trimmingCharacters(in: .whitespaces)
            if comment.hasPrefix("# hint: "), afterError {
                expectations[expectations.count - 1].hint = String(comment.dropFirst("# hint: ".count))
            } else if comment.hasPrefix("# error ") || comment.hasPrefix("# hint:") {
                expectations.append(parse(comment))
            }
            afterError = comment.hasPrefix("# error ")
        }
        return expectations
    }

    /// `# error L:C: message`; a line that does not read so is kept as a
    /// malformed expectation, which no diagnostic matches.
    private static func parse(_ comment: String) -> Expected {
        let parts = comment.dropFirst("# error ".count).split(separator: ":", maxSplits: 2)
        guard comment.hasPrefix("# error "), parts.count == 3, let line = Int(parts[0]), let column = Int(parts[1]),
              parts[2].hasPrefix(" ") else {
            return Expected(line: 0, column: 0, message: "malformed expectation: \(comment)")
        }
        return Expected(line: line, column: column, message: String(parts[2].dropFirst()))
    }

    var description: String {
        "\(line):\(column): \(message)" + (hint.map { " (hint: \($0))" } ?? "")
    }
}
