import Diagnostics
import Foundation
import GraphSpec
import Render
import Workbook

/// One rebuild of `serve`: an incremental build written to the output folder, its
/// diagnostics and a line of timing on standard error, and the open pages told.
/// When a lecture cannot be read, nothing is written (as with `build`) and every
/// page shows why until the next rebuild.
struct Rebuild: Sendable {
    let lectures: [String]
    let output: String
    let unsafeHTML: Bool
    let limits: Limits
    let cache: BuildCache?
    /// Tells the open pages, with the problems of the rebuild (PageServer.publish).
    let publish: @Sendable (_ problems: String) -> Void

    /// Rebuilds, and gives the files the lectures include (to watch them too).
    func run() -> [String] {
        let started = Date(), cpu = Self.cpuTime()
        let build = IncrementalBuild(lectures, limits: limits, unsafeHTML: unsafeHTML, cache: cache)
        var problems = build.loadErrors
        var outcome: IncrementalBuild.Outcome?
        if problems.isEmpty {
            let failure: String?
            (outcome, failure) = build.write(into: OutputFolder(output), quiet: true)
            if let failure {
                problems.append(Diagnostic(.error, "cannot write to '\(output)': \(failure)",
                                           at: SourceLocation(path: output, line: 1, column: 1)))
            }
        } else {
            outcome = build.run(quiet: true, pages: nil)
        }
        let results = outcome?.results ?? []
        let diagnostics = problems + results.flatMap(\.diagnostics)
        Terminal.report(diagnostics)
        let milliseconds = Int(Date().timeIntervalSince(started) * 1000), cpuMilliseconds = Int((Self.cpuTime() - cpu) * 1000)
        let failed = diagnostics.filter { $0.severity == .error }.count
        Terminal.status("rebuilt in \(milliseconds) ms (CPU \(cpuMilliseconds) ms): ran \(Session.count(results.count, "lecture")), "
            + "reused \(outcome?.reused.count ?? 0), \(failed == 0 ? "no errors" : Session.count(failed, "error"))"
            + (problems.isEmpty ? "" : "; nothing written to '\(output)'"))
        publish(DiagnosticPrinter.render(problems))
        return Watcher.included(by: build.lectures)
    }

    /// The CPU time of this process so far, in seconds, on every core: on a busy machine
    /// it says what a rebuild costs better than the clock on the wall does.
    static func cpuTime() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
