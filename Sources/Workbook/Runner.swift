import Diagnostics
import GraphSpec

/// Runs the examples of lectures through the spec language and the engine.
public enum Runner {
    /// Runs every example of `lecture`; one failing example does not stop the others.
    public static func run(_ lecture: Lecture) -> LectureResult {
        LectureResult(lecture: lecture, examples: lecture.examples.map { run($0, of: lecture) })
    }

    /// Runs one example, its diagnostics pointing at the lecture's lines.
    public static func run(_ example: Example, of lecture: Lecture) -> ExampleResult {
        let source = Source(example.spec, path: lecture.path, firstLine: example.firstLine, indent: example.indent)
        let evaluation = Evaluator.evaluate(source)
        let failures = evaluation.checks.filter { !$0.passed }.map { failure($0, in: lecture) }
        let diagnostics = (evaluation.diagnostics + failures).sorted {
            ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column)
        }
        return ExampleResult(example: example, evaluation: evaluation, diagnostics: diagnostics)
    }

    /// The error for a check that failed: `expected df/dx = -3, computed -4`.
    static func failure(_ check: CheckResult, in lecture: Lecture) -> Diagnostic {
        let computed = check.computed.map { $0.description.split(separator: "\n").map { $0.trimmingBoth() }.joined(separator: " ") }
        let message: String
        switch check.kind {
        case .expect: message = "expected \(check.text), computed \(computed ?? "nothing")"
        case .gradcheck: message = "gradient check failed: \(check.detail)"
        }
        let line = check.location.line
        return Diagnostic(.error, message, at: check.location, length: check.text.count,
                          sourceLine: line <= lecture.lines.count ? lecture.lines[line - 1] : "")
    }
}
