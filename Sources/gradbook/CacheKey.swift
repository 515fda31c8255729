import Render
import Workbook

/// Everything a lecture's files are made from. Two builds with equal keys write the
/// same files for that lecture, so the second may take them from the first: the
/// lecture's text and the text of every file it includes, its path and page name,
/// its neighbours' page names and titles (its navigation bar), the options, the
/// limits it runs under, and the engine. The key is kept whole in the cache entry and compared byte by
/// byte (`encoded`): no hash stands in for it, so no collision can reuse the wrong pages.
struct CacheKey: Equatable {
    /// The entry format; a new one makes every old entry a miss.
    var format = 3
    let engine: String
    let unsafeHTML: Bool
    /// The limits of the run as the lecture's front matter leaves them: a lecture
    /// kept under generous limits may fail under tighter ones.
    let limits: String
    let path: String
    let slug: String
    let text: String
    /// Each included file: its path as written and its text (nil when it could not be read).
    let inclusions: [Included]
    let previous: Neighbour?
    let next: Neighbour?

    struct Included: Equatable {
        let path: String
        let text: String?
    }

    /// What a page shows of the lecture before or after it.
    struct Neighbour: Equatable {
        let slug: String
        let title: String
    }

    init(_ lecture: Lecture, neighbours: Neighbours, unsafeHTML: Bool, engine: String = EngineVersion.current) {
        self.engine = engine
        self.unsafeHTML = unsafeHTML
        limits = String(describing: lecture.limits)
        (path, slug, text) = (lecture.path, lecture.slug, lecture.text)
        inclusions = lecture.inclusions.map { Included(path: $0.path, text: $0.text) }
        previous = neighbours.previous.map { Neighbour(slug: $0.slug, title: $0.title) }
        next = neighbours.next.map { Neighbour(slug: $0.slug, title: $0.title) }
    }

    /// Every field, in order (`Fields`): two keys are equal exactly when these bytes are.
    var encoded: [UInt8] {
        var fields: [String?] = ["\(format)", engine, "\(unsafeHTML)", limits, path, slug, text, "\(inclusions.count)"]
        for included in inclusions { fields += [included.path, included.text] }
        for neighbour in [previous, next] { fields += [neighbour?.slug, neighbour?.title] }
        return Fields.encode(fields)
    }
}
