import Diagnostics
import Dispatch
import Foundation

/// The lectures of a course: found on disk, loaded, and run.
public enum Course {
    /// The lecture files named by `paths`: a directory gives its `.md` files
    /// (sorted), a file gives itself. Anything unreadable is a diagnostic.
    public static func load(_ paths: [String]) -> (lectures: [Lecture], diagnostics: [Diagnostic]) {
        var lectures: [Lecture] = [], diagnostics: [Diagnostic] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(problem("cannot read '\(path)': no such file or directory", path))
                continue
            }
            let files = isDirectory.boolValue ? markdownFiles(in: path) : [path]
            for file in files {
                switch read(file) {
                case .success(let text): lectures.append(Lecture(path: file, text: text))
                case .failure(let diagnostic): diagnostics.append(diagnostic)
                }
            }
        }
        return (uniqueSlugs(lectures), diagnostics)
    }

    /// Gives every lecture a page of its own: of `a b.md` and `a!b.md` (both `a-b`) the
    /// second becomes `a-b-2`, and none takes the contents' `index` or `README`. Names are
    /// compared ignoring case, as macOS's file system does.
    static func uniqueSlugs(_ lectures: [Lecture]) -> [Lecture] {
        var taken: Set<String> = ["index", "readme"]
        return lectures.map { lecture in
            var lecture = lecture, slug = lecture.slug, n = 1
            while taken.contains(slug.lowercased()) {
                n += 1
                slug = "\(lecture.slug)-\(n)"
            }
            taken.insert(slug.lowercased())
            lecture.slug = slug
            return lecture
        }
    }

    /// Runs every lecture, on every core; the results keep the lectures' order.
    /// `finished` hears the count of lectures done after each one.
    public static func run(_ lectures: [Lecture], finished: @Sendable (Int) -> Void = { _ in }) -> [LectureResult] {
        let slots = Slots<LectureResult>(lectures.count)
        DispatchQueue.concurrentPerform(iterations: lectures.count) { i in
            finished(slots.put(Runner.run(lectures[i]), at: i))
        }
        return slots.values
    }

    private static func markdownFiles(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted().map { prefix + $0 }
    }

    private static func read(_ path: String) -> Result<String, Diagnostic> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let data = FileManager.default.contents(atPath: path) else {
            return .failure(problem("cannot read '\(path)': it is not a readable file", path))
        }
        return TextDecoding.decode(Array(data), path: path)
    }

    private static func problem(_ message: String, _ path: String) -> Diagnostic {
        Diagnostic(.error, message, at: SourceLocation(path: path, line: 1, column: 1))
    }
}

/// One slot per lecture, each written by exactly one worker, read after all have finished.
private final class Slots<T>: @unchecked Sendable {
    private var storage: [T?]
    private var filled = 0
    private let lock = NSLock()

    init(_ count: Int) { storage = Array(repeating: nil, count: count) }

    /// Stores a value and gives how many slots are filled.
    func put(_ value: T, at index: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        storage[index] = value
        filled += 1
        return filled
    }

    var values: [T] { storage.map { $0! } }
}
