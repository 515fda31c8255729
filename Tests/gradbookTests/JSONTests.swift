import Foundation
import GraphSpec
import Testing

/// `gradbook eval --json`: the documented `Report` shape, decoded as a consumer would.
@Suite struct JSONTests {
    let scratch: Scratch

    init() throws { scratch = try Scratch() }

    /// Runs `eval --json` on `spec` and decodes standard output.
    func report(_ spec: String, status: Int32) throws -> Report {
        let path = try scratch.write("spec.graph", spec)
        let run = try CLI.run(["eval", "--json", path], in: scratch)
        #expect(run.status == status)
        return try JSONDecoder().decode(Report.self, from: run.output)
    }

    @Test func scalarValuesGradientsAndChecks() throws {
        let report = try report(Specs.circuit, status: 0)
        #expect(report.names == ["x", "y", "z", "q", "f"])
        #expect(report.output == "f")
        #expect(report.passed)
        #expect(report.values == ["x": .number(-2), "y": .number(5), "z": .number(-4), "q": .number(3), "f": .number(-12)])
        #expect(report.gradients == ["x": .number(-4), "y": .number(-4), "z": .number(3), "q": .number(-4), "f": .number(1)])
        #expect(report.shapes["f"] == [])
        #expect(report.checks.map(\.text) == ["f = -12", "df/dx = -4"])
        #expect(report.checks.map(\.line) == [7, 8])
        #expect(report.checks.map(\.column) == [8, 8])
        #expect(report.checks.map(\.computed) == [.number(-12), .number(-4)])
        #expect(report.checks.allSatisfy { $0.passed && $0.kind == "expect" })
        #expect(report.diagnostics.isEmpty)
    }

    @Test func tensorsAreNestedArrays() throws {
        let report = try report(Specs.matrix, status: 0)
        let row = { (a: Double, b: Double) in Report.Value.array([.number(a), .number(b)]) }
        #expect(report.shapes["W"] == [2, 2])
        #expect(report.values["W"] == .array([row(1, 2), row(3, 4)]))
        #expect(report.values["h"] == .array([.array([.number(-1.5)]), .array([.number(-2.5)])]))
        #expect(report.gradients["W"] == .array([row(-1.5, 3), row(-2.5, 5)]))
        #expect(report.checks.last?.computed == .array([row(-1.5, 3), row(-2.5, 5)]))
        #expect(report.checks.last?.expected == "[[-1.5, 3], [-2.5, 5]]")
        #expect(report.passed)
    }

    @Test func failedCheckIsReportedNotDiagnosed() throws {
        let report = try report(Specs.matrix.replacingOccurrences(of: "L = 8.5", with: "L = 8.4"), status: 1)
        #expect(!report.passed)
        #expect(report.checks.map(\.passed) == [false, true])
        #expect(report.checks.first?.computed == .number(8.5))
        #expect(report.diagnostics.isEmpty)
    }

    @Test func diagnosticsCarryLineAndColumn() throws {
        let report = try report("x = 3\nf = sigmod(x)\n", status: 2)
        let diagnostic = try #require(report.diagnostics.first)
        #expect(report.diagnostics.count == 1)
        #expect(diagnostic.location.line == 2)
        #expect(diagnostic.location.column == 5)
        #expect(diagnostic.location.path.hasSuffix("spec.graph"))
        #expect(diagnostic.message == "unknown function 'sigmod'")
        #expect(diagnostic.hint == "did you mean 'sigmoid'?")
        #expect(diagnostic.severity == .error)
        #expect(!report.passed)
    }

    @Test func syntaxErrorIsADiagnostic() throws {
        let report = try report(Specs.syntaxError, status: 2)
        #expect(report.diagnostics.first.map { [$0.location.line, $0.location.column] } == [2, 9])
    }

    /// Dictionaries hash with a per-process seed: only sorted keys make two runs agree.
    @Test func outputIsByteIdenticalAcrossRuns() throws {
        let path = try scratch.write("both.graph", Specs.circuit + "a = [1, 2, 3]\nb = f * a\ng = sum(sigmoid(b))\nbackward f\n")
        let first = try CLI.run(["eval", "--json", path], in: scratch)
        let second = try CLI.run(["eval", "--json", path], in: scratch)
        #expect(first.status == 0)
        #expect(first.output.count > 500)
        #expect(first.output == second.output)
    }
}
