import ArgumentParser
import Diagnostics
import Foundation
import Render
import Workbook

/// `gradbook build`: lectures in, verified HTML and Markdown notes out.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run every example of the lectures and write their HTML and Markdown pages.",
        discussion: """
            A lecture whose text, included files, neighbours, options and gradbook are all \
            unchanged since a build is not run again: its files come from the build cache \
            (--cache, not committed). --check never uses the cache.

            Exit status: 0 when every check passes, 1 when one fails (or, with --check, when output is stale), 2 on an input error.
            """
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

    @OptionGroup var cache: CacheOptions

    func run() throws {
        let started = Date()
        // The check is the referee of the cache: it runs every lecture afresh.
        let cache = check ? nil : self.cache.folder()
        let build = IncrementalBuild(lectures, limits: limits.limits, unsafeHTML: unsafeHTML, cache: cache)
        if check {
            let (outcome, stale) = build.compare(with: OutputFolder(output))
            for line in stale { print(line) }
            let code = Session.finish(outcome.results, build.loadErrors, since: started, verb: "checked")
            if code != .success { throw code }
            if !stale.isEmpty { throw ExitCode(1) }
            return
        }
        if !build.loadErrors.isEmpty {
            // A lecture that cannot be read has no page: writing the rest would drop it from the contents.
            let outcome = build.run(pages: nil)
            let code = Session.finish(outcome.results, build.loadErrors, reused: outcome.reused, since: started, verb: "checked")
            Terminal.status("nothing written to '\(output)'")
            throw code
        }
        let (written, failure) = build.write(into: OutputFolder(output))
        guard let outcome = written, failure == nil else {
            Terminal.report([Diagnostic(.error, "cannot write to '\(output)': \(failure ?? "")",
                                        at: SourceLocation(path: output, line: 1, column: 1))])
            throw ExitCode(2)
        }
        if !outcome.reused.isEmpty {
            Terminal.status("reused \(outcome.reused.count) of \(Session.count(build.lectures.count, "lecture")) from '\(self.cache.path)'")
        }
        let code = Session.finish(outcome.results, build.loadErrors, reused: outcome.reused, since: started, verb: "built")
        if code != .success { throw code }
    }
}

/// Where the build cache lives, or that there is none.
struct CacheOptions: ParsableArguments {
    @Option(name: .customLong("cache"), help: "The build cache's folder; keep it out of version control.")
    var path = ".gradbook-cache"

    @Flag(help: "Run every lecture; neither read nor write the build cache.")
    var noCache = false

    /// The cache, unless `--no-cache`; `remembering` keeps its entries in memory too (for `serve`).
    func folder(remembering: Bool = false) -> BuildCache? { noCache ? nil : BuildCache(path, remembering: remembering) }
}
