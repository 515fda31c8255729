import Foundation
import Testing
import Workbook

/// Every example of every lecture under lectures/ is a test case of its own,
/// named "<lecture>: <example id>": a wrong figure in the course is a failing test.
@Suite struct LectureExampleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let lecture: Lecture
        let index: Int
        var testDescription: String { "\(lecture.slug): \(lecture.examples[index].id)" }
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let cases: [Case] = {
        let folder = root.appendingPathComponent("lectures").path
        let lectures = Course.load([folder]).lectures
        return lectures.flatMap { lecture in lecture.examples.indices.map { Case(lecture: lecture, index: $0) } }
    }()

    @Test func theCourseHasLectures() {
        #expect(!Self.cases.isEmpty)
    }

    @Test(arguments: cases)
    func exampleRunsAndEveryCheckPasses(_ c: Case) {
        let result = Runner.run(c.lecture.examples[c.index], of: c.lecture)
        #expect(result.diagnostics.isEmpty, "\(DiagnosticText.render(result))")
        #expect(result.evaluation.checks.allSatisfy { $0.passed })
    }
}

/// The diagnostics of a failed example, as the terminal prints them.
enum DiagnosticText {
    static func render(_ result: ExampleResult) -> String {
        result.diagnostics.map { "\($0.location): \($0.message)" }.joined(separator: "\n")
    }
}
