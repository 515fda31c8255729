import ArgumentParser
import Diagnostics
import Foundation
import Render
import Workbook

/// `gradbook build`: lectures in, verified HTML and Markdown notes out.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run every example of the lectures and write their HTML and Markdown pages.",
        discussion: "Exit status: 0 when every check passes, 1 when one fails (or, with --check, when output is stale), 2 on an input error."
    )

    @Argument(help: "Lecture files or folders of them (default: lectures).")
    var lectures: [String] = ["lectures"]

    @OptionGroup(title: "Limits")
    var limits: LimitOptions

    @Option(help: "The folder to write the workbook into.")
    var output = "output"

    @Flag(help: "Write nothing; exit 1 if the output folder differs from what the lectures give, listing the files.")
    var check = false

    @Flag(help: "Keep raw HTML in lectures (it is omitted by default).")
    var unsafeHTML = false

    func run() throws {
        let started = Date()
        let (results, loadErrors) = Session.run(lectures, limits: limits.limits)
        let files = Book.render(results, unsafeHTML: unsafeHTML)
        if check {
            let stale = OutputFolder(output).differences(from: files)
            for line in stale { print(line) }
            let code = Session.finish(results, loadErrors, since: started, verb: "checked")
            if code != .success { throw code }
            if !stale.isEmpty { throw ExitCode(1) }
            return
        }
        if !loadErrors.isEmpty {
            // A lecture that cannot be read has no page: writing the rest would drop it from the contents.
            let code = Session.finish(results, loadErrors, since: started, verb: "checked")
            Terminal.status("nothing written to '\(output)'")
            throw code
        }
        do {
            try OutputFolder(output).write(files, sparing: results.map(\.lecture.path))
        } catch {
            let reason = (error as? OutputFolder.WriteError)?.reason ?? error.localizedDescription
            Terminal.report([Diagnostic(.error, "cannot write to '\(output)': \(reason)",
                                        at: SourceLocation(path: output, line: 1, column: 1))])
            throw ExitCode(2)
        }
        let code = Session.finish(results, loadErrors, since: started, verb: "built")
        if code != .success { throw code }
    }
}
