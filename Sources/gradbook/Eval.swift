import ArgumentParser
import Diagnostics
import Foundation
import GraphSpec

/// `gradbook eval FILE|-`: one spec, its values, gradients and checks.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate one graph spec (the body of a ```graph block) and print every value, gradient and check.",
        discussion: "Exit status: 0 when every check passes, 1 when a check fails, 2 on a syntax or evaluation error."
    )

    @Argument(help: "The spec file, or - for standard input.")
    var file: String

    @Flag(help: "Print the result as JSON instead of a table.")
    var json = false

    @OptionGroup(title: "Limits")
    var limits: LimitOptions

    func run() throws {
        let path = file == "-" ? "<stdin>" : file
        let text: String
        switch read().flatMap({ TextDecoding.decode($0, path: path) }) {
        case .success(let decoded): text = decoded
        case .failure(let diagnostic):
            Terminal.report([diagnostic])
            throw Outcome.inputError
        }
        let evaluation = Evaluator.evaluate(Source(text, path: path), limits: limits.limits)
        if json {
            print(try Terminal.json(Report(evaluation)))
        } else {
            print(EvalTable.render(evaluation), terminator: "")
        }
        Terminal.report(evaluation.diagnostics + evaluation.failures)
        if evaluation.diagnostics.containsError { throw Outcome.inputError }
        if !evaluation.passed { throw Outcome.checkFailed }
    }

    /// The file's bytes, or a diagnostic saying why they cannot be read.
    private func read() -> Result<[UInt8], Diagnostic> {
        if file == "-" { return .success(Array(FileHandle.standardInput.readDataToEndOfFile())) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue,
              let data = FileManager.default.contents(atPath: file) else {
            let why = isDirectory.boolValue ? "it is a directory" : "no such file, or it is not readable"
            return .failure(Diagnostic(.error, "cannot read '\(file)': \(why)",
                                       at: SourceLocation(path: file, line: 1, column: 1),
                                       hint: "give the path of a spec file, or - to read standard input"))
        }
        return .success(Array(data))
    }
}
