import Autodiff
import Foundation

/// What stands for "the same gradbook" in the build cache: the identity (path, size,
/// modification time to the nanosecond, inode) of every file that decides how a
/// lecture's pages come out. Read once per process, by `stat` only.
///
/// Hashing the executable's bytes instead would cost a read of the whole binary
/// (tens of megabytes) on every build, for no gain in safety: any rebuild of
/// gradbook writes a new file, with a new time. Identical code rebuilt is only a
/// miss, never a wrong page.
enum EngineVersion {
    /// The identity lines, one per file, in a fixed order.
    static let current: String = files().map(identity).joined(separator: "\n")

    /// Starts finding `current` on a thread of its own, while the lectures load:
    /// some 250 `stat`s and a read of the memory map, which the build waited for
    /// before it could look up a single lecture.
    static func prepare() { Thread.detachNewThread { _ = current } }

    /// The files: gradbook itself; every shared library it has mapped (libcmark,
    /// Graphviz, OpenBLAS, Foundation…); Graphviz's plugins (loaded later, when the
    /// first graph is drawn); the fonts its text is measured with; and Debian's
    /// package list, which changes whenever a library or font is installed or upgraded.
    private static func files() -> [String] {
        let libraries = mappedLibraries()
        var files = [executable()] + libraries + opened(MatrixProducts.library, besides: libraries)
        let graphvizPlugins = Set(files.filter { $0.contains("/libgvc.so") }.map { ($0 as NSString).deletingLastPathComponent + "/graphviz" })
        for folder in graphvizPlugins.sorted() + ["/etc/fonts", "/usr/share/fonts", "/usr/local/share/fonts"] {
            files += tree(folder)
        }
        return files + ["/var/lib/dpkg/status"]
    }

    /// A library the engine opens only when it needs it (OpenBLAS): the file its name
    /// leads to in the folders of the libraries already loaded, its links followed.
    private static func opened(_ name: String, besides libraries: [String]) -> [String] {
        let folders = Set(libraries.map { ($0 as NSString).deletingLastPathComponent }).sorted()
        let found = folders.map { ($0 as NSString).appendingPathComponent(name) }.first { FileManager.default.fileExists(atPath: $0) }
        return found.map { [URL(fileURLWithPath: $0).resolvingSymlinksInPath().path] } ?? []
    }

    /// The running executable, its symbolic links resolved.
    private static func executable() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
    }

    /// The shared libraries in this process's memory map (Linux's `/proc/self/maps`), sorted.
    private static func mappedLibraries() -> [String] {
        // Read to the end: /proc files say they are empty, and a read by size stops short.
        guard let file = FileHandle(forReadingAtPath: "/proc/self/maps"), let data = try? file.readToEnd() else { return [] }
        // Lines are split as bytes: as Strings they took half the time of finding the engine.
        var paths: Set<String> = []
        for line in data.split(separator: UInt8(ascii: "\n")) {
            guard let slash = line.firstIndex(of: UInt8(ascii: "/")) else { continue }
            let path = line[slash...]
            if path.firstRange(of: Array(".so".utf8)) != nil { paths.insert(String(decoding: path, as: UTF8.self)) }
        }
        return paths.sorted()
    }

    /// Every file under `folder`, sorted (none when it does not exist).
    private static func tree(_ folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        return walker.compactMap { ($0 as? String).map { folder + "/" + $0 } }.sorted()
    }

    /// `path size mtime inode`, or `path missing`.
    private static func identity(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "\(path) missing" }
        return "\(path) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)"
    }
}
