import Autodiff
import Diagnostics
import GraphSpec
import Dispatch
import Foundation

/// The lectures of a course: found on disk, loaded, and run.
public enum Course {
    /// The lecture files named by `paths`: a directory gives its `.md` files
    /// (sorted), a file gives itself. Anything unreadable is a diagnostic.
    /// Each lecture gets `limits`; a file bigger than `limits.lectureBytes` is refused unread.
    public static func load(_ paths: [String], limits: Limits = Limits()) -> (lectures: [Lecture], diagnostics: [Diagnostic]) {
        let files = paths.flatMap { path in
            var isDirectory: ObjCBool = false
            let found = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            return found && isDirectory.boolValue ? markdownFiles(in: path) : [path]
        }
        // Files are read and parsed on every core; a missing one is a diagnostic.
        let loaded = files.concurrentMap { file in
            read(file, limit: limits.lectureBytes).map { text in
                var lecture = Lecture(path: file, text: text, limits: limits)
                include(into: &lecture)
                return lecture
            }
        }
        var lectures: [Lecture] = [], diagnostics: [Diagnostic] = []
        for result in loaded {
            switch result {
            case .success(let lecture): lectures.append(lecture)
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        return (uniqueSlugs(lectures), diagnostics)
    }

    /// Gives every lecture a page of its own: of `a b.md` and `a!b.md` (both `a-b`) the
    /// second becomes `a-b-2`, and none takes the contents' `index` or `README`. Names are
    /// compared ignoring case, as macOS's file system does.
    /// A lecture renamed so is warned about: its pages are not where its file name says.
    static func uniqueSlugs(_ lectures: [Lecture]) -> [Lecture] {
        var taken: [String: String] = ["index": "the contents", "readme": "the contents"]
        return lectures.map { lecture in
            var lecture = lecture, slug = lecture.slug, n = 1
            while taken[slug.lowercased()] != nil {
                n += 1
                slug = "\(lecture.slug)-\(n)"
            }
            if let other = taken[lecture.slug.lowercased()] {
                lecture.diagnostics.append(Diagnostic(.warning, "this lecture's pages would take the name '\(lecture.slug)' of \(other); "
                    + "they are named '\(slug)'", at: SourceLocation(path: lecture.path, line: 1, column: 1),
                    hint: "rename the file so that its name differs in letters or digits"))
            }
            taken[slug.lowercased()] = taken[slug.lowercased()] ?? "'\(lecture.path)'"
            lecture.slug = slug
            return lecture
        }
    }

    /// Runs every example of every lecture, on every core, the longest first
    /// (see `Schedule`); the results keep the lectures' order. `finished` hears
    /// how many lectures are done each time one more is.
    public static func run(_ lectures: [Lecture], finished: @Sendable (Int) -> Void = { _ in }) -> [LectureResult] {
        run(lectures) { result, done in
            finished(done)
            return result
        }
    }

    /// Runs every example of every lecture, on every core, and hands each
    /// lecture's result to `finished` as soon as its last example is done, on
    /// the core that ran it, with the number of lectures done so far. Only what
    /// `finished` gives back is kept, in the lectures' order: a lecture's graphs
    /// and tensors need not outlive its pages.
    public static func run<Kept>(_ lectures: [Lecture], each finished: @Sendable (LectureResult, _ done: Int) -> Kept) -> [Kept] {
        let work = Schedule.order(lectures)
        // Examples side by side keep the cores busy; a lone one may give them to its products.
        MatrixProducts.allowThreads(work.count > 1 ? 1 : ProcessInfo.processInfo.activeProcessorCount)
        let examples = Examples(lectures), kept = Slots<Kept>(lectures.count), progress = Progress()
        for l in lectures.indices where lectures[l].examples.isEmpty {
            kept.put(finished(LectureResult(lecture: lectures[l], examples: []), progress.lectureDone()), at: l)
        }
        DispatchQueue.concurrentPerform(iterations: work.count) { i in
            let (l, e) = work[i]
            guard let results = examples.put(Runner.run(lectures[l].examples[e], of: lectures[l]), lecture: l, example: e) else { return }
            kept.put(finished(LectureResult(lecture: lectures[l], examples: results), progress.lectureDone()), at: l)
        }
        return kept.values
    }

    /// Reads the files a lecture includes; a path that is missing, absolute, or
    /// outside the folder above the lecture's is a diagnostic at its block.
    /// Links are followed before the check, so a link cannot quote a file from outside.
    static func include(into lecture: inout Lecture) {
        let folder = URL(fileURLWithPath: lecture.path).deletingLastPathComponent()
        let root = folder.deletingLastPathComponent().standardizedFileURL.resolvingSymlinksInPath().path + "/"
        for i in lecture.inclusions.indices {
            let inclusion = lecture.inclusions[i]
            let url = folder.appendingPathComponent(inclusion.path).standardizedFileURL.resolvingSymlinksInPath()
            if !inclusion.path.hasPrefix("/"), url.path.hasPrefix(root), let data = FileManager.default.contents(atPath: url.path) {
                lecture.inclusions[i].text = String(decoding: data, as: UTF8.self)
                continue
            }
            let line = inclusion.fenceLine
            lecture.diagnostics.append(Diagnostic(.error, "cannot include '\(inclusion.path)': no such file in this course",
                at: SourceLocation(path: lecture.path, line: line, column: 1),
                sourceLine: line <= lecture.lines.count ? lecture.lines[line - 1] : "",
                hint: "give a path relative to the lecture's folder, such as ../Sources/Autodiff/Ops/Multiply.swift"))
        }
    }

    private static func markdownFiles(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        // A folder's README.md describes the course; it is no lecture.
        return names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") && $0.lowercased() != "readme.md" }.sorted().map { prefix + $0 }
    }

    /// The text of a lecture file: its size is looked at first, so a huge file is refused, not read.
    private static func read(_ path: String, limit: Int) -> Result<String, Diagnostic> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            let isLink = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
            return .failure(problem("cannot read '\(path)': " + (isLink ? "it is a symbolic link to nothing" : "no such file or directory"), path,
                                    hint: isLink ? "point the link at a lecture, or remove it" : nil))
        }
        guard !isDirectory.boolValue else {
            return .failure(problem("cannot read '\(path)': it is a folder, not a lecture file", path,
                                    hint: "rename the folder so that its name does not end in .md"))
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        guard size <= limit else {
            return .failure(problem("the lecture is \(size) bytes, more than the limit of \(limit) for a lecture file", path,
                                    hint: "split it into several lectures, or raise the limit with --limit-lecture-bytes N"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(problem("cannot read '\(path)': permission denied or not a regular file", path))
        }
        return TextDecoding.decode(Array(data), path: path)
    }

    private static func problem(_ message: String, _ path: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: SourceLocation(path: path, line: 1, column: 1), hint: hint)
    }
}

/// Counts the lectures done.
private final class Progress: @unchecked Sendable {
    private var lecturesDone = 0
    private let lock = NSLock()

    /// Marks one more lecture as done; returns the lectures done so far.
    func lectureDone() -> Int {
        lock.withLock {
            lecturesDone += 1
            return lecturesDone
        }
    }
}

/// Each lecture's example results as they come, from several workers at once.
private final class Examples: @unchecked Sendable {
    private var results: [[ExampleResult?]]
    private var remaining: [Int]
    private let lock = NSLock()

    init(_ lectures: [Lecture]) {
        results = lectures.map { Array(repeating: nil, count: $0.examples.count) }
        remaining = lectures.map(\.examples.count)
    }

    /// Keeps example `e` of lecture `l`; when it was the lecture's last, hands them all over and keeps none.
    func put(_ result: ExampleResult, lecture l: Int, example e: Int) -> [ExampleResult]? {
        lock.withLock {
            results[l][e] = result
            remaining[l] -= 1
            guard remaining[l] == 0 else { return nil }
            defer { results[l] = [] }
            return results[l].map { $0! }
        }
    }
}

/// One value per lecture, each written by exactly one worker, read after all have finished.
private final class Slots<T>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()

    init(_ count: Int) { storage = Array(repeating: nil, count: count) }

    func put(_ value: T, at index: Int) { lock.withLock { storage[index] = value } }

    var values: [T] { lock.withLock { storage.map { $0! } } }
}
