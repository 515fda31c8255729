import Foundation

/// What `serve` tells the open pages: a generation number that goes up after every
/// rebuild, and what went wrong with the last one. A page long-polls
/// `/_gradbook/wait?after=N`, which answers as soon as the generation passes N (or
/// after `patience`, with the same N), and reloads itself when it has.
final class LiveReload: @unchecked Sendable {
    /// Tells this server's answers from those of one started later (which counts from 0 again).
    let session = UUID().uuidString
    private let lock = NSLock()
    private var generation = 0
    private var problems = ""
    private var waiting: [Int: CheckedContinuation<Int, Never>] = [:]
    private var expired: Set<Int> = []
    private var nextWaiter = 0

    /// The generation and the problems of the last rebuild (empty when there were none).
    var state: (generation: Int, problems: String) { lock.withLock { (generation, problems) } }

    /// Starts the next generation, with the last rebuild's `problems`, and answers every page waiting.
    func publish(problems: String) {
        let (now, woken) = lock.withLock { () -> (Int, [Int: CheckedContinuation<Int, Never>]) in
            generation += 1
            self.problems = problems
            defer { waiting = [:] }
            return (generation, waiting)
        }
        for continuation in woken.values { continuation.resume(returning: now) }
    }

    /// The generation, as soon as it is past `after`, or after `patience` whatever it is.
    func wait(after: Int, patience: Duration) async -> Int {
        let id = lock.withLock { () -> Int in
            nextWaiter += 1
            return nextWaiter
        }
        let timer = Task {
            // Cancelled once the wait is over: then there is nothing to give up.
            guard (try? await Task.sleep(for: patience)) != nil else { return }
            self.give(up: id)
        }
        defer { timer.cancel() }
        return await withCheckedContinuation { continuation in
            let now = lock.withLock { () -> Int? in
                if generation > after || expired.remove(id) != nil { return generation }
                waiting[id] = continuation
                return nil
            }
            if let now { continuation.resume(returning: now) }
        }
    }

    /// Ends waiter `id`'s wait (or, when it has not started waiting yet, its wait before it starts).
    private func give(up id: Int) {
        let (continuation, now) = lock.withLock { () -> (CheckedContinuation<Int, Never>?, Int) in
            let continuation = waiting.removeValue(forKey: id)
            if continuation == nil { expired.insert(id) }
            return (continuation, generation)
        }
        continuation?.resume(returning: now)
    }

    /// The script served at the end of every page: wait for the next generation, then reload.
    func script(generation: Int) -> String {
        """
        <script>/* gradbook serve: reloads this page when its lectures are rebuilt */
        (function () {
          var session = "\(session)", generation = \(generation);
          function wait() {
            fetch("/_gradbook/wait?after=" + generation, { cache: "no-store" })
              .then(function (response) { return response.text(); })
              .then(function (text) {
                var fields = text.split(" ");
                if (fields[0] !== session || Number(fields[1]) > generation) { location.reload(); } else { wait(); }
              })
              .catch(function () { setTimeout(wait, 1000); });
          }
          wait();
        })();
        </script>

        """
    }
}
