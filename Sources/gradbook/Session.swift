import ArgumentParser
import Diagnostics
import Foundation
import GraphSpec
import Render
import Workbook

/// What `build`, `check` and `serve` share: load and run the lectures, report
/// progress and diagnostics, print the summary, and choose the exit code.
enum Session {
    /// Runs `lectures`, showing progress on a terminal and a line per lecture otherwise.
    /// Each lecture's result goes to `each` as soon as its examples are done, on the
    /// core that ran them (with its summary), and is let go after: what `each` keeps,
    /// and the lecture's summary, are all that is left, in the lectures' order.
    static func run<Kept>(_ lectures: [Lecture], quiet: Bool = false,
                          each: @Sendable @escaping (LectureResult, LectureSummary) -> Kept) -> [(summary: LectureSummary, kept: Kept)] {
        let ran = Course.run(lectures) { result, done in
            let summary = LectureSummary(result)
            let kept = each(result, summary)
            if !quiet, Terminal.isInteractive { Terminal.progress("running lectures: \(done)/\(lectures.count)") }
            return (summary: summary, kept: kept)
        }
        if !quiet, Terminal.isInteractive { Terminal.progress(nil) }
        if !quiet, !Terminal.isInteractive {
            for (summary, _) in ran { Terminal.status("\(summary.lecture.path): \(Self.summary(ContentsRow(summary)))") }
        }
        return ran
    }

    /// `N examples, p/t checks passed`.
    static func summary(_ row: ContentsRow) -> String {
        "\(count(row.examples, "example")), \(row.passed)/\(row.checks) checks passed"
    }

    /// Prints every diagnostic and the summary line, and gives the exit code. The
    /// `reused` lectures, taken from the build cache, count in the summary; they
    /// have no diagnostics (the cache keeps no lecture that had one).
    static func finish(_ results: [LectureSummary], _ loadErrors: [Diagnostic], reused: [ContentsRow] = [],
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
    static func exitCode(_ results: [LectureSummary], _ loadErrors: [Diagnostic]) -> ExitCode {
        if loadErrors.containsError || results.contains(where: \.hasInputError) { return ExitCode(2) }
        return results.allSatisfy({ $0.checkCounts.passed == $0.checkCounts.total }) ? .success : ExitCode(1)
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
