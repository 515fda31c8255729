import Diagnostics
import Foundation
import GraphSpec
import Render
import Workbook

/// One build of the workbook, taking from the build cache every lecture whose
/// `CacheKey` is unchanged and running only the others. A lecture's files depend
/// only on what its key holds, and the contents only on each lecture's row.
///
/// A lecture is drawn as soon as its examples are done, on the core that ran
/// them, and its files handed on and let go: a course of hundreds of lectures
/// never holds more than a few lectures' graphs and pages at once, and drawing
/// (Graphviz) overlaps the running of the others.
struct IncrementalBuild: Sendable {
    /// Every lecture found, in course order (for watching the files they include).
    let lectures: [Lecture]
    /// Lectures that could not be read.
    let loadErrors: [Diagnostic]
    /// The lectures in the order they were found, as `check` runs them.
    private let found: [Lecture]
    private let neighbours: [String: Neighbours]
    private let keys: [String: CacheKey]
    private let cached: [String: (files: [OutputFile], row: ContentsRow)]
    private let cache: BuildCache?
    private let unsafeHTML: Bool

    /// What a build did.
    struct Outcome {
        /// The lectures that were run, in the order they were found.
        let results: [LectureSummary]
        /// The rows of the lectures taken from the cache.
        let reused: [ContentsRow]
        /// The files no lecture owns: the theme and the tables of contents.
        let shared: [OutputFile]
    }

    /// Loads the lectures at `paths` and looks each up in `cache` (none is found without one).
    init(_ paths: [String], limits: Limits = Limits(), unsafeHTML: Bool, cache: BuildCache?) {
        if cache != nil { EngineVersion.prepare() }
        let (found, loadErrors) = Course.load(paths, limits: limits)
        let lectures = Book.ordered(found)
        let neighbours = Book.neighbours(in: lectures)
        var keys: [String: CacheKey] = [:], cached: [String: (files: [OutputFile], row: ContentsRow)] = [:]
        if let cache {
            // Entries are read and checked on every core.
            let found = Array(lectures.indices).concurrentMap { i in
                let key = CacheKey(lectures[i], neighbours: neighbours[i], unsafeHTML: unsafeHTML)
                return (key, cache.lookup(key))
            }
            for (key, entry) in found {
                keys[key.slug] = key
                cached[key.slug] = entry
            }
        }
        self.neighbours = Dictionary(uniqueKeysWithValues: zip(lectures.map(\.slug), neighbours))
        (self.lectures, self.loadErrors, self.found, self.keys, self.cached) = (lectures, loadErrors, found, keys, cached)
        (self.cache, self.unsafeHTML) = (cache, unsafeHTML)
    }

    /// Runs the lectures not in the cache and gives every lecture's files to
    /// `pages`: those taken from the cache while the others run, and each other
    /// as soon as it is drawn, from whichever core ran it. Without `pages` the
    /// lectures run and nothing is drawn. A lecture run afresh without a
    /// diagnostic is kept in the cache.
    func run(quiet: Bool = false, pages: (@Sendable ([OutputFile]) -> Void)?) -> Outcome {
        let toRun = found.filter { cached[$0.slug] == nil }
        if pages != nil, toRun.contains(where: { !$0.examples.isEmpty }), cache?.layouts.isEmpty ?? true { Book.prepareDrawing() }
        // The reused lectures' files (5.8 MB for the course) are compared with the folder's
        // beside the lectures' runs, not before them: the edited lecture is drawn on one core.
        let reused = DispatchGroup()
        defer { reused.wait() }
        if let pages {
            let files = lectures.compactMap { cached[$0.slug]?.files }
            DispatchQueue.global().async(group: reused) { _ = files.concurrentMap(pages) }
        }
        let ran = Session.run(toRun, quiet: quiet) { result, summary in
            let row = ContentsRow(summary)
            guard let pages, let around = neighbours[result.lecture.slug] else { return row }
            let files = Book.pages(of: result, neighbours: around, unsafeHTML: unsafeHTML, layouts: cache?.layouts)
            pages(files)
            // On this core, not queued beside it: queued, a cold build of hundreds of lectures
            // could hold every lecture's files until the runs end.
            if let cache, let key = keys[result.lecture.slug], summary.diagnostics.isEmpty { cache.store(key, files: files, row: row) }
            return row
        }
        let rows = Dictionary(uniqueKeysWithValues: ran.map { ($0.summary.lecture.slug, $0.kept) })
        let all = lectures.compactMap { rows[$0.slug] ?? cached[$0.slug]?.row }
        precondition(all.count == lectures.count, "every lecture is run or reused")
        return Outcome(results: ran.map(\.summary), reused: lectures.compactMap { cached[$0.slug]?.row },
                       shared: Book.shared(contents: all))
    }
}
