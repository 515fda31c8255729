import Foundation
import Testing
@testable import Render
@testable import Workbook

/// Prose renders exactly as cmark renders it: checked on the 652 examples of the CommonMark 0.30 spec.
@Suite struct ProseTests {
    struct SpecExample: Decodable, CustomTestStringConvertible, Sendable {
        let markdown: String
        let html: String
        let example: Int
        let section: String
        var testDescription: String { "spec example \(example) (\(section))" }
    }

    /// The spec's examples, from ../shared/data beside the repository.
    static let examples: [SpecExample] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = root.deletingLastPathComponent().appendingPathComponent("shared/data/commonmark-spec-0.30.json")
        guard let data = try? Data(contentsOf: url) else { return [] }
        return (try? JSONDecoder().decode([SpecExample].self, from: data)) ?? []
    }()

    /// The page body of a lecture whose Markdown is `markdown` (front matter is not looked for).
    static func body(_ markdown: String, unsafeHTML: Bool) -> String {
        let lecture = Lecture(path: "spec.md", text: markdown, slug: "spec", title: "spec", order: nil, bodyFirstLine: 1,
                              examples: [], diagnostics: [])
        let page = HTMLPage.render(LectureResult(lecture: lecture, examples: []), svgs: [:], neighbours: (nil, nil),
                                   unsafeHTML: unsafeHTML)
        return main(of: page)
    }

    @Test func theSpecIsThere() {
        #expect(Self.examples.count == 652)
    }

    /// Math is the one thing gradbook reads before cmark, so examples with `$` are left out.
    @Test func everySpecExampleRendersAsTheSpecSays() {
        var mismatches: [Int] = []
        for example in Self.examples where !example.markdown.contains("$") {
            if Self.body(example.markdown, unsafeHTML: true) != example.html { mismatches.append(example.example) }
        }
        #expect(mismatches.isEmpty, "spec examples rendered differently: \(mismatches)")
    }

    /// Without --unsafe-html, raw HTML is omitted exactly as the `cmark` command omits it by default.
    @Test func rawHTMLIsOmittedAsCmarkOmitsIt() throws {
        let withHTML = Self.examples.filter { $0.markdown.contains("<") && !$0.markdown.contains("$") }.prefix(60)
        for example in withHTML {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/cmark")
            let input = Pipe(), output = Pipe()
            (process.standardInput, process.standardOutput) = (input, output)
            try process.run()
            input.fileHandleForWriting.write(Data(example.markdown.utf8))
            try input.fileHandleForWriting.close()
            let expected = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(Self.body(example.markdown, unsafeHTML: false) == expected, "spec example \(example.example)")
        }
    }

    @Test func mathIsKeptFromCmarkAndHandedToKaTeX() {
        let body = Self.body("Take $a*b*c$ and\n\n$$x_1 < y_2$$\n\nnot `$code$`\n", unsafeHTML: false)
        #expect(body == "<p>Take <span class=\"math\">\\(a*b*c\\)</span> and</p>\n"
            + "<p><span class=\"math display\">\\[x_1 &lt; y_2\\]</span></p>\n<p>not <code>$code$</code></p>\n")
    }
}

extension ProseTests {
    @Test func mathAfterACodeBlockIsStillMath() {
        let body = Self.body("```graph\nx = 1\n```\n\nthen $a*b$\n\n```\ny\n```\n", unsafeHTML: false)
        #expect(body.contains("<span class=\"math\">\\(a*b\\)</span>"))
    }
}

extension ProseTests {
    @Test func answersFoldInDetailsWhileOtherRawHTMLIsLeftOut() {
        let body = Self.body("<details><summary>Answers & hints</summary>\n\n1. **four**\n\n</details>\n\n<script>x</script>\n", unsafeHTML: false)
        #expect(body == "<details><summary>Answers &amp; hints</summary>\n<ol>\n<li><strong>four</strong></li>\n</ol>\n</details>\n"
            + "<!-- raw HTML omitted -->\n")
    }
}

extension ProseTests {
    @Test func displayMathOverSeveralLinesLeavesTheExamplesAfterItInPlace() throws {
        let files = book("# T\n\n$$\na = b\n+ c\n$$\n\n```graph id=g\nx = 2\nf = x * 3\nexpect f = 6\n```\n")
        let page = try #require(file(files, "01-test.html"))
        #expect(page.contains("<section class=\"example\" id=\"g\">"))
        #expect(!page.contains("<pre><code class=\"language-graph\">"))
    }
}

extension ProseTests {
    @Test func foldsRightAgainstTheirTextStillFold() {
        let body = Self.body("<details><summary>Answers</summary>\nfour\n</details>\n", unsafeHTML: false)
        #expect(body == "<details><summary>Answers</summary>\n<p>four</p>\n</details>\n")
    }
}
