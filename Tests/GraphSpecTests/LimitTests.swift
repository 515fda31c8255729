import Diagnostics
import GraphSpec
import Testing

/// What one example may take: each limit is an error at the place that
/// crossed it, naming the limit and how to raise it.
@Suite("Limits")
struct LimitTests {
    func evaluate(_ text: String, _ change: (inout Limits) -> Void = { _ in }) -> Evaluation {
        var limits = Limits()
        change(&limits)
        return Evaluator.evaluate(Source(text, path: "limits.graph"), limits: limits)
    }

    func messages(_ evaluation: Evaluation) -> [String] {
        evaluation.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" }
    }

    @Test("sizes whose product overflows are refused, not a crash (found by hand: zeros trapped on the product)")
    func sizesOverflow() {
        let evaluation = evaluate("x = zeros(1000000000, 1000000000, 100)\n")
        #expect(messages(evaluation) == [
            "1:5: this value would have more than 2^63 entries, more than the limit-elements of 50000000 for one value",
        ])
        #expect(evaluation.diagnostics.first?.hint?.contains("limit-elements") == true)
    }

    @Test("a broadcast that would make too big a value is refused before it is computed")
    func broadcastTooBig() {
        let evaluation = evaluate("a = zeros(100000, 1)\nb = zeros(1, 100000)\nc = a + b\n")
        #expect(messages(evaluation) == [
            "3:5: this value would have 10000000000 entries, more than the limit-elements of 50000000 for one value",
        ])
    }

    @Test("a spiral data set bigger than the limit is refused")
    func datasetTooBig() {
        let evaluation = evaluate("X, y = spiral(points: 1000, classes: 3)\n") { $0.elements = 1_000 }
        #expect(messages(evaluation) == ["1:8: this value would have 6000 entries, more than the limit-elements of 1000 for one value"])
    }

    @Test("the limits can be raised: what is refused at one limit runs at a higher one")
    func raised() {
        let spec = "x = zeros(10, 10)\nf = sum(x)\nexpect f = 0\n"
        let (low, high) = (evaluate(spec) { $0.elements = 99 }, evaluate(spec) { $0.elements = 100 })
        #expect(!low.passed)
        #expect(high.passed)
        let training = "w = 3\nL = w * w\nminimize L over w with sgd(lr: 0.1) for 200 steps\n"
        let (short, long) = (evaluate(training) { $0.steps = 199 }, evaluate(training) { $0.steps = 200 })
        #expect(messages(short) == ["3:41: 200 steps are more than the limit-steps of 199 for one minimize"])
        #expect(long.diagnostics.isEmpty)
    }

    @Test("a runaway training run stops at the time limit, says at which step, and the statements after it do not run")
    func runawayTraining() {
        let spec = """
            w = 3
            L = w * w
            minimize L over w with sgd(lr: 0.001) for 900000 steps
            expect w <= 1

            """
        let start = ContinuousClock.now
        let evaluation = evaluate(spec) { $0.seconds = 0.3 }
        #expect(ContinuousClock.now - start < .seconds(20))
        let messages = messages(evaluation)
        #expect(messages.count == 2)
        #expect(messages.first?.hasPrefix("3:1: training with sgd(lr: 0.001) stopped at step ") == true, "\(messages)")
        #expect(messages.first?.hasSuffix(" of 900000: the example ran longer than its limit of 0.3 s") == true)
        #expect(messages.last == "4:1: the example ran longer than its limit of 0.3 s; the statements from here on were not run")
        #expect(evaluation.diagnostics.allSatisfy { $0.hint?.contains("limit-seconds") == true })
    }

    @Test("the nesting depth is a limit too, up to 1000 levels")
    func depth() {
        let deep = "x = 1\nf = " + String(repeating: "(", count: 600) + "x" + String(repeating: ")", count: 600) + "\n"
        #expect(messages(evaluate(deep)) == ["2:205: the expression is nested too deeply (more than 200 levels)"])
        let raised = evaluate(deep) { $0.depth = 1000 }
        #expect(raised.diagnostics.isEmpty)
    }

    @Test("front matter values are read as the flags are")
    func settings() {
        var limits = Limits()
        let accepted = [("limit-steps", "20"), ("limit-seconds", "0.5")].map { limits.set($0.0, to: $0.1) }
        let refused = [("limit-steps", "2.5"), ("limit-depth", "1001"), ("limit-nodes", "-3"), ("limit-size", "3")]
            .map { limits.set($0.0, to: $0.1) }
        #expect(accepted == [true, true])
        #expect(refused == [false, false, false, false])
        #expect(limits.steps == 20 && limits.seconds == 0.5)
    }
}

/// `gradcheck` of a big input looks at the clock before each entry.
@Suite("Limits: gradient checks")
struct GradientCheckLimitTests {
    @Test("a gradient check of 30,720 entries stops at the time limit and says how to check fewer")
    func bigGradientCheck() throws {
        let spec = "W = randn(10, 3072, seed: 1)\nx = randn(3072, seed: 2)\nL = sum(W @ x)\ngradcheck W\n"
        var limits = Limits()
        limits.seconds = 0.3
        let start = ContinuousClock.now
        let evaluation = Evaluator.evaluate(Source(spec, path: "big.graph"), limits: limits)
        #expect(ContinuousClock.now - start < .seconds(15))
        let diagnostic = try #require(evaluation.diagnostics.first)
        #expect(evaluation.diagnostics.count == 1)
        #expect(diagnostic.location.line == 4 && diagnostic.location.column == 1)
        #expect(diagnostic.message.hasPrefix("the gradient check ran out of time after "))
        #expect(diagnostic.message.hasSuffix(" entries: the example ran longer than its limit of 0.3 s"))
        #expect(diagnostic.hint?.contains("samples: 20") == true)
        // The table shows the values of the inputs as written, not of the last one nudged by h.
        let plain = Evaluator.evaluate(Source(spec.replacing("gradcheck W\n", with: ""), path: "big.graph"))
        let value = { (e: Evaluation) in e.named.first { $0.name == "L" }?.node.value }
        #expect(value(evaluation) != nil && value(evaluation) == value(plain))
    }
}
