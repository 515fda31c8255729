import Foundation
import Testing
@testable import Workbook

/// ```include blocks quote a file of the course, read at build time.
@Suite struct InclusionTests {
    /// A course folder with a lecture in lectures/ and a source file beside lectures/.
    static func course(_ lecture: String) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("inclusion-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("lectures"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Sources"), withIntermediateDirectories: true)
        try "struct Gate {}\n".write(to: root.appendingPathComponent("Sources/Gate.swift"), atomically: true, encoding: .utf8)
        let path = root.appendingPathComponent("lectures/01-gates.md").path
        try lecture.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aFileOfTheCourseIsQuotedAsItIs() throws {
        let path = try Self.course("# Gates\n\n```include ../Sources/Gate.swift\n```\n")
        let lecture = try #require(Course.load([path]).lectures.first)
        #expect(lecture.diagnostics.isEmpty)
        #expect(lecture.inclusions.map(\.text) == ["struct Gate {}\n"])
        #expect(lecture.inclusions.first?.language == "swift")
        #expect(lecture.inclusions.first?.fenceLine == 3)
    }

    @Test(arguments: ["../Sources/Missing.swift", "/etc/hostname", "../../../../etc/hostname"])
    func aFileOutsideTheCourseOrMissingIsAnErrorAtItsBlock(_ target: String) throws {
        let path = try Self.course("# Gates\n\n```include \(target)\n```\n")
        let lecture = try #require(Course.load([path]).lectures.first)
        #expect(lecture.diagnostics.map(\.message) == ["cannot include '\(target)': no such file in this course"])
        #expect(lecture.diagnostics.first?.location.line == 3)
        #expect(lecture.inclusions.first?.text == nil)
    }
}
