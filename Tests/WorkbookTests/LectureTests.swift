import Diagnostics
import Testing
@testable import Workbook

@Suite struct LectureLoadingTests {
    static let text = """
        ---
        title: "Backprop"
        order: 2
        ---
        # A heading

        ```graph id=first title="f = (x + y) · z"
        x = -2
        ```

        - in a list:

          ```graph
          y = 5
          ```

        > ```graph
        > z = -4
        > ```

        ```python
        print("not a graph")
        ```

        """

    @Test func frontMatterGivesTitleAndOrder() {
        let lecture = Lecture(path: "lectures/02-backprop.md", text: Self.text)
        #expect(lecture.title == "Backprop")
        #expect(lecture.order == 2)
        #expect(lecture.bodyFirstLine == 5)
        #expect(lecture.slug == "02-backprop")
    }

    @Test func everyGraphBlockIsAnExampleWithItsFileLineAndIndent() {
        let examples = Lecture(path: "l.md", text: Self.text).examples
        #expect(examples.map(\.id) == ["first", "example-2", "example-3"])
        #expect(examples.map(\.firstLine) == [8, 14, 18])
        #expect(examples.map(\.indent) == [0, 2, 2])
        #expect(examples[0].title == "f = (x + y) · z")
        #expect(examples[1].spec == "y = 5\n")
    }

    @Test func withoutFrontMatterTheTitleIsTheFirstHeading() {
        #expect(Lecture(path: "x.md", text: "# Gate patterns\n\ntext\n").title == "Gate patterns")
    }

    @Test func frontMatterThatIsNotClosedIsAnError() {
        let lecture = Lecture(path: "x.md", text: "---\ntitle: x\n\n# body\n")
        #expect(lecture.diagnostics.map(\.message) == ["the front matter is not closed"])
        #expect(lecture.diagnostics.first?.location.line == 1)
    }

    @Test func twoExamplesWithOneIdIsAnError() {
        let lecture = Lecture(path: "x.md", text: "```graph id=a\nx = 1\n```\n\n```graph id=a\ny = 1\n```\n")
        #expect(lecture.diagnostics.map(\.message) == ["two examples have the id 'a' (the first on line 1)"])
        #expect(lecture.diagnostics.first?.location.line == 5)
    }

    @Test(arguments: [("../../etc/x.md", "x"), ("lectures/02 back prop!.md", "02-back-prop-"), ("..md", "lecture"),
                      ("a/b/<script>.md", "script-")])
    func aPageNameHasOnlySafeCharacters(_ path: String, _ slug: String) {
        #expect(Lecture.slug(of: path) == slug)
    }
}

@Suite struct RunnerTests {
    @Test func aDiagnosticPointsAtTheLecturesLineAndColumn() {
        let lecture = Lecture(path: "l.md", text: "# T\n\n- item\n\n  ```graph\n  x = sigmod(1)\n  ```\n")
        let result = Runner.run(lecture)
        let d = try? #require(result.diagnostics.first)
        #expect(d?.location == SourceLocation(path: "l.md", line: 6, column: 7))
        #expect(d?.message == "unknown function 'sigmod'")
    }

    @Test func aWrongFigureIsAnErrorAtTheExpectation() {
        let lecture = Lecture(path: "x.md", text: "```graph\nx = -2; y = 5; z = -4\nf = (x + y) * z\nexpect df/dx = -3\n```\n")
        let result = Runner.run(lecture)
        #expect(result.diagnostics.map(\.message) == ["expected df/dx = -3, computed -4"])
        #expect(result.diagnostics.first?.location == SourceLocation(path: "x.md", line: 4, column: 8))
        #expect(result.checkCounts == (1, 0))
    }

    @Test func oneBrokenExampleDoesNotStopTheOthers() {
        let lecture = Lecture(path: "x.md", text: "```graph\nx = $\n```\n\n```graph\nf = 2 * 3\nexpect f = 6\n```\n")
        let result = Runner.run(lecture)
        #expect(result.examples.count == 2)
        #expect(!result.examples[0].passed)
        #expect(result.examples[1].passed)
        #expect(result.examples[1].evaluation.checks.first?.passed == true)
    }
}

extension LectureLoadingTests {
    @Test func idsThatShareAFileNameAreAnError() {
        let lecture = Lecture(path: "x.md", text: "```graph id=\"a b\"\nx = 1\n```\n\n```graph id=a-b\ny = 1\n```\n")
        #expect(lecture.diagnostics.map(\.message) == ["two examples have the id 'a-b' (the first on line 1)"])
        #expect(lecture.examples.map(\.fileName) == ["a-b", "a-b"])
    }

    @Test func linesEndAsCmarkEndsThem() {
        #expect(Lecture.lines(of: "a\nb\r\nc\rd\n") == ["a", "b", "c", "d", ""])
        #expect(Lecture.lines(of: "é → ∂\r\n\r\n") == ["é → ∂", "", ""])
        #expect(Lecture.lines(of: "\r\r\n") == ["", "", ""])
        #expect(Lecture.lines(of: "") == [""])
    }
}
