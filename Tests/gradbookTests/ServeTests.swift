import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `gradbook serve` as a teacher runs it: the real executable on a free port of
/// 127.0.0.1, its pages fetched over HTTP, a lecture edited and the open page told
/// to reload, a lecture broken without the server dying, and Ctrl-C.
@Suite struct ServeTests {
    let scratch: Scratch

    init() throws {
        scratch = try Scratch()
        try scratch.write(lecture: "lectures/01-circuit.md", Lectures.circuit)
        try scratch.write(lecture: "lectures/02-neuron.md", Lectures.neuron)
    }

    @Test func anEditedLectureIsRebuiltAndTheOpenPageReloaded() async throws {
        let server = try Server(in: scratch)
        defer { server.stop() }
        let page = try await server.get("/01-circuit.html")
        #expect(page.contains("<title>The circuit</title>"))
        #expect(page.contains("/_gradbook/wait?after="), "the page carries the reload script")
        #expect(try scratch.read("out/01-circuit.html") == (try built("01-circuit.html")), "files on disk are build's")

        let generation = try #require(Server.generation(in: page))
        let saved = Date()
        // Saved as editors save, in one piece (temp file + rename): a save the watcher could see half
        // written would be rebuilt twice, the half with the file's heading missing, so its title too.
        try Data((Lectures.circuit + "A paragraph added.\n").utf8)
            .write(to: scratch.url.appendingPathComponent("lectures/01-circuit.md"), options: .atomic)
        try await server.waitForRebuild(after: generation)
        let milliseconds = Int(Date().timeIntervalSince(saved) * 1000)
        print("serve: a saved lecture was rebuilt and its open page told to reload \(milliseconds) ms after the save")
        #expect(try await server.get("/01-circuit.html").contains("<p>A paragraph added.</p>"))
        #expect(server.errors.contains("ran 1 lecture, reused 1"), "only the lecture that changed is run")
    }

    @Test func aBrokenLectureShowsItsDiagnosticsInThePageAndTheServerKeepsRunning() async throws {
        let server = try Server(in: scratch)
        defer { server.stop() }
        _ = try await server.get("/01-circuit.html")

        try scratch.write(lecture: "lectures/01-circuit.md", Lectures.circuit.replacingOccurrences(of: "f = q * z", with: "f = q * * z"))
        let broken = try await server.page("/01-circuit.html") { $0.contains("example failed") }
        #expect(broken.contains("lectures/01-circuit.md:8:9: error: expected a value"))
        #expect(server.isRunning)

        // A lecture that cannot be read at all: nothing is written, and every page says why.
        try Data([0x23, 0x20, 0xFF, 0x0A]).write(to: scratch.url.appendingPathComponent("lectures/02-neuron.md"))
        let unreadable = try await server.page("/01-circuit.html") { $0.contains("id=\"gradbook-serve-problems\"") }
        #expect(unreadable.contains("lectures/02-neuron.md:1:3: error: the file is not valid UTF-8"))
        #expect(server.isRunning)

        try scratch.write(lecture: "lectures/02-neuron.md", Lectures.neuron)
        try scratch.write(lecture: "lectures/01-circuit.md", Lectures.circuit)
        let mended = try await server.page("/01-circuit.html") { !$0.contains("error:") }
        #expect(!mended.contains("gradbook-serve-problems"))
        #expect(try await server.status("/nowhere.html") == 404)
    }

    @Test func aPortInUseIsAnErrorBeforeAnyBuild() async throws {
        let server = try Server(in: scratch)
        defer { server.stop() }
        let second = try CLI.run(["serve", "lectures", "--output", "elsewhere", "--port", "\(server.port)"], in: scratch)
        #expect(second.status == 2)
        #expect(second.errors.contains("error: cannot serve on 127.0.0.1:\(server.port): "))
        #expect(!scratch.exists("elsewhere"), "nothing was built")
    }

    @Test func ctrlCStopsTheServer() async throws {
        let server = try Server(in: scratch)
        _ = try await server.get("/index.html")
        #expect(server.interrupt() == 0)
        #expect(server.errors.contains("stopped"))
    }

    @Test func aPageServerThatDiesStopsServeWithAnError() async throws {
        let server = try Server(in: scratch)
        defer { server.stop() }
        _ = try await server.get("/index.html")
        let pages = try #require(server.children.first, "serve runs gradbook-http as its child")
        #expect(String(decoding: FileManager.default.contents(atPath: "/proc/\(pages)/comm") ?? Data(), as: UTF8.self) == "gradbook-http\n")
        kill(pages, SIGKILL)
        #expect(server.waitForExit() == 2)
        #expect(server.errors.contains("error: the page server (gradbook-http) stopped"))
    }

