import Foundation
import Render

/// The output folder on disk: written file by file, atomically, and compared
/// with what a build would write.
struct OutputFolder {
    let root: URL
    /// Where KaTeX is installed (Debian's libjs-katex); copied next to the pages, not committed.
    static let katex = URL(fileURLWithPath: "/usr/share/javascript/katex")

    init(_ path: String) { root = URL(fileURLWithPath: path, isDirectory: true) }

    /// Writes every file that changed (temp file + rename), and KaTeX's files.
    func write(_ files: [OutputFile]) throws {
        for file in files {
            let url = root.appendingPathComponent(file.path)
            precondition(url.standardizedFileURL.path.hasPrefix(root.standardizedFileURL.path + "/"),
                         "an output path left the output folder: \(file.path)")
            let data = Data(file.contents.utf8)
            if (try? Data(contentsOf: url)) == data { continue }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
        }
        try copyKaTeX()
    }

    /// What differs from `files`: `stale:`, `missing:` and `extra:` lines, sorted (KaTeX's copy is not compared).
    func differences(from files: [OutputFile]) -> [String] {
        var lines: [String] = []
        let expected = Set(files.map(\.path))
        for file in files {
            let url = root.appendingPathComponent(file.path)
            guard let data = try? Data(contentsOf: url) else { lines.append("missing: \(file.path)"); continue }
            if data != Data(file.contents.utf8) { lines.append("stale: \(file.path)") }
        }
        for path in existingFiles() where !expected.contains(path) { lines.append("extra: \(path)") }
        return lines.sorted()
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
    private func copyKaTeX() throws {
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
