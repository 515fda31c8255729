import CGraphviz
import Foundation
import Synchronization

/// Graph layout through Graphviz in process: the one file that touches it.
///
/// Graphviz is not thread-safe, so every layout goes through one context
/// behind a lock. C pointers never leave this file.
enum Graphviz {
    /// A layout that Graphviz refused (the DOT text is ours, so this is a bug, not a user mistake).
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The context, made by the first layout. Its lock is a pthread mutex, whose
    /// waiters sleep: Swift's `Mutex` is a priority-inheriting futex, whose
    /// waiters the kernel spins while the holder runs — a whole layout, a
    /// millisecond and more — on a core that has examples to run. In a build of
    /// 50 copies of the course that spinning was 2 % of the CPU (perf,
    /// `rt_mutex_slowlock_block`).
    nonisolated(unsafe) private static var context: OpaquePointer?
    private static let lock = NSLock()

    /// Starts Graphviz now, on a thread of its own, by laying out `rehearsal`:
    /// making its context (loading its plugins) and the first layouts (loading
    /// Pango, the fonts in each face and size, their glyphs) take 14 ms and
    /// more, which then overlap the loading and running of the lectures instead
    /// of delaying the first drawings. The drawing itself is thrown away. Once
    /// per process (`serve` builds again and again).
    static func start(rehearsing rehearsal: String) {
        started.withLock { started in
            guard !started else { return }
            started = true
            Thread.detachNewThread { _ = try? svg(rehearsal) }
        }
    }

    private static let started = Mutex(false)

    /// The SVG of a DOT graph laid out by `dot`, without the XML prolog.
    static func svg(_ dot: String) throws(Failure) -> String {
        let result: Result<[UInt8], Failure> = lock.withLock {
            if context == nil {
                agseterr(AGMAX)  // Graphviz prints warnings to stderr; a page has no use for them
                context = gvContext()
            }
            guard let gvc = context else { return .failure(Failure(description: "Graphviz could not start")) }
            guard let graph = agmemread(dot) else { return .failure(Failure(description: "Graphviz could not read the graph")) }
            defer { agclose(graph) }
            guard gvLayout(gvc, graph, "dot") == 0 else { return .failure(Failure(description: "Graphviz could not lay out the graph")) }
            defer { gvFreeLayout(gvc, graph) }
            var data: UnsafeMutablePointer<CChar>?
            var length: UInt32 = 0
            guard gvRenderData(gvc, graph, "svg", &data, &length) == 0, let data else {
                return .failure(Failure(description: "Graphviz could not render SVG"))
            }
            defer { gvFreeRenderData(data) }
            // Copied out as bytes; made a String after the lock, while another core may lay out.
            return .success(Array(UnsafeRawBufferPointer(start: data, count: Int(length))))
        }
        return try String(decoding: result.get(), as: UTF8.self).strippingProlog()
    }
}

extension String {
    /// The SVG from its `<svg` tag on: no XML declaration, doctype or generator comment.
    func strippingProlog() -> String {
        guard let start = firstRange(of: "<svg") else { return self }
        return String(self[start.lowerBound...])
    }
}
