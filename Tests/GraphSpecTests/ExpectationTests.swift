import Autodiff
import Diagnostics
import Foundation
import GraphSpec
import Testing

/// How expected figures are judged.
@Suite struct ExpectationTests {

    /// Whether `expect value = figure` passes.
    private func accepts(_ value: String, _ figure: String) throws -> Bool {
        let e = run("v = \(value)\nexpect v = \(figure)")
        return try #require(e.checks.first).passed
    }

    @Test func aFigureWithDecimalsAcceptsWhatRoundsToIt() throws {
        #expect(try accepts("0.7349", "0.73"))
        #expect(try accepts("0.7251", "0.73"))
        #expect(try !accepts("0.7351", "0.73"))
        #expect(try !accepts("0.7249", "0.73"))
        #expect(try accepts("-0.1951", "-0.20"))
        #expect(try !accepts("-0.1949", "-0.20"))
        #expect(try accepts("0.00154", "1.5e-3"))
        #expect(try !accepts("0.00156", "1.5e-3"))
        let e = run("v = 0.7349\nexpect v = 0.73")
        #expect(e.checks.first?.detail == "rounded: ±0.005")
    }

    @Test func anIntegerFigureMustMatchToOnePartInABillion() throws {
        #expect(try accepts("3.000000002", "3"))
        #expect(try !accepts("3.00000001", "3"))
        #expect(try accepts("1e-10", "0"))
        #expect(try !accepts("1e-8", "0"))
        #expect(try !accepts("0.00001001", "1e-5"))
        let e = run("v = 3\nexpect v = 3")
        #expect(e.checks.first?.detail == "exact: to 1e-9")
    }

    @Test func plusMinusSetsTheToleranceOutright() throws {
        #expect(try accepts("0.1000009", "0.1 ± 1e-6"))
        #expect(try !accepts("0.1000011", "0.1 ± 1e-6"))
        #expect(try accepts("3.5", "3 ± 0.5"))
        let e = run("v = 0.1\nexpect v = 0.1 ± 1e-6")
        #expect(e.checks.first?.detail == "±1e-06")
        #expect(e.checks.first?.expected == "0.1 ± 1e-6")
    }

    @Test func eachEntryOfAListFollowsItsOwnWriting() throws {
        #expect(try accepts("[1, 0.54]", "[1, 0.5]"))
        #expect(try !accepts("[1.001, 0.5]", "[1, 0.5]"))
        #expect(try !accepts("[1, 2]", "[1, 2, 3]"))
        #expect(try accepts("[2, 2]", "2"))  // one figure for every entry
    }

    @Test func boundsCompareWithoutTolerance() throws {
        let e = run("L = 0.3\nexpect L <= 0.3, L >= 0.3, L ≤ 0.31, L ≥ 0.29")
        #expect(e.checks.allSatisfy { $0.passed })
        let f = run("L = 0.3\nexpect L <= 0.29")
        #expect(f.checks.first?.passed == false)
    }

    @Test func aFailingExpectationReportsTheComputedNumber() throws {
        let e = evaluate(WorkedExampleTests.addMultiply.replacingFirst("expect f = -12", with: "expect f = -10"))
        #expect(e.diagnostics.isEmpty)
        let check = try #require(e.checks.first)
        #expect(check.passed == false)
        #expect(check.computed?.scalar == -12)
        #expect(check.text == "f = -10")
        #expect(check.expected == "-10")
        #expect(check.location.line == 6)
        #expect(e.checks.dropFirst().allSatisfy { $0.passed })  // the rest still run
        #expect(!e.passed)
        let report = Report(e)
        #expect(report.passed == false)
        #expect(report.checks.first?.computed == .number(-12))
    }

    @Test func severalExpectationsAreSeveralChecks() throws {
        let e = run(WorkedExampleTests.addMultiply)
        #expect(e.checks.map(\.text) == ["f = -12", "df/dz = 3", "df/dq = -4", "df/dx = -4", "df/dy = -4"])
        #expect(e.checks.map(\.location.column) == [8, 8, 19, 31, 43])
    }

    @Test func expressionTargetsLeaveTheOutputAlone() throws {
        let e = run(WorkedExampleTests.addMultiply + "\nexpect q * z = -12, x - y = -7\nexpect df/dx = -4")
        #expect(e.passed)
        #expect(e.output?.name == "f")
        #expect(!e.auxiliary.isEmpty)
    }

}
