import Foundation
import Render

/// The output folder on disk: written file by file, atomically, and compared
/// with what a build would write.
struct OutputFolder {
    /// The folder as given on the command line, for messages.
    let path: String
    let root: URL
    /// `root`'s path, which the files' paths are joined to.
    private let rootPath: String
    /// Where KaTeX is installed (Debian's libjs-katex); copied next to the pages, not committed.
    static let katex = URL(fileURLWithPath: "/usr/share/javascript/katex")

    init(_ path: String) {
        (self.path, root) = (path, URL(fileURLWithPath: path, isDirectory: true))
        rootPath = root.path
    }

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
    /// Paths are joined as strings: Foundation's URLs took 5 % of a build that reused
    /// every lecture (perf), comparing the course's 200-odd files.
    func writeFiles(_ files: [OutputFile]) throws {
        var made: Set<URL> = []  // a lecture's files share one or two folders: each is made once, not once a file
        for file in files {
            precondition(Self.staysInside(file.path), "an output path left the output folder: \(file.path)")
            if holds(file) { continue }
            let url = root.appendingPathComponent(file.path)
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

    /// Whether a relative path names a file inside the folder: no empty, `.` or `..` step.
    private static func staysInside(_ path: String) -> Bool {
        !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0.isEmpty || $0 == "." || $0 == ".." }
    }

    /// The first folder of `files` (relative to the output folder) that is a link leading out of it:
    /// a pull request can commit one, and writing through it would write elsewhere.
    private func linkLeadingOutside(for paths: [String], folders: [String]) -> String? {
        let inside = root.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        for folder in Set(paths.map { Self.split($0).folder } + folders).sorted() where !folder.isEmpty {
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
            let (folder, name) = Self.split(path)
            let real = folders[folder] ?? Self.realPath(root.appendingPathComponent(folder))
            folders[folder] = real
            if let lecture = lectures[real.hasSuffix("/") ? real + name : real + "/" + name] { return (path, lecture) }
        }
        return nil
    }

    /// A relative path's folder (empty for none) and name, split at its last `/`
    /// (NSString's path methods cost more than the rest of the check).
    private static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[..<slash]), String(path[path.index(after: slash)...]))
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
            guard FileManager.default.fileExists(atPath: rootPath + "/" + file.path) else { return "missing: \(file.path)" }
            return holds(file) ? nil : "stale: \(file.path)"
        }
    }

    /// Whether the folder has `file` with exactly its bytes.
    func holds(_ file: OutputFile) -> Bool { Self.file(atPath: rootPath + "/" + file.path, holds: file.bytes) }

    /// Whether the regular file at `path` holds exactly `bytes`: its size is compared
    /// first, then its contents, a block at a time into one small buffer (reading each
    /// file whole into a new `Data` cost a page fault per 4 KB of the course's 5.8 MB).
    static func file(atPath path: String, holds bytes: [UInt8]) -> Bool {
        let file = open(path, O_RDONLY | O_CLOEXEC)
        guard file >= 0 else { return false }
        defer { close(file) }
        var info = stat()
        guard fstat(file, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size == bytes.count else { return false }
        let block = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
        defer { block.deallocate() }
        return bytes.withUnsafeBytes { expected in
            var offset = 0
            while offset < expected.count {
                let n = read(file, block.baseAddress, min(block.count, expected.count - offset))
                if n < 0, errno == EINTR { continue }
                guard n > 0, memcmp(block.baseAddress!, expected.baseAddress! + offset, n) == 0 else { return false }
                offset += n
            }
            return true
        }
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
