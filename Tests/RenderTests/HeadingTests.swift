import Testing
@testable import Render
@testable import Workbook

/// An example's title is a heading one level below the section it stands in, so headings never skip a level.
@Suite struct HeadingTests {
    @Test func anExampleTitleIsOneLevelBelowItsSection() throws {
        let lecture = """
            # Lecture

            ```graph id=a title="First"
            x = 1
            ```

            ## Section

            ```graph id=b title="Second"
            x = 1
            ```

            ### Subsection

            ```graph id=c title="Third"
            x = 1
            ```

            """
        let page = main(of: try #require(file(book(lecture), "01-test.html")))
        #expect(page.contains("<h2 class=\"example-title\">First</h2>"))
        #expect(page.contains("<h3 class=\"example-title\">Second</h3>"))
        #expect(page.contains("<h4 class=\"example-title\">Third</h4>"))
    }

    @Test func theGraphIsDescribedByItsTable() throws {
        let page = try #require(file(book(GraphDrawingTests.lecture), "01-test.html"))
        #expect(page.contains("<svg aria-describedby=\"xyz.table\" "))
        #expect(page.contains("<table class=\"nodes\" id=\"xyz.table\">"))
    }

    @Test func headingsAreFoundByTheirBytesAmidAnyText() {
        let html = "<p>é → <hr> <h7> <header></p>\n<h3>Σ</h3>\n" + Headings.exampleTitle + "x → y</h4>\n<h1>z</h1>\n"
            + Headings.exampleTitle + "w</h4>"
        #expect(Headings.nest(html) == "<p>é → <hr> <h7> <header></p>\n<h3>Σ</h3>\n<h4 class=\"example-title\">x → y</h4>\n"
            + "<h1>z</h1>\n<h2 class=\"example-title\">w</h2>")
    }

    @Test func replacingBytesReplacesTheFirstOccurrencesOnly() {
        #expect("a→b→c→d".replacingBytes("→", with: "->", limit: 2) == "a->b->c→d")
        #expect("aaaa".replacingBytes("aa", with: "b") == "bb")
        #expect("ééé".replacingBytes("x", with: "y") == "ééé")
        #expect("ab".replacingBytes("abc", with: "y") == "ab")
        #expect("".replacingBytes("a", with: "b") == "")
    }
}
