// `gradbook-bench MODE`: one workload of issue 7 per process, printing one JSON
// line; `Benchmarks/run.py` (`make bench`) runs them beside the peers in
// Benchmarks/peers/ and prints the table. `spec` and `build [LECTURES]` print
// the older human-readable figures of the spec language and of course builds.
import Autodiff
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let modes: [String: () throws -> Figure] = [
    "w1-once": SigmoidNeuron.builtOnce, "w1-build": SigmoidNeuron.withBuild,
    "w2-net": SpiralCaseStudy.twoLayer, "w2-linear": SpiralCaseStudy.linearClassifier,
    "w3-step": CIFARStep.sgdStep, "w3-floor": CIFARStep.matrixProducts,
    "w5-spiral": SpiralCaseStudy.gradientCheck, "w5-cifar": CIFARStep.gradientCheck,
]
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

do {
    switch arguments.first {
    case let mode? where modes.keys.contains(mode):
        MatrixProducts.openLibrary()  // loading OpenBLAS is not part of any workload
        try modes[mode]?().print()
    case "prepare" where arguments.count >= 2:
        try Prepare.run(into: URL(fileURLWithPath: arguments[1]),
                        lectures: arguments.count > 2 ? arguments[2] : repository.appendingPathComponent("lectures").path)
    case "spec":
        benchmarkSpec()
    case "build":
        try benchmarkBuild(lectures: arguments.dropFirst().first)
    default:
        print("usage: gradbook-bench \(modes.keys.sorted().joined(separator: "|")) | prepare FOLDER [LECTURES] | spec | build [LECTURES]")
        print("(`make bench` runs every workload beside its peers: Benchmarks/run.py)")
        exit(2)
    }
} catch {
    FileHandle.standardError.write("gradbook-bench: \(error)\n".data(using: .utf8) ?? Data())
    exit(1)
}
