import Foundation
import Testing
@testable import Workbook

/// The complete small lecture of docs/authoring.md is a lecture that builds and passes.
@Suite struct AuthoringGuideTests {
    static let guide = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/authoring.md")

    /// The text of the last ````markdown block of the guide.
    static func smallLecture() throws -> String {
        let text = try String(contentsOf: guide, encoding: .utf8)
        let start = try #require(text.ranges(of: "````markdown\n").last)
        let end = try #require(text[start.upperBound...].firstRange(of: "\n````"))
        return String(text[start.upperBound..<end.lowerBound]) + "\n"
    }

    @Test func theGuidesLectureRunsAndEveryCheckPasses() throws {
        let lecture = Lecture(path: "docs/authoring.md", text: try Self.smallLecture())
        #expect(lecture.title == "The mul gate" && lecture.order == 99)
        let result = Runner.run(lecture)
        #expect(result.examples.count == 1)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(result.checkCounts == (3, 3))
    }
}
