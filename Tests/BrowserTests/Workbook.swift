import Foundation
import Testing

/// The course built by the real `gradbook build`, once for all the browser
/// tests, into .build/browser-artifacts/workbook (kept, beside the
/// screenshots, for review; out of git like all of .build).
enum BuiltWorkbook {
    /// The package's folder (this file is Tests/BrowserTests/Workbook.swift).
    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Screenshots for review, kept out of git under .build/.
    static let artifacts: URL = {
        let folder = package.appendingPathComponent(".build/browser-artifacts")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }()

    /// The output folder, or what went wrong building it.
    static let folder: Result<URL, BuildFailure> = build()

    struct BuildFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// The executable, built next to the test bundle (on Linux, the test executable itself).
    static let executable: URL? = {
        let bundles = [URL(fileURLWithPath: CommandLine.arguments[0]), Bundle.main.bundleURL]
            + Bundle.allBundles.map(\.bundleURL).filter { $0.pathExtension == "xctest" }
        return bundles.map { $0.deletingLastPathComponent().appendingPathComponent("gradbook") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    private static func build() -> Result<URL, BuildFailure> {
        guard let executable else { return .failure(BuildFailure(description: "gradbook is not built next to the tests")) }
        let output = artifacts.appendingPathComponent("workbook")
        try? FileManager.default.removeItem(at: output)
        let process = Process()
        process.executableURL = executable
        process.arguments = ["build", "--output", output.path]
        process.currentDirectoryURL = package
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return .failure(BuildFailure(description: "gradbook did not start: \(error)")) }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            return .failure(BuildFailure(description: "gradbook build exited with \(process.terminationStatus)"))
        }
        return .success(output)
    }

    /// The built folder; fails the test if the build failed.
    static func url() throws -> URL { try folder.get() }

    /// The HTML pages of the built workbook: the contents and every lecture.
    static let pages: [String] = {
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: package.appendingPathComponent("lectures").path)
        else { return [] }
        return ["index.html"] + files.filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
            .map { String($0.dropLast(3)) + ".html" }
    }()
}
