import ArgumentParser
import Diagnostics
import Foundation
import GraphSpec
import Workbook

/// `gradbook check`: run every example and check; write nothing.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run every example of the lectures and report failed checks; write nothing.",
        discussion: "Exit status: 0 when every check passes, 1 when one fails, 2 on an input error."
    )

    @Argument(help: "Lecture files or folders of them (default: lectures).")
    var lectures: [String] = ["lectures"]

    @OptionGroup(title: "Limits")
    var limits: LimitOptions

    @Flag(help: "Print every lecture's examples, values, gradients, checks and diagnostics as JSON.")
    var json = false

    func run() throws {
        let started = Date()
        let (lectures, loadErrors) = Course.load(self.lectures, limits: limits.limits)
        let json = self.json
        let ran = Session.run(lectures, quiet: json) { result, _ in json ? LectureReport(result) : nil }
        if json { print(try Terminal.json(ran.compactMap(\.kept))) }
        let code = Session.finish(ran.map(\.summary), loadErrors, since: started, verb: "checked")
        if code != .success { throw code }
    }
}

/// One lecture in `check --json`.
struct LectureReport: Codable, Sendable {
    let path: String
    let title: String
    let examples: [ExampleReport]

    init(_ result: LectureResult) {
        (path, title) = (result.lecture.path, result.lecture.title)
        examples = result.examples.map {
            ExampleReport(id: $0.example.id, line: $0.example.fenceLine, passed: $0.passed, report: Report($0.evaluation),
                          diagnostics: $0.diagnostics)
        }
    }
}

/// One example in `check --json`: its id, line, status, and the evaluation's report.
struct ExampleReport: Codable, Sendable {
    let id: String
    let line: Int
    let passed: Bool
    let report: Report
    let diagnostics: [Diagnostic]
}
