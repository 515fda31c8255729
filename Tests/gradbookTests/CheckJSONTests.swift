import Foundation
import GraphSpec
import Testing

/// `gradbook check --json`: an array of lectures, each with its path, title and
/// examples (id, line, passed, report, diagnostics), decoded as a consumer would.
@Suite struct CheckJSONTests {
    /// One lecture, as documented.
    struct Lecture: Decodable {
        let path: String
        let title: String
        let examples: [Example]
    }

    /// One example: where it is, whether it passed, the evaluation's report, and its diagnostics.
    struct Example: Decodable {
        let id: String
        let line: Int
        let passed: Bool
        let report: Report
        let diagnostics: [Diagnostic]
    }

    /// A diagnostic as a consumer reads it.
    struct Diagnostic: Decodable {
        struct Location: Decodable {
            let path: String
            let line: Int
            let column: Int
        }

        let severity: String
        let message: String
        let location: Location
        let hint: String?
    }

    let scratch: Scratch

    init() throws { scratch = try Scratch() }

    @Test func printsEveryLectureAndExampleInTheDocumentedShape() throws {
        try scratch.write(lecture: "lectures/01-wrong.md", Lectures.wrongFigure)
        try scratch.write(lecture: "lectures/02-mixed.md", Lectures.syntaxError)
        let before = scratch.tree()
        let run = try CLI.run(["check", "--json", "lectures"], in: scratch)
        #expect(run.status == 2)
        #expect(scratch.changes(since: before).isEmpty)
        let lectures = try JSONDecoder().decode([Lecture].self, from: run.output)
        #expect(lectures.map(\.path) == ["lectures/01-wrong.md", "lectures/02-mixed.md"])
        #expect(lectures.map(\.title) == ["A wrong figure", "Mixed"])
        #expect(!run.errors.contains("checks passed"), "no per-lecture lines beside JSON")

        let wrong = try #require(lectures.first?.examples.first)
        #expect(lectures.first?.examples.count == 1)
        #expect(wrong.id == "example-1")
        #expect(wrong.line == location(of: "```graph", in: Lectures.wrongFigure)?.line)
        #expect(!wrong.passed)
        #expect(wrong.report.values["x"] == .number(-2))
        #expect(wrong.report.gradients["x"] == .number(-4))
        #expect(wrong.report.output == "f")
        let check = try #require(wrong.report.checks.first)
        #expect([check.text, check.expected] == ["df/dx = -3", "-3"])
        #expect(check.computed == .number(-4))
        #expect(!check.passed)
        let (line, column) = try #require(location(of: "df/dx = -3", in: Lectures.wrongFigure))
        #expect(check.line == line)
        #expect(check.column == column)
        let failure = try #require(wrong.diagnostics.first)
        #expect(wrong.diagnostics.count == 1)
        #expect(failure.message == "expected df/dx = -3, computed -4")
        #expect(failure.severity == "error")
        #expect("\(failure.location.path):\(failure.location.line):\(failure.location.column)"
            == "lectures/01-wrong.md:\(line):\(column)")

        let mixed = try #require(lectures.last?.examples)
        #expect(mixed.map(\.id) == ["square", "broken", "plus-one"])
        #expect(mixed.map(\.passed) == [true, false, true])
        #expect(mixed.map(\.line) == ["square", "broken", "plus-one"].map { location(of: "id=\($0)", in: Lectures.syntaxError)?.line })
        #expect(mixed[0].report.values["f"] == .number(9))
        #expect(mixed[0].diagnostics.isEmpty)
        let syntax = try #require(mixed[1].diagnostics.first)
        #expect(syntax.message.hasPrefix("expected a value"))
        #expect(syntax.location.line == location(of: "* 3", in: Lectures.syntaxError)?.line)
    }

    @Test func aPassingCourseIsAllPassed() throws {
        try scratch.write(lecture: "lectures/circuit.md", Lectures.circuit)
        let run = try CLI.run(["check", "lectures", "--json"], in: scratch)
        #expect(run.status == 0)
        let lectures = try JSONDecoder().decode([Lecture].self, from: run.output)
        let example = try #require(lectures.first?.examples.first)
        #expect(lectures.count == 1)
        #expect(example.id == "circuit")
        #expect(example.passed && example.report.passed)
        #expect(example.report.checks.count == 5)
        #expect(example.report.names == ["x", "y", "z", "q", "f"])
    }
}
