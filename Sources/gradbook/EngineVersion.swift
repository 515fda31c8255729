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
        // Lines are split as bytes: as Strings (or through Data's generic search) they
        // took half the time of finding the engine.
        let (newline, slash, dot, s, o) = (UInt8(ascii: "\n"), UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: "s"), UInt8(ascii: "o"))
        var paths: Set<String> = []
        for line in [UInt8](data).split(separator: newline) {
            guard let start = line.firstIndex(of: slash) else { continue }
            let path = line[start...]
            let library = path.indices.dropLast(2).contains { path[$0] == dot && path[$0 + 1] == s && path[$0 + 2] == o }
            if library { paths.insert(String(decoding: path, as: UTF8.self)) }
        }
        return paths.sorted()
    }

    /// Every file and folder under `folder`, sorted (none when it does not exist); links
    /// are listed, not followed. Read with `readdir`: Foundation's enumerator looked up
    /// each file's owner, reading /etc/passwd and /etc/group for every folder of fonts.
    private static func tree(_ folder: String) -> [String] {
        var found: [String] = []
        walk(folder, into: &found)
        return found.sorted()
    }

    private static func walk(_ folder: String, into found: inout [String]) {
        guard let listing = opendir(folder) else { return }
        defer { closedir(listing) }
        while let entry = readdir(listing) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name != ".", name != ".." else { continue }
            let path = folder + "/" + name
            found.append(path)
            var info = stat()
            let isFolder = Int32(entry.pointee.d_type) == Int32(DT_DIR)
                || (Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) && lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR)
            if isFolder { walk(path, into: &found) }
        }
    }

    /// `path size mtime inode`, or `path missing`.
    private static func identity(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "\(path) missing" }
        return "\(path) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)"
    }
}
