import Foundation
import Workbook

/// The files a course is made of, looked at every `interval`: the lectures named on
/// the command line, the `.md` files of the folders named, and every file the
/// lectures include. A change is any file that appears, vanishes, or has a new
/// size, modification time or inode (editors that save by renaming a new file).
///
/// Polling with `stat` rather than inotify: a course is tens of files, so a look
/// costs well under a millisecond, works the same on macOS, and sees saves that
/// replace a file (which an inotify watch on the old file would lose).
struct Watcher {
    /// What the files looked like: path → `size mtime inode`, or the names in a folder.
    typealias Snapshot = [String: String]

    let paths: [String]

    /// The state of the course's files, `included` among them.
    func snapshot(including included: [String]) -> Snapshot {
        var snapshot: Snapshot = [:]
        for path in paths + included {
            snapshot[path] = Self.identity(path)
            if let names = try? FileManager.default.contentsOfDirectory(atPath: path) {
                for name in names where name.hasSuffix(".md") {
                    let file = (path as NSString).appendingPathComponent(name)
                    snapshot[file] = Self.identity(file)
                }
            }
        }
        return snapshot
    }

    /// The files the lectures include, as paths (relative to where gradbook runs, as the lectures' are).
    static func included(by lectures: [Lecture]) -> [String] {
        lectures.flatMap { lecture in
            lecture.inclusions.map { (((lecture.path as NSString).deletingLastPathComponent as NSString)
                .appendingPathComponent($0.path) as NSString).standardizingPath }
        }
    }

    private static func identity(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "missing" }
        return "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)"
    }
}
