import Foundation
import Testing

/// `gradbook check` and `gradbook build` on lectures in a temporary folder, as a
/// teacher and CI run them: exit codes, diagnostics at the lecture's lines, the
/// pages of a lecture that fails, the summary.
@Suite struct BuildTests {
    let scratch: Scratch

    init() throws { scratch = try Scratch() }

    @Test(arguments: [Lectures.wrongFigure, Lectures.wrongFigureInAList])
    func wrongFigureFailsTheCheckAtItsLineAndColumn(_ lecture: String) throws {
        let path = try scratch.write("wrong.md", lecture)
        let (line, column) = try #require(location(of: "df/dx = -3", in: lecture))
        let before = scratch.tree()
        let run = try CLI.run(["check", path], in: scratch)
        #expect(run.status == 1)
        #expect(run.output.isEmpty)
        #expect(run.errorLines.contains("\(path):\(line):\(column): error: expected df/dx = -3, computed -4"))
        #expect(scratch.changes(since: before).isEmpty, "check writes nothing")
    }

    @Test func wrongFigureIsStillBuiltAndTheFailureShownOnItsPages() throws {
        try scratch.write("wrong.md", Lectures.wrongFigure)
        let (line, column) = try #require(location(of: "df/dx = -3", in: Lectures.wrongFigure))
        let error = "wrong.md:\(line):\(column): error: expected df/dx = -3, computed -4"
        let run = try CLI.run(["build", "wrong.md", "--output", "out"], in: scratch)
        #expect(run.status == 1)
        #expect(run.errorLines.contains(error))

        let html = try scratch.read("out/wrong.html")
        #expect(html.contains("<li class=\"fail\"><span class=\"mark\">✗</span> <code>df/dx = -3</code> computed <code>-4</code>"))
        #expect(html.contains(error))
        #expect(html.contains("<section class=\"example failed\""))
        let markdown = try scratch.read("out/wrong.md")
        #expect(markdown.contains("- ✗ `df/dx = -3` — computed `-4`"))
        #expect(markdown.contains(error))
        #expect(scratch.exists("out/wrong/example-1.svg"))
        #expect(try scratch.read("out/README.md").contains("| [A wrong figure](wrong.md) | 1 | 0 / 1 |"))
    }

    @Test func syntaxErrorExits2AndTheOtherExamplesAndLecturesAreStillBuilt() throws {
        try scratch.write(lecture: "lectures/01-mixed.md", Lectures.syntaxError)
        try scratch.write(lecture: "lectures/02-neuron.md", Lectures.neuron)
        let (line, column) = try #require(location(of: "* 3", in: Lectures.syntaxError))
        let run = try CLI.run(["build", "lectures", "--output", "out"], in: scratch)
        #expect(run.status == 2)
        #expect(run.errorLines.contains { $0.hasPrefix("lectures/01-mixed.md:\(line):\(column): error: expected a value") })

        let mixed = try scratch.read("out/01-mixed.html")
        #expect(mixed.contains("✓</span> <code>f = 9</code>"))
        #expect(mixed.contains("✓</span> <code>b = 3</code>"))
        #expect(mixed.contains("<section class=\"example failed\" id=\"broken\">"))
        #expect(try scratch.read("out/01-mixed.md").contains("- ✓ `b = 3`"))
        for svg in ["square", "plus-one"] { #expect(scratch.exists("out/01-mixed/\(svg).svg")) }
        let neuron = try scratch.read("out/02-neuron.html")
        #expect(neuron.contains("✓</span> <code>f = 0.73</code>"))
        #expect(neuron.contains("✓</span> <code>df/dw0 = -0.20</code>"))
        #expect(try scratch.read("out/02-neuron.md").contains("- ✓ `df/dw0 = -0.20`"))
        #expect(try scratch.read("out/index.html").contains("href=\"02-neuron.html\">The sigmoid neuron</a>"))
    }

    @Test(arguments: ["build", "check"])
    func summaryLineAndOneLinePerLectureWithoutATerminal(_ command: String) throws {
        try scratch.write(lecture: "lectures/circuit.md", Lectures.circuit)
        let run = try CLI.run([command, "lectures/circuit.md"], in: scratch)
        #expect(run.status == 0)
        let verb = command == "build" ? "built" : "checked"
        let summary = try Regex("\(verb) 1 lecture, 1 example, 5 checks: 5 passed, 0 failed in [0-9]+\\.[0-9]{2} s")
        #expect(run.errorLines.count == 2)
        #expect(run.errorLines.first == "lectures/circuit.md: 1 example, 5/5 checks passed")
        #expect(run.errorLines.last.map { (try? summary.wholeMatch(in: $0)) != nil } == true)
        #expect(!run.errors.contains("\u{1B}"), "no progress line when standard error is not a terminal")
    }

    @Test func summaryCountsEveryLectureAndEachHasItsLine() throws {
        try scratch.write(lecture: "lectures/01-circuit.md", Lectures.circuit)
        try scratch.write(lecture: "lectures/02-neuron.md", Lectures.neuron)
        try scratch.write(lecture: "lectures/03-wrong.md", Lectures.wrongFigure)
        let run = try CLI.run(["build", "lectures", "--output", "out"], in: scratch)
        #expect(run.status == 1)
        let perLecture = run.errorLines.filter { $0.hasPrefix("lectures/") && $0.hasSuffix("checks passed") }
        #expect(perLecture == ["lectures/01-circuit.md: 1 example, 5/5 checks passed",
                               "lectures/02-neuron.md: 1 example, 2/2 checks passed",
                               "lectures/03-wrong.md: 1 example, 0/1 checks passed"])
        #expect(run.errorLines.last?.hasPrefix("built 3 lectures, 3 examples, 8 checks: 7 passed, 1 failed in ") == true)
    }

    @Test(arguments: ["build", "check"])
    func missingLectureExits2WithAClearMessageAndWritesNothing(_ command: String) throws {
        try scratch.write(lecture: "lectures/circuit.md", Lectures.circuit)
        let before = scratch.tree()
        let run = try CLI.run([command, "lectures/circuit.md", "lectures/nowhere.md"], in: scratch)
        #expect(run.status == 2)
        #expect(run.output.isEmpty)
        #expect(run.errorLines.contains("lectures/nowhere.md:1:1: error: cannot read 'lectures/nowhere.md': no such file or directory"))
        #expect(scratch.changes(since: before).isEmpty, "a lecture that cannot be read leaves the output as it was")
    }

    /// The folder, or one on its way, is a regular file: a clear error, no crash, and the file untouched.
    @Test(arguments: [("notes", "notes"), ("notes/out", "notes"), ("notes/out/deeper", "notes")])
    func outputThatCannotBeWrittenExits2WithAClearMessage(_ output: String, _ file: String) throws {
        try scratch.write("circuit.md", Lectures.circuit)
        try scratch.write("notes", "a file, not a folder\n")
        let run = try CLI.run(["build", "circuit.md", "--output", output], in: scratch)
        #expect(run.status == 2)
        #expect(run.errorLines.contains("\(output):1:1: error: cannot write to '\(output)': '\(file)' is a file, not a folder"))
        #expect(!run.errors.contains("Fatal error"))
        #expect(try scratch.read("notes") == "a file, not a folder\n")
    }
}
