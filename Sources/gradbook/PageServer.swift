import Foundation

/// The process that serves the pages for `gradbook serve`: `gradbook-http`, built
/// beside the gradbook executable. It is a process of its own because the HTTP
/// server it runs (FlyingFox) needs FoundationNetworking, and with it curl and
/// 30 shared libraries: linked into gradbook, they cost every build, check and
/// eval 7 ms of its start (`gradbook --help`: 13.5 → 6.0 ms, perf stat, 20 runs).
///
/// gradbook tells it of every rebuild on its standard input, as a line with a
/// byte count and then that many bytes: the problems of the rebuild, empty when
/// there were none. It stops at the end of that input, so it never outlives gradbook.
final class PageServer: @unchecked Sendable {
    /// The port it listens on.
    let port: Int
    private let process: Process
    private let input: FileHandle
    private let lock = NSLock()
    private var stopped = false

    /// Why the server could not start: its own words, or what to do.
    struct Failure: Error {
        let message: String
    }

    /// Starts the server on `port` of 127.0.0.1 (0: any free port) and waits until it listens.
    init(root: String, port: UInt16) throws(Failure) {
        let executable = Self.executable
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw Failure(message: "\(executable.path) is missing: serve needs gradbook-http beside gradbook "
                + "(build it with `swift build --product gradbook-http`, in the same configuration as gradbook)")
        }
        let (process, stdin, stdout, stderr) = (Process(), Pipe(), Pipe(), Pipe())
        process.executableURL = executable
        process.arguments = [root, String(port)]
        (process.standardInput, process.standardOutput, process.standardError) = (stdin, stdout, stderr)
        do { try process.run() } catch { throw Failure(message: "cannot start \(executable.path): \(error.localizedDescription)") }
        let line = Self.line(from: stdout.fileHandleForReading)
        guard line.hasPrefix("listening "), let listening = Int(line.dropFirst("listening ".count)) else {
            process.waitUntilExit()
            let said = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw Failure(message: said.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        signal(SIGPIPE, SIG_IGN)  // a server that has died is seen by its exit, not by a write that kills gradbook
        (self.port, self.process, input) = (listening, process, stdin.fileHandleForWriting)
    }

    /// `gradbook-http` in the folder of this executable.
    static var executable: URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("gradbook-http")
    }

    /// Calls `action` with the exit status if the server stops while gradbook runs; once,
    /// though the server may stop between the handler being set and the look at whether it runs.
    func onExit(_ action: @escaping @Sendable (Int32) -> Void) {
        let tell: @Sendable (Int32) -> Void = { [self] status in
            if lock.withLock({ defer { stopped = true }; return !stopped }) { action(status) }
        }
        process.terminationHandler = { tell($0.terminationStatus) }
        if !process.isRunning { tell(process.terminationStatus) }
    }

    /// Tells the open pages that a rebuild finished, with its problems (empty when there were none).
    func publish(problems: String) {
        let bytes = Data(problems.utf8)
        lock.withLock { try? input.write(contentsOf: Data("\(bytes.count)\n".utf8) + bytes) }
    }

    /// The first line `handle` gives, without its newline; what there was when it ends first.
    private static func line(from handle: FileHandle) -> String {
        var bytes: [UInt8] = []
        while let byte = try? handle.read(upToCount: 1)?.first, byte != UInt8(ascii: "\n") { bytes.append(byte) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
