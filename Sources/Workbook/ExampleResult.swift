import Diagnostics
import GraphSpec

/// What running one example gave: its evaluation (graph, values, gradients,
/// checks, training runs) and the diagnostics of the lecture that it raised.
public struct ExampleResult {
    /// The example.
    public let example: Example
    /// Everything the spec computed.
    public let evaluation: Evaluation
    /// The evaluation's diagnostics, plus one error for every failed check.
    public let diagnostics: [Diagnostic]

    /// Whether every check passed and nothing went wrong.
    public var passed: Bool { !diagnostics.containsError }
}

/// A lecture with the results of its examples.
public struct LectureResult {
    /// The lecture.
    public let lecture: Lecture
    /// One result per example, in order.
    public let examples: [ExampleResult]

    /// The lecture's own diagnostics and those of its examples.
    public var diagnostics: [Diagnostic] { lecture.diagnostics + examples.flatMap(\.diagnostics) }
    /// The number of checks, and of those that passed.
    public var checkCounts: (total: Int, passed: Int) {
        let checks = examples.flatMap(\.evaluation.checks)
        return (checks.count, checks.filter(\.passed).count)
    }
}

/// What is left of a lecture's result once its pages are made: what the
/// summary line, the diagnostics and the exit code need, without the graphs.
public struct LectureSummary: Sendable {
    /// The lecture.
    public let lecture: Lecture
    /// The lecture's own diagnostics and those of its examples.
    public let diagnostics: [Diagnostic]
    /// The number of examples.
    public let examples: Int
    /// The number of checks, and of those that passed.
    public let checkCounts: (total: Int, passed: Int)
    /// Whether the lecture or a spec of it is malformed (not a failed check, an error in the input).
    public let hasInputError: Bool

    /// The summary of a lecture that was run.
    public init(_ result: LectureResult) {
        (lecture, diagnostics, examples, checkCounts) = (result.lecture, result.diagnostics, result.examples.count, result.checkCounts)
        hasInputError = (result.lecture.diagnostics + result.examples.flatMap(\.evaluation.diagnostics)).containsError
    }
}
