import Diagnostics
import GraphSpec
import Testing

/// Specs too big or too odd to keep as fixtures, made by the test: deep
/// nesting, a megabyte on one line, bytes that are not UTF-8.
@Suite("Generated specs")
struct GeneratedSpecTests {
    /// What one diagnostic says and where: `line:column: message`.
    static func summary(_ d: Diagnostic) -> String { "\(d.location.line):\(d.location.column): \(d.message)" }

    // MARK: Nesting

    /// Ten thousand levels of one construct, as a spec of one line.
    static func deepSpec(of kind: String) -> String {
        switch kind {
        case "parentheses": "x = " + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        case "brackets": "x = " + String(repeating: "[", count: 10_000) + "1" + String(repeating: "]", count: 10_000)
        case "minus signs": "x = " + String(repeating: "-", count: 10_000) + "1"
        default: "x = " + String(repeating: "2 ^ ", count: 10_000) + "1"
        }
    }

    @Test("10,000 levels of nesting give an error, not a stack overflow",
          arguments: ["parentheses", "brackets", "minus signs", "powers"])
    func deepNesting(_ kind: String) {
        let evaluation = Evaluator.evaluate(Source(Self.deepSpec(of: kind), path: "deep.graph"))
        #expect(evaluation.diagnostics.count == 1)
        #expect(evaluation.diagnostics.first?.message == "the expression is nested too deeply (more than 200 levels)")
        #expect(evaluation.diagnostics.first?.location.line == 1)
    }

