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
        var lectures: [Lecture] = [], diagnostics: [Diagnostic] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                if case .failure(let diagnostic) = read(path, limit: limits.lectureBytes) { diagnostics.append(diagnostic) }
                continue
            }
            let files = isDirectory.boolValue ? markdownFiles(in: path) : [path]
            for file in files {
                switch read(file, limit: limits.lectureBytes) {
                case .success(let text):
                    var lecture = Lecture(path: file, text: text, limits: limits)
                    include(into: &lecture)
                    lectures.append(lecture)
                case .failure(let diagnostic): diagnostics.append(diagnostic)
                }
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
        let work = Schedule.order(lectures)
        // Examples side by side keep the cores busy; a lone one may give them to its products.
        MatrixProducts.allowThreads(work.count > 1 ? 1 : ProcessInfo.processInfo.activeProcessorCount)
        let slots = Slots<ExampleResult>(work.count)
        let progress = Progress(lectures.map(\.examples.count))
        for lecture in lectures where lecture.examples.isEmpty { finished(progress.lectureDone()) }
        DispatchQueue.concurrentPerform(iterations: work.count) { i in
            let (l, e) = work[i]
            _ = slots.put(Runner.run(lectures[l].examples[e], of: lectures[l]), at: i)
            if let done = progress.exampleDone(of: l) { finished(done) }
        }
        var examples = lectures.map { [ExampleResult?](repeating: nil, count: $0.examples.count) }
        for (i, result) in slots.values.enumerated() { examples[work[i].lecture][work[i].example] = result }
        return lectures.indices.map { LectureResult(lecture: lectures[$0], examples: examples[$0].map { $0! }) }
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

/// One slot per lecture, each written by exactly one worker, read after all have finished.
/// Counts finished examples, to tell when a whole lecture is done.
private final class Progress: @unchecked Sendable {
    private var remaining: [Int]
    private var lecturesDone = 0
    private let lock = NSLock()

    init(_ examples: [Int]) { remaining = examples }

    /// Marks a lecture without examples as done; returns the lectures done so far.
    func lectureDone() -> Int {
        lock.lock()
        defer { lock.unlock() }
        lecturesDone += 1
        return lecturesDone
    }

    /// Marks one example of lecture `l` as done; the lectures done so far when that finished `l`.
    func exampleDone(of l: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        remaining[l] -= 1
        guard remaining[l] == 0 else { return nil }
        lecturesDone += 1
        return lecturesDone
    }
}

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
