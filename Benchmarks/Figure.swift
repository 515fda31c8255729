import Autodiff
import Foundation

/// One measured figure, printed as one JSON line for `Benchmarks/run.py`,
/// which runs every workload of gradbook and of its peers in its own process
/// and reads the same kind of line from each.
struct Figure {
    var workload: String
    var figure: Double
    var unit: String
    /// What else the run computed: final loss, accuracy, the gradient check's worst error.
    var extra: [String: Any] = [:]

    func print() {
        var line: [String: Any] = ["workload": workload, "implementation": "gradbook", "figure": figure, "unit": unit]
        line.merge(extra) { first, _ in first }
        let data = (try? JSONSerialization.data(withJSONObject: line, options: [.sortedKeys])) ?? Data()
        Swift.print(String(decoding: data, as: UTF8.self))
    }
}

/// Seconds `body` takes.
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
}

/// Median of several timed runs of `body`, in seconds.
func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs { times.append(try seconds(body)) }
    return times.sorted()[runs / 2]
}

func format(_ x: Double) -> String { Tensor.format(x, significant: 3) }
