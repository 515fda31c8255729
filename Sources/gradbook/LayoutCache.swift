import Foundation
import Render

/// Graphviz's drawings, kept in the build cache's folder under `layouts/`: a
/// lecture that runs again because it was edited draws the graphs that did not
/// change without Graphviz. After a trailing blank line was added to lecture 01,
/// its twelve layouts took 40–55 ms of the rebuild's 92 (median); read from here,
/// under a millisecond.
///
/// What Graphviz makes of a DOT text depends on that text and on Graphviz, its
/// plugins and the fonts, which `EngineVersion` names (gradbook itself too, so
/// that any change to how we call Graphviz is a miss). So the drawings of one
/// engine live in a folder of their own, `layouts/<hash of the engine>/`, whose
/// file `engine` holds the engine whole: a folder whose `engine` is another, or
/// damaged, is emptied and started again, and the folders of other engines are
/// removed when a new one is made (every rebuild of gradbook is a new engine).
/// In it, each drawing is an entry named by the hash of its DOT text, holding the
/// text whole: an entry for another text (a collision) is a miss, as is one that
/// is damaged (header `gradbook-layout 1 <crc32> <bytes>`, as `BuildCache`'s), and
/// is written again. Entries are written atomically; a failure to write is no error.
final class LayoutCache: Layouts, @unchecked Sendable {
    private let root: URL
    private let engine: () -> String
    private let lock = NSLock()
    private var state = State.unchecked

    /// Whether this engine's folder was looked at yet, and what it is (nil when it cannot be used).
    private enum State {
        case unchecked
        case known(URL?, made: Bool)
    }

    private static let magic = "gradbook-layout 1"

    /// The drawings under `root`, for the engine `engine` gives (asked once, when a drawing is first looked up).
    init(_ root: URL, engine: @escaping @Sendable () -> String = { EngineVersion.current }) {
        (self.root, self.engine) = (root, engine)
    }

    /// Whether no drawing of this engine is kept yet (its folder is new): a build that
    /// runs lectures will then need Graphviz, and starts it early.
    var isEmpty: Bool {
        _ = folder()
        return lock.withLock { if case .known(_, let made) = state { made } else { true } }
    }

    func svg(of dot: String) -> String? {
        guard let folder = folder(), let data = try? Data(contentsOf: entry(of: dot, in: folder)) else { return nil }
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> String? in
            guard var rest = BuildCache.body(of: raw.bindMemory(to: UInt8.self), magic: Self.magic),
                  let newline = rest.firstIndex(of: UInt8(ascii: "\n")),
                  let count = Int(String(decoding: rest[..<newline], as: UTF8.self)) else { return nil }
            rest = rest[(newline + 1)...]
            let text = Array(dot.utf8)
            guard count == text.count, count <= rest.count, rest.prefix(count).elementsEqual(text) else { return nil }
            return String(decoding: rest.dropFirst(count), as: UTF8.self)
        }
    }

    func keep(_ svg: String, of dot: String) {
        guard let folder = folder() else { return }
        let text = Array(dot.utf8)
        let body = Array("\(text.count)\n".utf8) + text + Array(svg.utf8)
        let header = "\(Self.magic) \(Checksum.crc32(body)) \(body.count)\n"
        try? AtomicFile.write(Array(header.utf8) + body, to: entry(of: dot, in: folder))
    }

    private func entry(of dot: String, in folder: URL) -> URL {
        folder.appendingPathComponent(Checksum.name(dot) + ".layout")
    }

    /// This engine's folder, its `engine` file checked (or written) once per process; nil when it cannot be.
    private func folder() -> URL? {
        lock.withLock {
            if case .known(let folder, _) = state { return folder }
            let (folder, made) = open(for: engine())
            state = .known(folder, made: made)
            return folder
        }
    }

    /// The folder of `engine`'s drawings: as it is when its `engine` file holds exactly
    /// `engine`; else made afresh (`made`), the folders of other engines removed.
    private func open(for engine: String) -> (URL?, made: Bool) {
        let folder = root.appendingPathComponent(Checksum.name(engine), isDirectory: true)
        let file = folder.appendingPathComponent("engine"), bytes = Array(engine.utf8)
        if let found = try? Data(contentsOf: file), found.elementsEqual(bytes) { return (folder, false) }
        let manager = FileManager.default
        for name in (try? manager.contentsOfDirectory(atPath: root.path)) ?? [] {
            try? manager.removeItem(at: root.appendingPathComponent(name))
        }
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            try AtomicFile.write(bytes, to: file)
            return (folder, true)
        } catch {
            return (nil, true)
        }
    }
}
