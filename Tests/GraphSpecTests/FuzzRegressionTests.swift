import Diagnostics
import Foundation
import GraphSpec
import Testing

/// Inputs the fuzzer (`make fuzz`) found to hang, kept in `FuzzRegressions/`:
/// each now ends at its time limit with a diagnostic instead of running on
/// (`gradcheck` of a 10×3072 weight checked 30,720 entries, two forward passes
/// each, with no look at the clock).
@Suite("Fuzz regressions: specs")
struct FuzzRegressionSpecTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FuzzRegressions")

    static let inputs: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".graph") }.sorted()
    }()

    @Test("the fuzzer's findings are kept")
    func inputsAreThere() {
        #expect(Self.inputs.count >= 5)
    }

    @Test("each input the fuzzer found to hang ends within its time limit", arguments: inputs)
    func endsInTime(_ name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(name)))
        let text = try TextDecoding.decode(bytes, path: name).get()
        var limits = Limits()
        limits.seconds = 0.5
        let start = ContinuousClock.now
        let evaluation = Evaluator.evaluate(Source(text, path: name), limits: limits)
        // Half a second of running, and what is done after the limit (a forward pass, the table's backward).
        #expect(ContinuousClock.now - start < .seconds(15))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(evaluation.diagnostics.allSatisfy { (1...lines).contains($0.location.line) })
    }
}
