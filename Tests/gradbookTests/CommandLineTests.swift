import Testing

/// The command line's contract with shells and CI: help, and the exit codes of usage mistakes.
@Suite struct CommandLineTests {
    let scratch: Scratch

    init() throws { scratch = try Scratch() }

    @Test(arguments: [["--help"], ["-h"], ["help"], ["eval", "--help"], ["help", "eval"]])
    func helpExits0(_ arguments: [String]) throws {
        let run = try CLI.run(arguments, in: scratch)
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE: gradbook"))
        #expect(run.errors.isEmpty)
    }

    @Test func evalHelpDescribesTheFileAndJSON() throws {
        let run = try CLI.run(["eval", "--help"], in: scratch)
        #expect(run.stdout.contains("USAGE: gradbook eval <file> [--json]"))
        #expect(run.stdout.contains("standard input"))
    }

    /// ArgumentParser exits 64 (`EX_USAGE`) on these; DESIGN.md says 2.
    @Test(arguments: [["eval", "--bogus", "f.graph"], ["eval"], ["frobnicate"], ["eval", "a.graph", "b.graph"]])
    func usageMistakesExit2(_ arguments: [String]) throws {
        let run = try CLI.run(arguments, in: scratch)
        #expect(run.status == 2)
        #expect(run.errors.hasPrefix("Error: "))
        #expect(run.errors.contains("Usage: gradbook"))
        #expect(run.output.isEmpty)
    }
}
