import Foundation
import GraphSpec
import Testing
@testable import Render
@testable import Workbook

/// Lectures the fuzzer (`make fuzz`) found to run past its 20-second limit,
/// kept in `FuzzRegressions/`: with every example held to its time limit they
/// end, and their pages are written.
@Suite("Fuzz regressions: lectures")
struct FuzzRegressionLectureTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FuzzRegressions")

    static let inputs: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted()
    }()

    @Test("each lecture the fuzzer found to hang ends, and its page is written", arguments: inputs)
    func endsInTime(_ name: String) throws {
        let text = String(decoding: try Data(contentsOf: Self.folder.appendingPathComponent(name)), as: UTF8.self)
        var limits = Limits()
        limits.seconds = 0.25
        let start = ContinuousClock.now
        let result = Runner.run(Lecture(path: "lectures/\(name)", text: text, limits: limits))
        let pages = Book.render([result])
        #expect(ContinuousClock.now - start < .seconds(60))
        #expect(pages.contains { $0.path.hasSuffix(".html") && $0.contents.hasSuffix("</html>\n") })
    }
}
