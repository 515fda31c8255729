import Diagnostics
import Foundation
import GraphSpec

/// The spec parser and evaluator under libFuzzer: any bytes in, a spec's
/// evaluation out, never a crash, a hang or a sanitizer report. Built by
/// `make fuzz` with `-sanitize=fuzzer,address -DFUZZING`; a normal build makes
/// a replayer that runs each file named on the command line once.
func evaluate(_ bytes: [UInt8]) {
    guard case .success(let text) = TextDecoding.decode(bytes, path: "fuzz.graph") else { return }
    _ = Evaluator.evaluate(Source(text, path: "fuzz.graph"), limits: fuzzLimits)
}

/// Limits that keep one input to about a second under AddressSanitizer: a long run is
/// then reported by gradbook itself, and a hang that gets past them is a finding.
let fuzzLimits: Limits = {
    var limits = Limits()
    (limits.seconds, limits.elements, limits.steps) = (1, 1_000_000, 20_000)
    return limits
}()

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<Int32>,
               _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
               _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(runDriver(&argc, &argv) { data, size in
    evaluate(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
})
#else
for path in CommandLine.arguments.dropFirst() {
    evaluate([UInt8](FileManager.default.contents(atPath: path) ?? Data()))
    print("ran \(path)")
}
#endif
