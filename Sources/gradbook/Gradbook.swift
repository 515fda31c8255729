import ArgumentParser

/// The gradbook command line: a thin layer over the stages, one file per subcommand.
@main
struct Gradbook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradbook",
        abstract: "Turns Markdown lectures on backpropagation into a verified workbook.",
        subcommands: [Build.self, Check.self, Eval.self]
    )
}

/// How a run ends: 0 all good, 1 a check failed, 2 a usage or input error.
enum Outcome {
    static let passed = ExitCode(0)
    static let checkFailed = ExitCode(1)
    static let inputError = ExitCode(2)
}
