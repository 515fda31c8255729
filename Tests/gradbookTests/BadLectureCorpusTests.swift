import Foundation
import Testing

/// The bad-lecture corpus: every `.md` file in `BadLectures/` is a lecture a
/// course might be sent, and its `.expected` file beside it says what
/// `gradbook check` must answer, the way a user sees it:
///
///     exit 2
///     01-unterminated-fence.md:5:1: error: this graph block is not closed: it runs to the end of its container
///
/// (the exit status, then every diagnostic line, `file:line:col: severity: message`,
/// in order). Run through the real executable, from the corpus folder.
@Suite("The bad-lecture corpus")
struct BadLectureCorpusTests {
    /// The corpus, found next to this file.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("BadLectures")

    /// The lectures of the corpus, in order.
    static let lectures: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted()
    }()

    @Test("the corpus holds at least 40 lectures, each with its expectations")
    func corpusIsThere() {
        #expect(Self.lectures.count >= 40)
        for name in Self.lectures {
            let expected = Self.folder.appendingPathComponent(name.dropLast(3) + ".expected")
            #expect(FileManager.default.fileExists(atPath: expected.path), "\(name) has no .expected file")
        }
    }

    @Test("gradbook check answers each bad lecture with the expected diagnostics and exit status", arguments: lectures)
    func badLecture(_ name: String) throws {
        let expectation = try String(contentsOf: Self.folder.appendingPathComponent(name.dropLast(3) + ".expected"), encoding: .utf8)
        var lines = expectation.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
        let status = try #require(lines.first.flatMap { $0.hasPrefix("exit ") ? Int32($0.dropFirst(5)) : nil },
                                  "the first line of \(name).expected is 'exit N'")
        lines.removeFirst()

        let run = try CLI.run(["check", name], in: Scratch(), subfolder: nil, at: Self.folder)

        #expect(run.status == status, "\(run.errors)")
        #expect(Self.diagnostics(in: run.errors) == lines)
    }

    /// The `file:line:col: severity: message` lines of what gradbook printed.
    static func diagnostics(in errors: String) -> [String] {
        errors.split(separator: "\n").map(String.init).filter {
            $0.contains(#/^[^ ]+:\d+:\d+: (error|warning|note): /#)
        }
    }
}
