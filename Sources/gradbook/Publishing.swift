import Foundation
import Render
import Workbook

extension IncrementalBuild {
    /// Runs the build and writes each lecture's files into `folder` as soon as
    /// they are drawn, then the shared files; KaTeX's are copied meanwhile. Nothing at all is
    /// written, and nothing run, when a page would overwrite a lecture or go
    /// through a link that leads outside the folder; after a file fails to be
    /// written nothing more is. Gives the outcome (nil when nothing ran) and why writing failed.
    func write(into folder: OutputFolder, quiet: Bool = false) -> (Outcome?, failure: String?) {
        let planned = Book.plannedPaths(of: lectures)
        let sparing = OutputFolder.identify(lectures.map(\.path))
        if let refusal = folder.refusal(files: planned.files, folders: planned.folders, sparing: sparing) {
            return (nil, refusal.reason)
        }
        // The folder itself is made first: the cores then write into it side by side.
        do { try folder.create() } catch { return (nil, (error as? OutputFolder.WriteError)?.reason ?? "\(error)") }
        let writer = Writer(folder, sparing: sparing)
        // KaTeX's files are copied while the lectures run, not after them.
        let katex = DispatchGroup()
        DispatchQueue.global().async(group: katex) { writer.copyKaTeX() }
        let outcome = run(quiet: quiet, pages: writer.write)
        katex.wait()
        writer.write(outcome.shared)
        return (outcome, writer.failure)
    }

    /// Runs the build and compares each lecture's files with `folder`'s as soon as
    /// they are drawn: the `stale:`, `missing:` and `extra:` lines, sorted.
    func compare(with folder: OutputFolder, quiet: Bool = false) -> (Outcome, differences: [String]) {
        let comparison = Comparison(folder)
        let outcome = run(quiet: quiet, pages: comparison.compare)
        comparison.compare(outcome.shared)
        return (outcome, comparison.differences)
    }
}

/// Writes files into the output folder from several cores (each lecture has a
/// folder of its own); after the first failure, nothing more.
private final class Writer: @unchecked Sendable {
    private let folder: OutputFolder
    private let lectures: [String: String]
    private let lock = NSLock()
    private var reason: String?

    init(_ folder: OutputFolder, sparing lectures: [String: String]) { (self.folder, self.lectures) = (folder, lectures) }

    /// Why a file could not be written, if one could not.
    var failure: String? { lock.withLock { reason } }

    @Sendable func write(_ files: [OutputFile]) {
        guard failure == nil else { return }
        do {
            if let refusal = folder.refusal(files: files.map(\.path), sparing: lectures) { throw refusal }
            try folder.writeFiles(files)
        } catch {
            lock.withLock { reason = reason ?? Self.reason(error) }
        }
    }

    /// Copies KaTeX's files into the folder (when not there already).
    @Sendable func copyKaTeX() {
        do { try folder.copyKaTeX() } catch { lock.withLock { reason = reason ?? Self.reason(error) } }
    }

    private static func reason(_ error: any Error) -> String {
        (error as? OutputFolder.WriteError)?.reason ?? error.localizedDescription
    }
}

/// Compares files with the output folder's from several cores, and remembers every path it saw.
private final class Comparison: @unchecked Sendable {
    private let folder: OutputFolder
    private let lock = NSLock()
    private var lines: [String] = []
    private var expected: Set<String> = []

    init(_ folder: OutputFolder) { self.folder = folder }

    @Sendable func compare(_ files: [OutputFile]) {
        let found = folder.staleOrMissing(files)
        lock.withLock {
            lines += found
            expected.formUnion(files.map(\.path))
        }
    }

    /// Every difference, the folder's extra files included, sorted.
    var differences: [String] { lock.withLock { (lines + folder.extras(besides: expected)).sorted() } }
}
