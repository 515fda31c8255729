import Foundation
import Autodiff
import Testing
@testable import Workbook

/// Weak references to graphs, to see that nobody holds them any more.
private final class Graphs: @unchecked Sendable {
    private struct Weak { weak var graph: Graph? }
    private let lock = NSLock()
    private var graphs: [Weak] = []
    func watch(_ graph: Graph) { lock.withLock { graphs.append(Weak(graph: graph)) } }
    var watched: Int { lock.withLock { graphs.count } }
    var alive: Int { lock.withLock { graphs.filter { $0.graph != nil }.count } }
}

/// What `Course.run` handed over, from several cores.
private final class Handed: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [(String, Int)] = []
    func add(_ path: String, _ done: Int) { lock.withLock { seen.append((path, done)) } }
    var paths: [String] { lock.withLock { seen.map(\.0) } }
    var counts: [Int] { lock.withLock { seen.map(\.1) } }
}

/// Long training runs start first; results still come back in course order.
@Suite struct ScheduleTests {
    func lecture(_ path: String, _ specs: [String]) -> Lecture {
        Lecture(path: path, text: specs.map { "```graph\n\($0)\n```\n" }.joined(separator: "\n"))
    }

    @Test func theGuessIsTheNumberOfTrainingSteps() {
        #expect(Schedule.steps(in: "w = 5\nL = w^2\nminimize L over w with gd(lr: 0.1) for 10 steps") == 10)
        #expect(Schedule.steps(in: "minimize L over w with sgd(lr: 1) for 200 steps batch 32\n"
            + "minimize L over v with adam(lr: 0.1) for 1 step") == 201)
        #expect(Schedule.steps(in: "x = -2\ny = 5\nf = (x + y) * -4") == 0)
        #expect(Schedule.steps(in: "# σ(x) for two steps\r\nminimize L over W with sgd(lr: 1)\tfor 300 steps\r\n") == 300)
    }

    @Test func theLectureWithTheLongestExampleStartsFirstAndItsExamplesStayTogether() {
        let lectures = [
            lecture("a.md", ["x = 1", "w = 5\nL = w^2\nminimize L over w with gd(lr: 0.1) for 10 steps"]),
            lecture("b.md", ["y = 2", "v = 5\nL = v^2\nminimize L over v with gd(lr: 0.1) for 1000 steps"]),
            lecture("c.md", ["z = 3"]),
        ]
        let order = Schedule.order(lectures).map { [$0.lecture, $0.example] }
        #expect(order == [[1, 1], [1, 0], [0, 1], [0, 0], [2, 0]])
    }

    @Test func eachLectureIsHandedOverOnceWithAllItsExamplesAndOnlyWhatIsKeptStays() {
        let lectures = [
            lecture("a.md", ["x = 1\nexpect x = 1", "y = 2\nexpect y = 3"]),
            lecture("b.md", []),
            lecture("c.md", ["v = 5\nL = v^2\nminimize L over v with gd(lr: 0.1) for 100 steps"]),
        ]
        let handed = Handed()
        let kept = Course.run(lectures) { result, done in
            handed.add(result.lecture.path, done)
            return "\(result.lecture.path): \(result.examples.count) examples, \(result.checkCounts.passed)/\(result.checkCounts.total)"
        }
        #expect(kept == ["a.md: 2 examples, 1/2", "b.md: 0 examples, 0/0", "c.md: 1 examples, 0/0"])
        #expect(handed.paths.sorted() == ["a.md", "b.md", "c.md"])
        #expect(handed.counts.sorted() == [1, 2, 3])
    }

    @Test func resultsKeepTheLecturesAndExamplesInTheirOrder() {
        let lectures = [
            lecture("a.md", ["x = 1\nexpect x = 1", "w = 5\nL = w^2\nminimize L over w with gd(lr: 0.1) for 10 steps"]),
            lecture("b.md", []),
            lecture("c.md", ["v = 5\nL = v^2\nminimize L over v with gd(lr: 0.1) for 1000 steps\nexpect v <= 0.001"]),
        ]
        let results = Course.run(lectures)
        #expect(results.map(\.lecture.path) == ["a.md", "b.md", "c.md"])
        #expect(results.map(\.examples.count) == [2, 0, 1])
        #expect(results[0].examples.map(\.example.spec) == lectures[0].examples.map(\.spec))
        #expect(results[0].checkCounts == (1, 1) && results[2].checkCounts == (1, 1))
    }

    @Test func aLecturesGraphsAreLetGoOnceHandedOver() {
        let lectures = (1...4).map { lecture("\($0).md", ["W = randn(50, 50, seed: \($0))\nL = sum(W @ W)", "x = 1"]) }
        let graphs = Graphs()
        let kept = Course.run(lectures) { result, _ in
            for example in result.examples { graphs.watch(example.evaluation.graph) }
            return result.examples.count
        }
        #expect(kept == [2, 2, 2, 2])
        #expect(graphs.watched == 8)
        #expect(graphs.alive == 0)
    }
}
