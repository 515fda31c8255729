import ArgumentParser
import Diagnostics
import Foundation
import Render
import Workbook

/// `gradbook serve`: build, serve the workbook on this machine, and rebuild and
/// reload the open pages whenever a lecture changes.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the workbook, serve it on 127.0.0.1, and rebuild and reload the pages when a lecture changes.",
        discussion: """
            Only the lectures that changed are run again (see build's cache). A lecture that \
            cannot be built shows its diagnostics in the page; the server keeps running. \
            Ctrl-C stops it.
            """
    )

    @Argument(help: "Lecture files or folders of them (default: lectures).")
    var lectures: [String] = ["lectures"]

    @Option(help: "The folder to write the workbook into, and to serve.")
    var output = "output"

    @Option(help: "The port to listen on, on 127.0.0.1 only (0: any free port).")
    var port: UInt16 = 8000

    @Flag(help: "Keep raw HTML in lectures (it is omitted by default).")
    var unsafeHTML = false

    @OptionGroup(title: "Limits")
    var limits: LimitOptions

    @OptionGroup var cache: CacheOptions

    /// How often the lecture files are looked at.
    static let interval = 0.05

    func run() throws {
        // Listen before the first build, so that a port in use is said at once, not after the build.
        let server: PageServer
        do { server = try PageServer(root: output, port: port) } catch {
            Terminal.report([Diagnostic(.error, "cannot serve on 127.0.0.1:\(port): \(error.message)",
                                        at: SourceLocation(path: output, line: 1, column: 1))])
            throw Outcome.inputError
        }
        server.onExit { status in
            Terminal.report([Diagnostic(.error, "the page server (gradbook-http) stopped with status \(status)",
                                        at: SourceLocation(path: output, line: 1, column: 1))])
            Glibc.exit(Outcome.inputError.rawValue)
        }
        let rebuild = Rebuild(lectures: lectures, output: output, unsafeHTML: unsafeHTML, limits: limits.limits,
                              cache: cache.folder(remembering: true), publish: server.publish)
        let included = rebuild.run()
        // Unbuffered: a script or test waits for this line to know where to connect.
        FileHandle.standardOutput.write(Data("serving http://127.0.0.1:\(server.port)/ (Ctrl-C to stop)\n".utf8))
        let stop = Self.onInterrupt {
            Terminal.status("stopped")
            Glibc.exit(0)
        }
        let watcher = Watcher(paths: lectures)
        Thread.detachNewThread { Self.watch(watcher, included: included, rebuild: rebuild) }
        withExtendedLifetime(stop) { dispatchMain() }
    }

    /// Looks at the course's files every `interval`, and rebuilds when one changed.
    static func watch(_ watcher: Watcher, included: [String], rebuild: Rebuild) -> Never {
        var included = included
        var last = watcher.snapshot(including: included)
        while true {
            Thread.sleep(forTimeInterval: interval)
            let now = watcher.snapshot(including: included)
            guard now != last else { continue }
            included = rebuild.run()
            // Files newly included are taken as they are now; the others as they were before the rebuild,
            // so a save made during the rebuild is seen at the next look.
            last = watcher.snapshot(including: included).merging(now) { _, before in before }
        }
    }

    /// Runs `action` on Ctrl-C (SIGINT) or SIGTERM instead of dying at once; keep the sources it gives.
    static func onInterrupt(_ action: @escaping @Sendable () -> Void) -> [DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { signal in
            Glibc.signal(signal, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signal, queue: .main)
            source.setEventHandler(handler: action)
            source.resume()
            return source
        }
    }
}
