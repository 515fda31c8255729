import Foundation
import Testing

/// `gradbook eval FILE|-` as a user runs it: the table, the checks, the diagnostics, the exit code.
@Suite struct EvalTests {
    let scratch: Scratch

    init() throws { scratch = try Scratch() }

    @Test func printsEveryValueGradientAndPassedCheck() throws {
        let path = try scratch.write("f.graph", Specs.circuit)
        let run = try CLI.run(["eval", path], in: scratch)
        #expect(run.status == 0)
        #expect(run.errors.isEmpty)
        let expected = [("x", "-2", "-4"), ("y", "5", "-4"), ("z", "-4", "3"), ("q", "3", "-4"), ("f", "-12", "1")]
        for (name, value, gradient) in expected {
            #expect(run.stdout.row(name) == [name, "scalar", value, gradient])
        }
        #expect(run.stdout.contains("✓ expect f = -12"))
        #expect(run.stdout.contains("✓ expect df/dx = -4"))
        #expect(!run.stdout.contains("✗"))
    }

    @Test func failedCheckExits1AndShowsTheComputedNumber() throws {
        let path = try scratch.write("f.graph", Specs.circuit.replacingOccurrences(of: "f = -12", with: "f = -10"))
        let run = try CLI.run(["eval", path], in: scratch)
        #expect(run.status == 1)
        let line = try #require(run.stdout.split(separator: "\n").first { $0.hasPrefix("✗") })
        #expect(line.hasPrefix("✗ expect f = -10"))
        #expect(line.contains("computed -12"))
        #expect(run.stdout.contains("✓ expect df/dx = -4"))
        #expect(run.errors.contains("\(path):7:8: error: expected f = -10, computed -12"))
        #expect(run.errors.contains(" 7 | expect f = -10\n   |        ^~~~~~~"))
    }

    @Test func syntaxErrorExits2WithLocationSourceLineAndCaret() throws {
        let path = try scratch.write("bad.graph", Specs.syntaxError)
        let run = try CLI.run(["eval", path], in: scratch)
        #expect(run.status == 2)
        #expect(run.errors.hasPrefix("\(path):2:9: error: expected a value"))
        #expect(run.errors.contains("\n 2 | f = x * * 3\n   |         ^\n"))
        #expect(!run.errors.contains("::error"))
    }

    @Test func evaluationErrorExits2WithAHint() throws {
        let path = try scratch.write("typo.graph", "x = 3\nf = sigmod(x)\n")
        let run = try CLI.run(["eval", path], in: scratch)
        #expect(run.status == 2)
        #expect(run.errors.contains("\(path):2:5: error: unknown function 'sigmod'"))
        #expect(run.errors.contains("   |     ^~~~~~\nhint: did you mean 'sigmoid'?"))
    }

    @Test func missingFileExits2WithAClearMessage() throws {
        let path = scratch.url.appendingPathComponent("nowhere.graph").path
        let run = try CLI.run(["eval", path], in: scratch)
        #expect(run.status == 2)
        #expect(run.output.isEmpty)
        #expect(run.errors.contains("error: cannot read '\(path)': no such file"))
    }

    @Test func directoryExits2() throws {
        let run = try CLI.run(["eval", scratch.url.path], in: scratch)
        #expect(run.status == 2)
        #expect(run.errors.contains("it is a directory"))
    }

    @Test func readsTheSpecFromStandardInput() throws {
        let run = try CLI.run(["eval", "-"], input: Specs.circuit, in: scratch)
        #expect(run.status == 0)
        #expect(run.stdout.row("f") == ["f", "scalar", "-12", "1"])
        #expect(run.stdout.contains("✓ expect df/dx = -4"))
    }

    @Test func diagnosticsFromStandardInputNameIt() throws {
        let run = try CLI.run(["eval", "-"], input: Specs.syntaxError, in: scratch)
        #expect(run.status == 2)
        #expect(run.errors.hasPrefix("<stdin>:2:9: error: "))
    }

    @Test func relativePathsAreReportedAsGiven() throws {
        try scratch.write("rel.graph", Specs.syntaxError)
        let run = try CLI.run(["eval", "rel.graph"], in: scratch)
        #expect(run.status == 2)
        #expect(run.errors.hasPrefix("rel.graph:2:9: error: "))
    }

    @Test func onGitHubActionsErrorsAreAlsoAnnotations() throws {
        let path = try scratch.write("bad.graph", Specs.syntaxError)
        let run = try CLI.run(["eval", path], environment: ["GITHUB_ACTIONS": "true"], in: scratch)
        #expect(run.status == 2)
        #expect(run.errors.contains("\(path):2:9: error: expected a value"))
        #expect(run.errors.contains("::error file=\(path),line=2,col=9::expected a value"))
    }

    @Test func onGitHubActionsFailedChecksAreAlsoAnnotations() throws {
        let path = try scratch.write("f.graph", Specs.circuit.replacingOccurrences(of: "df/dx = -4", with: "df/dx = 4"))
        let run = try CLI.run(["eval", path], environment: ["GITHUB_ACTIONS": "true"], in: scratch)
        #expect(run.status == 1)
        #expect(run.errors.contains("::error file=\(path),line=8,col=8::expected df/dx = 4, computed -4"))
    }
}
