import Diagnostics
import Foundation
import GraphSpec
import Render
import Workbook

/// The whole lecture pipeline under libFuzzer: any bytes in as a lecture,
/// its pages out in memory (nothing is written to disk), never a crash, a
/// hang or a sanitizer report. Built by `make fuzz` with
/// `-sanitize=fuzzer,address -DFUZZING`; a normal build makes a replayer
/// that runs each file named on the command line once.
func build(_ bytes: [UInt8]) {
    guard case .success(let text) = TextDecoding.decode(bytes, path: "lectures/01-fuzz.md") else { return }
    let lecture = Lecture(path: "lectures/01-fuzz.md", text: text, limits: fuzzLimits)
    _ = Book.render([Runner.run(lecture)])
}

/// Limits that keep one example to a quarter of a second (a lecture to a few) under AddressSanitizer: a long run is
/// then reported by gradbook itself, and a hang that gets past them is a finding.
let fuzzLimits: Limits = {
    var limits = Limits()
    (limits.seconds, limits.elements, limits.steps) = (0.25, 1_000_000, 20_000)
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
    build(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
})
#else
for path in CommandLine.arguments.dropFirst() {
    build([UInt8](FileManager.default.contents(atPath: path) ?? Data()))
    print("ran \(path)")
}
#endif
