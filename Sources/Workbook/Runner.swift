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
        let evaluation = Evaluator.evaluate(source, limits: lecture.limits)
        let diagnostics = (evaluation.diagnostics + evaluation.failures).sorted {
            ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column)
        }
        return ExampleResult(example: example, evaluation: evaluation, diagnostics: diagnostics)
    }
}
