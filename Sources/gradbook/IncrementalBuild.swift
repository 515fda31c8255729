import Diagnostics
import Foundation
import GraphSpec
import Render
import Workbook

/// One build of the workbook in memory, taking from the build cache every lecture
/// whose `CacheKey` is unchanged and running only the others. Its files are the
/// files `Book.render` gives for all lectures run afresh: a lecture's files depend
/// only on what its key holds, and the contents only on each lecture's row.
struct IncrementalBuild {
    /// Every file of the workbook, sorted by path.
    let files: [OutputFile]
    /// The lectures that were run, in the order they were found.
    let results: [LectureResult]
    /// The rows of the lectures taken from the cache.
    let reused: [ContentsRow]
    /// Lectures that could not be read.
    let loadErrors: [Diagnostic]
    /// Every lecture found, in course order (for watching the files they include).
    let lectures: [Lecture]
    /// The lectures run afresh with no diagnostic, ready to be kept: their keys, files and rows.
    private let fresh: [(key: CacheKey, files: [OutputFile], row: ContentsRow)]

    /// Loads the lectures at `paths` and builds them, running only those not in `cache` (all, without one).
    init(_ paths: [String], limits: Limits = Limits(), unsafeHTML: Bool, cache: BuildCache?, quiet: Bool = false) {
        let (loaded, loadErrors) = Course.load(paths, limits: limits)
        let lectures = Book.ordered(loaded)
        let neighbours = Book.neighbours(in: lectures)
        let keys = cache.map { _ in lectures.indices.map { CacheKey(lectures[$0], neighbours: neighbours[$0], unsafeHTML: unsafeHTML) } }
        var kept = [String: (files: [OutputFile], row: ContentsRow)]()
        for key in keys ?? [] { kept[key.slug] = cache?.lookup(key) }
        // The others run in the order they were found, as `check` runs them.
        let results = Session.run(loaded.filter { kept[$0.slug] == nil }, quiet: quiet)
        let place = Dictionary(uniqueKeysWithValues: lectures.indices.map { (lectures[$0].slug, $0) })
        let places = results.compactMap { place[$0.lecture.slug] }
        precondition(places.count == results.count, "page names are unique in a course")
        let drawn = Book.pages(of: zip(results, places).map { ($0, neighbours[$1]) }, unsafeHTML: unsafeHTML)
        var fresh: [(key: CacheKey, files: [OutputFile], row: ContentsRow)] = []
        for ((result, i), files) in zip(zip(results, places), drawn) {
            kept[result.lecture.slug] = (files, ContentsRow(result))
            if let keys, result.diagnostics.isEmpty { fresh.append((keys[i], files, ContentsRow(result))) }
        }
        let all = lectures.compactMap { kept[$0.slug] }
        precondition(all.count == lectures.count, "every lecture is run or reused")
        files = Book.assemble(pages: all.flatMap(\.files), contents: all.map(\.row))
        let run = Set(results.map(\.lecture.slug))
        reused = lectures.filter { !run.contains($0.slug) }.compactMap { kept[$0.slug]?.row }
        (self.results, self.loadErrors, self.lectures, self.fresh) = (results, loadErrors, lectures, fresh)
    }

    /// Keeps the lectures run afresh in `cache`, for the next build.
    func store(in cache: BuildCache) {
        for lecture in fresh { cache.store(lecture.key, files: lecture.files, row: lecture.row) }
    }
}