    @Test("the error for 10,000 parentheses is at the first one past the limit")
    func deepParenthesesColumn() {
        let evaluation = Evaluator.evaluate(Source(Self.deepSpec(of: "parentheses"), path: "deep.graph"))
        // "x = " is 4 columns; parentheses 1 to 200 are read, the 201st (column 205) is refused.
        #expect(evaluation.diagnostics.map(Self.summary) == [
            "1:205: the expression is nested too deeply (more than 200 levels)",
        ])
    }

    @Test("a chain of 10,000 transposes or products is refused like deep nesting")
    func longChains() {
        for text in ["x = [1, 2]; y = x" + String(repeating: ".T", count: 10_000),
                     "x = 2; y = x" + String(repeating: " * x", count: 10_000)] {
            let evaluation = Evaluator.evaluate(Source(text, path: "chain.graph"))
            #expect(evaluation.diagnostics.map(\.message) == [
                "the expression chains too many operations (at most 200 levels); split it over several names",
            ])
        }
    }

    @Test("a chain within the limit still evaluates")
    func chainWithinLimit() {
        let text = "x = 1; y = x" + String(repeating: " + x", count: 150)
        let evaluation = Evaluator.evaluate(Source(text, path: "chain.graph"))
        #expect(evaluation.diagnostics.isEmpty)
        #expect(evaluation.named.last?.node.value.scalar == 151)
    }

    // MARK: One long line

    // A hang (or a quadratic walk) fails by the time limit, which is generous on
    // purpose: these are not speed tests, and the machine may be busy.
    @Test("a 1 MB line of '1 + 1 + …' gives one error, quickly", .timeLimit(.minutes(1)))
    func megabyteSum() {
        let text = "x = 1" + String(repeating: " + 1", count: 250_000)
        #expect(text.utf8.count > 1_000_000)
        let evaluation = Evaluator.evaluate(Source(text, path: "long.graph"))
        // "x = 1" is 5 columns and each " + 1" 4 more: the 200th '+' is at 7 + 4 × 199.
        #expect(evaluation.diagnostics.map(Self.summary) == [
            "1:803: the expression chains too many operations (at most 200 levels); split it over several names",
        ])
    }

    @Test("a 1 MB line holding a vector of 250,000 numbers evaluates", .timeLimit(.minutes(1)))
    func megabyteVector() {
        let text = "x = [1" + String(repeating: ", 1", count: 249_999) + "]; s = sum(x); expect s = 250000"
        #expect(text.utf8.count > 750_000)
        let evaluation = Evaluator.evaluate(Source(text, path: "long.graph"))
        #expect(evaluation.diagnostics.isEmpty)
        #expect(evaluation.checks.map(\.passed) == [true])
    }

    @Test("a 1 MB line of statements separated by ';' evaluates, each error at its column")
    func megabyteOfStatements() {
        let statements = (0..<50_000).map { "a\($0) = \($0)" }
        let text = statements.joined(separator: "; ") + "; b = a0 + nope"
        #expect(text.utf8.count > 600_000)
        let evaluation = Evaluator.evaluate(Source(text, path: "long.graph"))
        #expect(evaluation.named.count == 50_000)
        #expect(evaluation.diagnostics.map(Self.summary) == ["1:\(text.count - 3): 'nope' is not defined"])
    }

    @Test("an unclosed bracket followed by 200,000 blank lines is one error at its line")
    func unclosedBeforeManyLines() {
        let text = "x = (1 + 2" + String(repeating: "\n", count: 200_000)
        let evaluation = Evaluator.evaluate(Source(text, path: "blank.graph"))
        #expect(evaluation.diagnostics.map(Self.summary) == [
            "1:11: expected ')' to close the '(' at column 5, found the end of the spec",
        ])
    }

    // MARK: Line endings and blank specs

    @Test("Windows line endings count lines and columns as Unix ones do")
    func carriageReturns() {
        let evaluation = Evaluator.evaluate(Source("x = 1\r\ny = x + q\r\nz = y $ 2\r\n", path: "crlf.graph"))
        #expect(evaluation.diagnostics.map(Self.summary) == [
            "2:9: 'q' is not defined",
            "3:7: unexpected character '$'",
        ])
        #expect(evaluation.diagnostics.map(\.sourceLine) == ["y = x + q", "z = y $ 2"])
    }

    @Test("a spec of nothing, or of blanks only, is empty", arguments: ["", "\n\n", "  \t\n \n", ";;"])
    func blankSpecs(_ text: String) {
        let evaluation = Evaluator.evaluate(Source(text, path: "blank.graph"))
        #expect(evaluation.diagnostics.map(Self.summary) == [
            "1:1: the spec is empty: write at least one statement, such as 'x = 1'",
        ])
    }

    // MARK: Bytes that are not UTF-8

    @Test("a byte that is not UTF-8 is reported at its line and column")
    func invalidByte() throws {
        let bytes = Array("x = 1\ny = 2 + ".utf8) + [0xFF] + Array("\n".utf8)
        let failure = try #require(decodingFailure(of: bytes))
        #expect(failure.message == "the file is not valid UTF-8 (byte 0xFF here)")
        #expect(failure.location == SourceLocation(path: "bad.graph", line: 2, column: 9))
        #expect(failure.sourceLine == "y = 2 + ")
        #expect(failure.hint == "save the file as UTF-8")
    }

    @Test("the column of a bad byte counts the characters before it, not their bytes")
    func invalidByteAfterUnicode() throws {
        let bytes = Array("가중치 = 1\nσ = 2; ".utf8) + [0xC3, 0x28]
        let failure = try #require(decodingFailure(of: bytes))
        #expect(failure.message == "the file is not valid UTF-8 (byte 0xC3 here)")
        #expect(failure.location == SourceLocation(path: "bad.graph", line: 2, column: 8))
        #expect(failure.sourceLine == "σ = 2; ")
    }

    @Test("a multi-byte character cut short at the end of the file is reported at its start")
    func truncatedCharacter() throws {
        let bytes = Array("x = ".utf8) + [0xE2, 0x82]
        let failure = try #require(decodingFailure(of: bytes))
        #expect(failure.message == "the file is not valid UTF-8 (byte 0xE2 here)")
        #expect(failure.location == SourceLocation(path: "bad.graph", line: 1, column: 5))
    }

    @Test("valid UTF-8 decodes, without its byte-order mark")
    func validText() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("σ = 1\n".utf8)
        #expect(try TextDecoding.decode(bytes, path: "good.graph").get() == "σ = 1\n")
    }

    /// The diagnostic of decoding `bytes`, if they are not UTF-8.
    func decodingFailure(of bytes: [UInt8]) -> Diagnostic? {
        if case .failure(let diagnostic) = TextDecoding.decode(bytes, path: "bad.graph") { return diagnostic }
        return nil
    }
}
