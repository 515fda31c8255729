import Testing
@testable import Render

/// Math and folded answers go back into the page in one pass over its bytes.
@Suite struct PlaceholderTests {
    @Test func eachPlaceholderGetsItsOwnNumberPastTen() {
        let restored = Placeholders.restore("a P1X b P11X c P0X", prefix: "P", suffix: "X") { "<\($0.map(String.init) ?? "-")>" }
        #expect(restored == "a <1> b <11> c <0>")
    }

    @Test func wordsThatOnlyLookLikePlaceholdersStay() {
        let text = "P P12 P012X PX12 P99X Pé1X"
        let restored = Placeholders.restore(text, prefix: "P", suffix: "X") { $0 == 99 ? nil : "!" }
        #expect(restored == "P P12 P012X !12 P99X Pé1X")  // `PX` has no number; 99 is refused; 012 has a leading zero
    }

    @Test func textWithNoPlaceholderComesBackUnchanged() {
        let text = "<svg>ünïcödé ✓</svg>"
        #expect(Placeholders.restore(text, prefix: "P", suffix: "X") { _ in "!" } == text)
    }

    @Test func mathComesBackInOrderEscapedInKaTeXDelimiters() {
        let source = (0..<12).map { "$x_{\($0)} < y$" }.joined(separator: " ") + "\n\n$$a \\& b$$\n"
        let (protected, spans) = Math.protect(source)
        let html = Math.restore(protected, spans)
        #expect(!html.contains("GRADBOOKMATH"))
        #expect(html.contains("<span class=\"math\">\\(x_{1} &lt; y\\)</span> <span class=\"math\">\\(x_{2} &lt; y\\)</span>"))
        #expect(html.contains("<span class=\"math\">\\(x_{11} &lt; y\\)</span>"))
        #expect(html.contains("<span class=\"math display\">\\[a \\&amp; b\\]</span>"))
    }

    @Test func foldedAnswersBecomeDetailsWithTheirSummaryEscaped() {
        let page = main(of: file(book("# T\n\n<details><summary>A & B</summary>\n\nThe answer.\n\n</details>\n"), "01-test.html") ?? "")
        #expect(page.contains("<details><summary>A &amp; B</summary>"))
        #expect(page.contains("</details>"))
        #expect(!page.contains("GRADBOOKFOLD"))
    }
}
