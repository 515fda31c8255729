import Testing
@testable import Render
@testable import Workbook

/// Numbers that go wrong — exp overflowing, log of 0, 0/0, a learning rate
/// that blows training up — are each reported at the node (and step) where
/// they first appear, and the page is still written, with its other examples.
@Suite("Numerical failures on a page")
struct NumericalFailureTests {
    static let lecture = """
        # When numbers break

        ```graph id=overflow
        x = 1000
        f = exp(x)
        ```

        ```graph id=log-zero
        p = 0
        L = -log(p)
        ```

        ```graph id=zero-over-zero
        a = 0
        r = a / a
        ```

        ```graph id=diverging
        w = 3
        h = w * w
        L = exp(h)
        minimize L over w with gd(lr: 1e6) for 10 steps
        ```

        ```graph id=max-shift
        s = [[1000, 1001, 1002]]
        y = [2]
        L = softmax_loss(s, y)
        expect L = 0.408 ± 0.001
        ```

        ```graph id=fine
        x = -2; y = 5; z = -4
        f = (x + y) * z
        expect f = -12
        ```

        """

    let result = Runner.run(Lecture(path: "lectures/01-numbers.md", text: lecture))

    func diagnostics(_ id: String) -> [String] {
        result.examples.first { $0.example.id == id }?.diagnostics.map {
            "\($0.location.line):\($0.location.column): \($0.message)"
        } ?? []
    }

    @Test("each is an error at the node that made it")
    func atTheNode() {
        #expect(diagnostics("overflow") == ["5:5: exp(1000) overflows: inputs above about 709 are too large"])
        #expect(diagnostics("log-zero") == ["10:6: log of 0 is −∞"])
        #expect(diagnostics("zero-over-zero") == ["15:5: division by zero: 0 / 0"])
    }

    @Test("a training run that blows up is reported at the node where it first went wrong, with its step")
    func trainingAtTheNodeAndStep() {
        #expect(diagnostics("diverging") == [
            "21:5: training with gd(lr: 1e6) (line 22) failed here at step 1: exp(2.36376e+21) overflows: inputs above about 709 are too large",
        ])
    }

    @Test("softmax loss of huge scores is finite: the max is subtracted first")
    func maxShift() {
        #expect(diagnostics("max-shift").isEmpty)
        #expect(result.examples.first { $0.example.id == "max-shift" }?.passed == true)
    }

    @Test("the page is still written: every example in place, the broken ones with their messages")
    func pageRenders() throws {
        let page = try #require(Book.render([result]).first { $0.path == "01-numbers.html" }?.contents)
        for id in ["overflow", "log-zero", "zero-over-zero", "diverging", "max-shift", "fine"] {
            #expect(page.contains("id=\"\(id)\""), "\(id)")
        }
        #expect(page.contains("lectures/01-numbers.md:5:5: error: exp(1000) overflows"))
        #expect(page.contains("<li class=\"pass\"><span class=\"mark\">✓</span> <code>f = -12</code>"))
    }
}