    /// The page a clean `gradbook build` writes.
    private func built(_ page: String) throws -> String {
        let run = try CLI.run(["build", "lectures", "--output", "clean", "--no-cache"], in: scratch)
        #expect(run.status == 0)
        return try scratch.read("clean/\(page)")
    }
}

/// `gradbook serve` running in the background, on a port the system chose.
final class Server: @unchecked Sendable {
    private let process = Process()
    private let output = Pipe()
    private let errorFile: URL
    let port: Int

    /// Starts the server in `scratch` and waits (a minute at most) for the line that gives its address.
    init(in scratch: Scratch) throws {
        let executable = try #require(CLI.executable, "gradbook is not built next to the tests")
        errorFile = scratch.url.appendingPathComponent(".serve-stderr-\(UUID())")
        try Data().write(to: errorFile)
        process.executableURL = executable
        process.arguments = ["serve", "lectures", "--output", "out", "--port", "0"]
        process.currentDirectoryURL = scratch.url
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        let text = Self.firstLine(of: output.fileHandleForReading, within: 60)
        let port = text.firstMatch(of: /serving http:\/\/127\.0\.0\.1:(\d+)\//).flatMap { Int($0.1) }
        guard let port else {
            process.terminate()
            let errors = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
            throw ServeError(message: "no address printed: \(text) \(errors)")
        }
        self.port = port
    }

    /// What `handle` gives up to its first newline, or until it ends or `seconds` pass.
    private static func firstLine(of handle: FileHandle, within seconds: Double) -> String {
        final class Text: @unchecked Sendable {
            let lock = NSLock()
            var value = ""
        }
        let text = Text(), done = DispatchSemaphore(value: 0)
        handle.readabilityHandler = { handle in
            let data = handle.availableData
            let complete = text.lock.withLock { () -> Bool in
                text.value += String(decoding: data, as: UTF8.self)
                return data.isEmpty || text.value.contains("\n")
            }
            if complete {
                handle.readabilityHandler = nil
                done.signal()
            }
        }
        _ = done.wait(timeout: .now() + seconds)
        return text.lock.withLock { text.value }
    }

    struct ServeError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    var isRunning: Bool { process.isRunning }
    var errors: String { (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "" }

    /// The body of `path`, as text.
    func get(_ path: String) async throws -> String {
        String(decoding: try await fetch(path).0, as: UTF8.self)
    }

    func status(_ path: String) async throws -> Int? {
        (try await fetch(path).1 as? HTTPURLResponse)?.statusCode
    }

    private func fetch(_ path: String) async throws -> (Data, URLResponse) {
        var request = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(port)\(path)")))
        request.timeoutInterval = 60
        return try await URLSession.shared.data(for: request)
    }

    /// Waits, as an open page does, until a rebuild after `generation` has finished; gives the new generation.
    @discardableResult
    func waitForRebuild(after generation: Int) async throws -> Int {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let fields = try await get("/_gradbook/wait?after=\(generation)").split(separator: " ")
            if let now = fields.last.flatMap({ Int($0) }), now > generation { return now }
        }
        throw ServeError(message: "no rebuild within a minute: \(errors)")
    }

    /// Page `path` once `ready` says it is, fetched again after every rebuild until then (a minute at most).
    func page(_ path: String, until ready: (String) -> Bool) async throws -> String {
        let deadline = Date().addingTimeInterval(60)
        var page = try await get(path)
        while !ready(page), Date() < deadline {
            try await waitForRebuild(after: try #require(Self.generation(in: page)))
            page = try await get(path)
        }
        return page
    }

    /// The generation an HTML page was served at, from its reload script.
    static func generation(in page: String) -> Int? {
        page.firstMatch(of: /generation = (\d+);/).flatMap { Int($0.1) }
    }

    /// The processes serve started, read from /proc (the thread that started one lists it).
    var children: [Int32] {
        let tasks = "/proc/\(process.processIdentifier)/task"
        return ((try? FileManager.default.contentsOfDirectory(atPath: tasks)) ?? []).flatMap { task in
            String(decoding: FileManager.default.contents(atPath: "\(tasks)/\(task)/children") ?? Data(), as: UTF8.self)
                .split(separator: " ").compactMap { Int32($0) }
        }
    }

    /// Waits for serve to end on its own: gives the exit status.
    func waitForExit() -> Int32 {
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Ctrl-C: gives the exit status.
    func interrupt() -> Int32 {
        process.interrupt()
        process.waitUntilExit()
        return process.terminationStatus
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}
