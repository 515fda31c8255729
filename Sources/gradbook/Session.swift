import ArgumentParser
import Diagnostics
import Foundation
import GraphSpec
import Workbook

/// What `build` and `check` share: load and run the lectures, report progress
/// and diagnostics, print the summary, and choose the exit code.
enum Session {
    /// Loads and runs the lectures named on the command line.
    static func run(_ paths: [String], limits: Limits = Limits(), quiet: Bool = false) -> ([LectureResult], [Diagnostic]) {
        let (lectures, loadErrors) = Course.load(paths, limits: limits)
        let results = Course.run(lectures) { done in
            if !quiet, Terminal.isInteractive { Terminal.progress("running lectures: \(done)/\(lectures.count)") }
        }
        if !quiet, Terminal.isInteractive { Terminal.progress(nil) }
        if !quiet, !Terminal.isInteractive {
            for result in results {
                let (total, passed) = result.checkCounts
                Terminal.status("\(result.lecture.path): \(count(result.examples.count, "example")), \(passed)/\(total) checks passed")
            }
        }
        return (results, loadErrors)
    }

    /// Prints every diagnostic and the summary line, and gives the exit code.
    static func finish(_ results: [LectureResult], _ loadErrors: [Diagnostic], since start: Date, verb: String) -> ExitCode {
        let diagnostics = loadErrors + results.flatMap(\.diagnostics)
        Terminal.report(diagnostics)
        let examples = results.reduce(0) { $0 + $1.examples.count }
        let (total, passed) = results.reduce((0, 0)) { ($0.0 + $1.checkCounts.total, $0.1 + $1.checkCounts.passed) }
        let seconds = Date().timeIntervalSince(start)
        Terminal.status("\(verb) \(count(results.count, "lecture")), \(count(examples, "example")), "
            + "\(count(total, "check")): \(passed) passed, \(total - passed) failed in \(String(format: "%.2f", seconds)) s")
        return exitCode(results, loadErrors)
    }

    /// The exit code the diagnostics call for: 2 for an input error, 1 for a failed check, else 0.
    static func exitCode(_ results: [LectureResult], _ loadErrors: [Diagnostic]) -> ExitCode {
        let inputErrors = loadErrors + results.flatMap { $0.lecture.diagnostics + $0.examples.flatMap(\.evaluation.diagnostics) }
        if inputErrors.containsError { return ExitCode(2) }
        return results.allSatisfy({ $0.checkCounts.passed == $0.checkCounts.total }) ? .success : ExitCode(1)
    }

    private static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
