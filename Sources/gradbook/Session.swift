import ArgumentParser
import Diagnostics
import Foundation
import GraphSpec
import Render
import Workbook

/// What `build`, `check` and `serve` share: load and run the lectures, report
/// progress and diagnostics, print the summary, and choose the exit code.
enum Session {
    /// Loads and runs the lectures named on the command line.
    static func run(_ paths: [String], limits: Limits = Limits(), quiet: Bool = false) -> ([LectureResult], [Diagnostic]) {
        let (lectures, loadErrors) = Course.load(paths, limits: limits)
        return (run(lectures, quiet: quiet), loadErrors)
    }

    /// Runs `lectures`, showing progress on a terminal and a line per lecture otherwise.
    static func run(_ lectures: [Lecture], quiet: Bool = false) -> [LectureResult] {
        let results = Course.run(lectures) { done in
            if !quiet, Terminal.isInteractive { Terminal.progress("running lectures: \(done)/\(lectures.count)") }
        }
        if !quiet, Terminal.isInteractive { Terminal.progress(nil) }
        if !quiet, !Terminal.isInteractive {
            for result in results { Terminal.status("\(result.lecture.path): \(summary(ContentsRow(result)))") }
        }
        return results
    }

    /// `N examples, p/t checks passed`.
    static func summary(_ row: ContentsRow) -> String {
        "\(count(row.examples, "example")), \(row.passed)/\(row.checks) checks passed"
    }

    /// Prints every diagnostic and the summary line, and gives the exit code. The
    /// `reused` lectures, taken from the build cache, count in the summary; they
    /// have no diagnostics (the cache keeps no lecture that had one).
    static func finish(_ results: [LectureResult], _ loadErrors: [Diagnostic], reused: [ContentsRow] = [],
                       since start: Date, verb: String) -> ExitCode {
        let diagnostics = loadErrors + results.flatMap(\.diagnostics)
        Terminal.report(diagnostics)
        let rows = results.map(ContentsRow.init) + reused
        let examples = rows.reduce(0) { $0 + $1.examples }
        let (total, passed) = rows.reduce((0, 0)) { ($0.0 + $1.checks, $0.1 + $1.passed) }
        let seconds = Date().timeIntervalSince(start)
        Terminal.status("\(verb) \(count(rows.count, "lecture")), \(count(examples, "example")), "
            + "\(count(total, "check")): \(passed) passed, \(total - passed) failed in \(String(format: "%.2f", seconds)) s")
        return exitCode(results, loadErrors)
    }

    /// The exit code the diagnostics call for: 2 for an input error, 1 for a failed check, else 0.
    static func exitCode(_ results: [LectureResult], _ loadErrors: [Diagnostic]) -> ExitCode {
        let inputErrors = loadErrors + results.flatMap { $0.lecture.diagnostics + $0.examples.flatMap(\.evaluation.diagnostics) }
        if inputErrors.containsError { return ExitCode(2) }
        return results.allSatisfy({ $0.checkCounts.passed == $0.checkCounts.total }) ? .success : ExitCode(1)
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
