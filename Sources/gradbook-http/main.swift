// `gradbook-http ROOT PORT`: the page server of `gradbook serve`, which starts it.
//
// It serves the output folder ROOT on 127.0.0.1:PORT (0: any free port) and
// prints `listening PORT` once it listens; it cannot listen, it prints why on
// standard error and exits 2. Then it reads the rebuilds from standard input,
// each a line with a byte count and that many bytes, the problems of the
// rebuild (empty when there were none), and tells the open pages; at the end
// of its input (gradbook has stopped) it stops too.
import FlyingFox
import Foundation

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 2, let port = UInt16(arguments.last!) else {
    FileHandle.standardError.write(Data("usage: gradbook-http ROOT PORT (started by `gradbook serve`)\n".utf8))
    exit(2)
}
let live = LiveReload()
let root = URL(fileURLWithPath: arguments.first!, isDirectory: true)
let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port), timeout: 30, logger: .disabled,
                        handler: Site(root: root, live: live))
Task {
    do { try await server.run() } catch {
        FileHandle.standardError.write(Data("\(error.localizedDescription)\n".utf8))
        exit(2)
    }
}
Task {
    try? await server.waitUntilListening(timeout: 30)
    guard case .ip4(_, let port)? = await server.listeningAddress else { return }
    FileHandle.standardOutput.write(Data("listening \(port)\n".utf8))
}
Thread.detachNewThread {
    let input = fdopen(0, "r")!
    while let problems = Rebuilds.next(from: input) { live.publish(problems: problems) }
    exit(0)
}
dispatchMain()

/// The rebuilds gradbook sends on standard input.
enum Rebuilds {
    /// The problems of the next rebuild, or nil at the end of the input.
    static func next(from input: UnsafeMutablePointer<FILE>) -> String? {
        var line: UnsafeMutablePointer<CChar>?, capacity = 0
        defer { free(line) }
        guard getline(&line, &capacity, input) > 0, let line,
              let count = Int(String(cString: line).trimmingCharacters(in: .newlines)), count >= 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: count)
        guard count == 0 || bytes.withUnsafeMutableBytes({ fread($0.baseAddress!, 1, count, input) }) == count else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
