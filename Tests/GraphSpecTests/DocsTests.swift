import Diagnostics
import Foundation
@testable import GraphSpec
import Testing

/// The language reference, `docs/graph-spec.md`, as a test: every ```graph
/// block in it runs with no diagnostic and every check passing, every
/// ```graph-error block fails, and every function and optimizer has an example.
@Suite struct DocsTests {
    /// One fenced block of the reference.
    struct Block: CustomTestStringConvertible, Sendable {
        /// The first word of the info string: `graph`, `graph-error`, `json`, or "".
        let kind: String
        /// The file line of the opening fence.
        let fenceLine: Int
        /// The block's text, without its fences or indentation.
        let text: String
        /// The columns the block is indented by.
        let indent: Int

        var testDescription: String { "docs/graph-spec.md:\(fenceLine)" }

        /// The block as a spec: its lines are the lines after the fence.
        var source: Source {
            Source(text, path: "docs/graph-spec.md", firstLine: fenceLine + 1, indent: indent)
        }
    }

    static let path = "docs/graph-spec.md"

    /// The repository's root, found from this file's place in `Tests/GraphSpecTests/`.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let document: String = (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)) ?? ""

    static let blocks = fencedBlocks(in: document)

    static var graphBlocks: [Block] { blocks.filter { $0.kind == "graph" } }

    static var errorBlocks: [Block] { blocks.filter { $0.kind == "graph-error" } }

    /// The fenced code blocks of a Markdown text (backtick fences, as CommonMark reads them).
    static func fencedBlocks(in markdown: String) -> [Block] {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var blocks: [Block] = []
        var i = 0
        while i < lines.count {
            let indent = lines[i].prefix { $0 == " " }.count
            let line = lines[i].dropFirst(indent)
            let fence = line.prefix { $0 == "`" }.count
            guard indent <= 3, fence >= 3 else { i += 1; continue }
            let info = line.dropFirst(fence).trimmingCharacters(in: .whitespaces)
            let kind = String(info.prefix { !$0.isWhitespace })
            var body: [String] = []
            var j = i + 1
            while j < lines.count {
                let closing = lines[j].drop { $0 == " " }
                if closing.prefix(fence).allSatisfy({ $0 == "`" }), closing.count >= fence,
                   closing.drop(while: { $0 == "`" }).allSatisfy(\.isWhitespace) { break }
                body.append(String(lines[j].dropFirst(min(indent, lines[j].prefix { $0 == " " }.count))))
                j += 1
            }
            blocks.append(Block(kind: kind, fenceLine: i + 1, text: body.joined(separator: "\n"), indent: indent))
            i = j + 1
        }
        return blocks
    }

    /// Whether `name(` is called in `text`, as a whole word.
    static func calls(_ name: String, in text: String) -> Bool {
        var rest = text[...]
        while let found = rest.range(of: name + "(") {
            let before = rest[..<found.lowerBound].unicodeScalars.last
            if !(before?.continuesIdentifier ?? false) { return true }
            rest = rest[found.upperBound...]
        }
        return false
    }

    /// Whether `word` stands in `text` as a whole word.
    static func mentions(_ word: String, in text: String) -> Bool {
        var rest = text[...]
        while let found = rest.range(of: word) {
            let before = rest[..<found.lowerBound].unicodeScalars.last
            let after = rest[found.upperBound...].unicodeScalars.first
            if !(before?.continuesIdentifier ?? false), !(after?.continuesIdentifier ?? false) { return true }
            rest = rest[found.upperBound...]
        }
        return false
    }

    @Test func theReferenceExistsAndHasExamples() {
        #expect(!Self.document.isEmpty, "cannot read \(Self.root.appendingPathComponent(Self.path).path)")
        #expect(Self.graphBlocks.count >= 40)
        #expect(!Self.errorBlocks.isEmpty)
    }

    @Test("every graph block runs with no diagnostic and every check passing", arguments: DocsTests.graphBlocks)
    func graphBlockPasses(_ block: Block) {
        let evaluation = Evaluator.evaluate(block.source)
        let place = "the graph block at docs/graph-spec.md:\(block.fenceLine)"
        if !evaluation.diagnostics.isEmpty {
            Issue.record("\(place) has diagnostics:\n\(DiagnosticPrinter.render(evaluation.diagnostics))")
        }
        for check in evaluation.checks where !check.passed {
            let computed = check.computed.map { "\($0)" } ?? "nothing"
            Issue.record("\(place): \(check.location): '\(check.text)' failed: computed \(computed) (\(check.detail))")
        }
        if evaluation.checks.isEmpty, evaluation.shown.isEmpty {
            Issue.record("\(place) checks nothing: give it an expect, a gradcheck or a show")
        }
    }

    @Test("every graph-error block fails", arguments: DocsTests.errorBlocks)
    func errorBlockFails(_ block: Block) {
        let evaluation = Evaluator.evaluate(block.source)
        #expect(!evaluation.passed, "the graph-error block at docs/graph-spec.md:\(block.fenceLine) passes")
    }

    @Test func diagnosticsPointAtTheLinesOfTheReference() throws {
        let block = try #require(Self.errorBlocks.first { $0.text.contains("sigmod") })
        let evaluation = Evaluator.evaluate(block.source)
        let diagnostic = try #require(evaluation.diagnostics.first)
        let offset = try #require(block.text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("sigmod") })
        #expect(diagnostic.location.path == "docs/graph-spec.md")
        #expect(diagnostic.location.line == block.fenceLine + 1 + offset)
    }

    @Test func everyFunctionHasAnExample() {
        let examples = Self.graphBlocks.map(\.text)
        for name in Functions.table.keys.sorted() {
            #expect(examples.contains { Self.calls(name, in: $0) }, "no graph example in docs/graph-spec.md calls \(name)(…)")
        }
    }

    @Test func everyLabelledArgumentIsDocumented() {
        for (name, function) in Functions.table.sorted(by: { $0.key < $1.key }) {
            for (label, _) in function.labels {
                #expect(Self.document.contains("`\(label)`") || Self.document.contains("\(label):"),
                        "docs/graph-spec.md does not mention the argument '\(label):' of \(name)")
            }
        }
    }

    @Test func everyOptimizerHasAnExample() {
        let minimizeLines = Self.graphBlocks.flatMap { $0.text.split(separator: "\n").map(String.init) }
            .filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("minimize ") }
        for name in Evaluator.optimizers.keys.sorted() {
            let used = minimizeLines.contains { line in
                guard let with = line.range(of: " with ") else { return false }
                return Self.mentions(name, in: String(line[with.upperBound...]))
            }
            #expect(used, "no graph example in docs/graph-spec.md minimizes with \(name)")
        }
    }

    @Test func everyOptimizerSettingIsDocumented() {
        for (name, settings) in Evaluator.optimizers.sorted(by: { $0.key < $1.key }) {
            for (setting, _) in settings {
                #expect(Self.document.contains("`\(setting)`"),
                        "docs/graph-spec.md does not mention the setting '\(setting)' of \(name)")
            }
        }
    }

    @Test func everyStatementHasAnExample() {
        let examples = Self.graphBlocks.map(\.text)
        for word in ["backward", "expect", "gradcheck", "minimize", "show"] {
            #expect(examples.contains { $0.split(separator: "\n").contains { $0.hasPrefix(word) } },
                    "no graph example starts a line with \(word)")
        }
        #expect(examples.contains { $0.contains(" batch ") })
        #expect(examples.contains { $0.contains("samples:") })
        #expect(examples.contains { $0.contains("±") })
    }
}
