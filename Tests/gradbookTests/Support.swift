import Foundation
import Testing

/// The real `gradbook` executable, run as a user runs it.
enum CLI {
    /// What one run printed and how it ended.
    struct Run {
        /// The exit status.
        let status: Int32
        /// Standard output, as bytes.
        let output: Data
        /// Standard error, as text.
        let errors: String

        /// Standard output, as text.
        var stdout: String { String(decoding: output, as: UTF8.self) }
    }

    /// The executable, built next to the test bundle: on Linux the bundle is the
    /// test executable itself (`CommandLine.arguments[0]`), on macOS a `.xctest`
    /// directory among `Bundle.allBundles`.
    static let executable: URL? = {
        let bundles = [URL(fileURLWithPath: CommandLine.arguments[0]), Bundle.main.bundleURL]
            + Bundle.allBundles.map(\.bundleURL).filter { $0.pathExtension == "xctest" }
        return bundles.map { $0.deletingLastPathComponent().appendingPathComponent("gradbook") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Runs `gradbook arguments` in `directory` (or its `subfolder`, or in `folder` when given), with `input` on standard
    /// input and `environment` added to this process's (less `GITHUB_ACTIONS`, unless given).
    static func run(_ arguments: [String], input: String = "", environment: [String: String] = [:],
                    in directory: Scratch, subfolder: String? = nil, at folder: URL? = nil) throws -> Run {
        let executable = try #require(executable, "gradbook is not built next to the tests")
        let files = ["stdin", "stdout", "stderr"].map { directory.url.appendingPathComponent(".\($0)-\(UUID())") }
        try Data(input.utf8).write(to: files[0])
        for file in files.dropFirst() { try Data().write(to: file) }
        defer { for file in files { try? FileManager.default.removeItem(at: file) } }

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder ?? subfolder.map { directory.url.appendingPathComponent($0) } ?? directory.url
        var env = ProcessInfo.processInfo.environment
        env["GITHUB_ACTIONS"] = nil
        process.environment = env.merging(environment) { $1 }
        let handles = try [FileHandle(forReadingFrom: files[0]), FileHandle(forWritingTo: files[1]),
                           FileHandle(forWritingTo: files[2])]
        defer { for handle in handles { try? handle.close() } }
        (process.standardInput, process.standardOutput, process.standardError) = (handles[0], handles[1], handles[2])
        try process.run()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: try Data(contentsOf: files[1]),
                   errors: String(decoding: try Data(contentsOf: files[2]), as: UTF8.self))
    }
}

/// A fresh temporary directory for spec files, removed when the test ends.
final class Scratch {
    /// The directory.
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("gradbook-cli-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `text` to `name` in the directory and returns the file's path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file.path
    }
}

/// The specs the tests run.
enum Specs {
    /// The lecture's first circuit, f = (x + y) z, with two checks that pass.
    static let circuit = """
        x = -2
        y = 5
        z = -4
        q = x + y
        f = q * z

        expect f = -12
        expect df/dx = -4

        """

    /// A matrix product whose loss has a 2×2 gradient: dL/dW = 2 h xᵀ.
    static let matrix = """
        W = [[1, 2], [3, 4]]
        x = [[0.5], [-1]]
        h = W @ x
        L = sum(h * h)
        expect L = 8.5
        expect dL/dW = [[-1.5, 3], [-2.5, 5]]

        """

    /// A syntax error on line 2, column 9 (a second operator where a value belongs).
    static let syntaxError = "x = 1\nf = x * * 3\n"
}

extension String {
    /// The whitespace-separated fields of the line that starts with `first` and a space.
    func row(_ first: String) -> [String]? {
        split(separator: "\n").first { $0.hasPrefix(first + " ") }?.split(separator: " ").map(String.init)
    }
}

extension Scratch {
    /// `gradbook build lectures --output OUTPUT` and `options` in this folder, expected to succeed.
    @discardableResult
    func build(_ options: [String] = [], into output: String = "out") throws -> CLI.Run {
        let run = try CLI.run(["build", "lectures", "--output", output] + options, in: self)
        #expect(run.status == 0, "\(run.errors)")
        return run
    }
}
