import Autodiff
import Diagnostics
import Foundation
import GraphSpec
import PropertyBased
import Testing
@testable import Render
@testable import Workbook

/// Random mutations of the course's own lectures — bytes cut, lines doubled or
/// swapped, fences, dollars, brackets and line endings dropped in — never crash
/// the pipeline: each gives diagnostics inside the file and the same pages on
/// a second run.
@Suite("Mutated lectures")
struct MutatedLectureTests {
    /// The course's lectures that run in well under a second (not the two with long training runs).
    static let lectures: [(name: String, text: String)] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("lectures")
        return (1...8).compactMap { n in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            guard let name = names.first(where: { $0.hasPrefix(String(format: "%02d-", n)) }),
                  let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else { return nil }
            return (name, text)
        }
    }()

    @Test("the course's light lectures are there to mutate")
    func lecturesAreThere() {
        #expect(Self.lectures.count == 8)
    }

    @Test("a mutated lecture gives diagnostics inside the file and pages that are the same on a second run")
    func mutationsNeverCrash() async {
        await propertyCheck(count: 12, input: Gen.uint64(in: 0...UInt64(1) << 40)) { seed in
            Self.check(seed: seed)
        }
    }

    @Test("mutations that once broke a rule still keep it", arguments: [UInt64(109_866_263_061)])
    func regressions(_ seed: UInt64) {
        Self.check(seed: seed)
    }

    /// Mutates a lecture chosen by `seed`, runs and renders it twice, and checks the result.
    static func check(seed: UInt64) {
        var limits = Limits()
        limits.seconds = 5
        var random = SeededRandom(seed: seed)
        let source = lectures[random.integer(below: lectures.count)]
        let text = Mutation.apply(3, to: source.text, &random)
        let lecture = Lecture(path: "lectures/\(source.name)", text: text, limits: limits)
        let result = Runner.run(lecture)
        let lines = lecture.lines.count
        for diagnostic in result.diagnostics + lecture.diagnostics {
            #expect((1...lines).contains(diagnostic.location.line), "seed \(seed): \(diagnostic.location) \(diagnostic.message)")
            #expect(diagnostic.location.column >= 1, "seed \(seed)")
        }
        let pages = Book.render([result])
        #expect(pages.contains { $0.path.hasSuffix(".html") && $0.contents.contains("</html>") }, "seed \(seed)")
        // A run stopped by the clock stops at a step the clock chooses: only the others must repeat exactly.
        let timed = result.diagnostics.contains { $0.message.contains("longer than its limit") }
        if !timed {
            #expect(Book.render([Runner.run(lecture)]) == pages, "seed \(seed): the pages differ between two runs")
        }
    }
}

/// Small edits of a lecture's text, of the kinds that break Markdown and specs.
enum Mutation {
    static let insertions = ["```", "```graph\n", "~~~", "$", "$$", "<", ">", "&", "\r", "\r\n", "\t", "(", ")", "[", "]",
                             "---\n", "# ", "> ", "- ", "é", "🎓", "\u{FEFF}", "*", "^", "@", ";", "=", "\n", "0", "1e308"]

    static func apply(_ count: Int, to text: String, _ random: inout SeededRandom) -> String {
        var chars = Array(text)
        for _ in 0..<count {
            let at = chars.isEmpty ? 0 : random.integer(below: chars.count)
            switch random.integer(below: 5) {
            case 0:  // cut a piece
                chars.removeSubrange(at..<min(chars.count, at + random.integer(below: 40) + 1))
            case 1, 2:  // drop something in
                chars.insert(contentsOf: insertions[random.integer(below: insertions.count)], at: at)
            case 3:  // double a line
                var lines = String(chars).split(separator: "\n", omittingEmptySubsequences: false)
                let i = random.integer(below: lines.count)
                lines.insert(lines[i], at: i)
                chars = Array(lines.joined(separator: "\n"))
            default:  // swap two lines
                var lines = String(chars).split(separator: "\n", omittingEmptySubsequences: false)
                lines.swapAt(random.integer(below: lines.count), random.integer(below: lines.count))
                chars = Array(lines.joined(separator: "\n"))
            }
        }
        return String(chars)
    }
}
