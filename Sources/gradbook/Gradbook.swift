import ArgumentParser
import Foundation

/// The gradbook command line: a thin layer over the stages, one file per subcommand.
@main
struct Gradbook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradbook",
        abstract: "Turns Markdown lectures on backpropagation into a verified workbook.",
        subcommands: [Build.self, Check.self, Eval.self, Serve.self]
    )

    /// Parses and runs a subcommand as ArgumentParser's own `main` does, except
    /// that a usage mistake exits 2 (DESIGN.md's contract) instead of `EX_USAGE` (64).
    static func main() {
        MemoryReuse.enable()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            // The codes a command throws itself, and `--help`, end the run as they are.
            if error is ExitCode || exitCode(for: error) == Outcome.passed { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            exit(withError: Outcome.inputError)
        }
    }
}

/// How a run ends: 0 all good, 1 a check failed, 2 a usage or input error.
enum Outcome {
    static let passed = ExitCode(0)
    static let checkFailed = ExitCode(1)
    static let inputError = ExitCode(2)
}
