import Foundation
import Render

/// The output folder on disk: written file by file, atomically, and compared
/// with what a build would write.
struct OutputFolder {
    /// The folder as given on the command line, for messages.
    let path: String
    let root: URL
    /// Where KaTeX is installed (Debian's libjs-katex); copied next to the pages, not committed.
    static let katex = URL(fileURLWithPath: "/usr/share/javascript/katex")

    init(_ path: String) { (self.path, root) = (path, URL(fileURLWithPath: path, isDirectory: true)) }

    /// Why a file could not be written, in the user's terms.
    struct WriteError: Error {
        let reason: String
    }

    /// `lectures` by the real path of each (links followed), as `refusal` takes them.
    static func identify(_ lectures: [String]) -> [String: String] {
        Dictionary(lectures.map { (realPath(URL(fileURLWithPath: $0)), $0) }) { first, _ in first }
    }

    private static func realPath(_ url: URL) -> String { url.standardizedFileURL.resolvingSymlinksInPath().path }

    /// Why nothing may be written, when files at `paths` (relative to the folder) would
    /// overwrite one of the `lectures` (see `identify`), or go through a link that leads outside.
    func refusal(files paths: [String], folders: [String] = [], sparing lectures: [String: String]) -> WriteError? {
        if let (file, lecture) = overwrite(of: lectures, by: paths) {
            return WriteError(reason: "'\(file)' would overwrite the lecture '\(lecture)'")
        }
        if let folder = linkLeadingOutside(for: paths, folders: folders) {
            return WriteError(reason: "'\(folder)' is a link to a folder outside it; nothing was written")
        }
        return nil
    }

    /// Makes the folder, when it is not there yet.
    func create() throws {
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw WriteError(reason: Self.fileInTheWay(of: path).map { "'\($0)' is a file, not a folder" } ?? error.localizedDescription)
        }
    }

    /// Writes every one of `files` that changed (temp file + rename); see `refusal` first.
    func writeFiles(_ files: [OutputFile]) throws {
        let inside = root.standardizedFileURL.path + "/"
        var made: Set<URL> = []  // a lecture's files share one or two folders: each is made once, not once a file
        for file in files {
            let url = root.appendingPathComponent(file.path)
            precondition(url.standardizedFileURL.path.hasPrefix(inside), "an output path left the output folder: \(file.path)")
            if holds(file) { continue }
            do {
                let folder = url.deletingLastPathComponent()
                if made.insert(folder).inserted {
                    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                }
                try AtomicFile.write(file.bytes, to: url)
            } catch {
                // Foundation says only "error 512" when a folder on the way is a file.
                let folder = (path as NSString).appendingPathComponent((file.path as NSString).deletingLastPathComponent)
                throw WriteError(reason: Self.fileInTheWay(of: folder).map { "'\($0)' is a file, not a folder" }
                    ?? error.localizedDescription)
            }
        }
    }

    /// The first folder of `files` (relative to the output folder) that is a link leading out of it:
    /// a pull request can commit one, and writing through it would write elsewhere.
    private func linkLeadingOutside(for paths: [String], folders: [String]) -> String? {
        let inside = root.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        for folder in Set(paths.map { ($0 as NSString).deletingLastPathComponent } + folders).sorted() where !folder.isEmpty {
            let resolved = root.appendingPathComponent(folder).resolvingSymlinksInPath().path + "/"
            if !resolved.hasPrefix(inside) { return folder }
        }
        return nil
    }

    /// The first of `files` that is the same file as one of `lectures`, and that lecture.
    /// Folders are resolved, not files: a file that is a link is replaced by the page, not written through.
    private func overwrite(of lectures: [String: String], by paths: [String]) -> (file: String, lecture: String)? {
        var folders: [String: String] = [:]
        for path in paths {
            let folder = (path as NSString).deletingLastPathComponent
            let real = folders[folder] ?? Self.realPath(root.appendingPathComponent(folder))
            folders[folder] = real
            if let lecture = lectures[(real as NSString).appendingPathComponent((path as NSString).lastPathComponent)] {
                return (path, lecture)
            }
        }
        return nil
    }

    /// The deepest thing that exists on the way to folder `path`, when it is not a folder.
    private static func fileInTheWay(of path: String) -> String? {
        var path = path
        while !path.isEmpty {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) { return isDirectory.boolValue ? nil : path }
            path = (path as NSString).deletingLastPathComponent
        }
        return nil
    }

    /// `stale:` and `missing:` lines for those of `files` that differ from the folder's.
    func staleOrMissing(_ files: [OutputFile]) -> [String] {
        files.compactMap { file in
            guard FileManager.default.fileExists(atPath: root.appendingPathComponent(file.path).path) else { return "missing: \(file.path)" }
            return holds(file) ? nil : "stale: \(file.path)"
        }
    }

    /// Whether the folder has `file` with exactly its bytes.
    func holds(_ file: OutputFile) -> Bool {
        guard let data = try? Data(contentsOf: root.appendingPathComponent(file.path)), data.count == file.bytes.count else { return false }
        return file.bytes.isEmpty
            || data.withUnsafeBytes { disk in file.bytes.withUnsafeBytes { memcmp(disk.baseAddress!, $0.baseAddress!, disk.count) == 0 } }
    }

    /// `extra:` lines for the folder's files that are not `expected` (KaTeX's copy is not compared).
    func extras(besides expected: Set<String>) -> [String] {
        existingFiles().filter { !expected.contains($0) }.map { "extra: \($0)" }
    }

    /// Every file under the output folder, relative to it, less KaTeX's copy.
    private func existingFiles() -> [String] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        let prefix = root.standardizedFileURL.path + "/"
        var paths: [String] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let path = String(url.standardizedFileURL.path.dropFirst(prefix.count))
            if !path.hasPrefix("assets/katex/") { paths.append(path) }
        }
        return paths
    }

    /// KaTeX's script, stylesheet, auto-render and fonts, into `assets/katex/`, when not already there.
    func copyKaTeX() throws {
        let target = root.appendingPathComponent("assets/katex")
        guard !FileManager.default.fileExists(atPath: target.appendingPathComponent("katex.min.js").path) else { return }
        let items = ["katex.min.js", "katex.min.css", "contrib/auto-render.js", "fonts"]
        for item in items {
            let source = Self.katex.appendingPathComponent(item).resolvingSymlinksInPath()
            let destination = target.appendingPathComponent(item)
            try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: destination)
            try FileManager.default.copyItem(at: source, to: destination)
        }
    }
}
