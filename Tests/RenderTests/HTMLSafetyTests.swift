import Foundation
import FoundationXML
import Testing
@testable import Render
@testable import Workbook

/// A lecture from many hands cannot put script on a page: every string of a
/// lecture (titles, ids, option values, math, folded answers, included paths,
/// messages that quote the source) reaches HTML and SVG escaped, and raw HTML
/// stays out unless `--unsafe-html`. Checked by parsing the pages: HTML with
/// a tokenizer that finds tags as a browser's does, SVG as XML.
@Suite("HTML safety")
struct HTMLSafetyTests {
    /// A lecture with an attack in every field a lecture controls.
    static let hostile = #"""
        ---
        title: "<script>alert('front matter')</script>"
        ---
        # Heading <img src=x onerror=alert('heading')>

        <script>alert('raw block')</script>

        Inline <img src=x onerror="alert('raw inline')"> HTML, a [link](javascript:alert('link')),
        and math $</span><script>alert('math')</script>$ in prose.

        <details><summary><img src=x onerror=alert('summary')></summary>

        An answer.

        </details>

        ```graph id="x\"><script>alert('id')</script>" title="<img src=x onerror=alert('title')>"
        x = 2
        f = x * x
        expect f = 4
        show f
        ```

        ```graph id="<svg onload=alert('broken')>"
        x = 1 # <script>alert('comment')</script>
        f = x <script>alert('source')</script>
        ```

        ```graph id="<svg onload=alert('broken')>"
        f = 1
        ```

        ```include <script>alert('include')</script>.swift
        ```
        """#

    @Test("no script, event handler or javascript: URL reaches the HTML page")
    func pageIsInert() throws {
        let page = try #require(file(book(Self.hostile), "01-test.html"))
        let problems = Inertness.problems(inPage: page)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("what the lecture wrote is shown as text, not dropped", arguments: [
        "<script>alert('front matter')</script>", "<img src=x onerror=alert('title')>",
        "<script>alert('comment')</script>", "</span><script>alert('math')</script>",
        "<img src=x onerror=alert('summary')>", "<script>alert('include')</script>.swift",
        "two examples have the id '<svg onload=alert('broken')>'",
    ])
    func payloadIsText(_ payload: String) throws {
        let page = try #require(file(book(Self.hostile), "01-test.html"))
        #expect(HTMLTokens(page).text.contains(payload))
    }

    @Test("the message quoting a broken line is escaped")
    func diagnosticIsText() throws {
        let page = try #require(file(book(Self.hostile), "01-test.html"))
        #expect(page.contains("f = x &lt;script&gt;alert(&#39;source&#39;)&lt;/script&gt;"))
        #expect(!page.contains("f = x <script>"))
    }

    @Test("every SVG is well-formed XML with no script or event handler")
    func svgsAreInert() throws {
        let svgs = book(Self.hostile).filter { $0.path.hasSuffix(".svg") }
        #expect(svgs.count >= 2)
        for svg in svgs {
            let document = try XMLDocument(data: Data(svg.contents.utf8), options: [])
            let root = try #require(document.rootElement())
            #expect(Inertness.problems(in: root).isEmpty, "\(svg.path)")
        }
    }

    @Test("the contents and the neighbours' links escape the title")
    func contentsAreInert() throws {
        let files = book(Self.hostile)
        for name in ["index.html", "01-test.html"] {
            let page = try #require(file(files, name))
            #expect(!page.contains("<script>alert("), "\(name)")
        }
        let contents = try #require(file(files, "index.html"))
        #expect(contents.contains("&lt;script&gt;alert(&#39;front matter&#39;)&lt;/script&gt;"))
        let readme = try #require(file(files, "README.md"))
        #expect(readme.contains("[&lt;script&gt;alert(&#39;front matter&#39;)&lt;/script&gt;](01-test.md)"))
    }

    @Test("an example's title in the Markdown page is escaped")
    func markdownTitleIsEscaped() throws {
        let markdown = try #require(file(book(Self.hostile), "01-test.md"))
        #expect(markdown.contains("**&lt;img src=x onerror=alert(&#39;title&#39;)&gt;**"))
    }

    @Test("with --unsafe-html the lecture's raw HTML is kept: the check above can fail")
    func unsafeKeepsRawHTML() throws {
        let page = try #require(file(book(Self.hostile, unsafeHTML: true), "01-test.html"))
        let problems = Inertness.problems(inPage: page)
        #expect(problems.contains("script: alert('raw block')"))
        #expect(problems.contains { $0.hasPrefix("onerror=") })
    }
}

/// What in a parsed page could run script: a `<script>` that is not one of
/// ours, an `on…` attribute, a `javascript:` URL, a frame or an object.
enum Inertness {
    /// Our own scripts: KaTeX and the page's script, by their `src`.
    static let ours: Set<String> = ["assets/katex/katex.min.js", "assets/katex/contrib/auto-render.js", "assets/gradbook.js"]

    /// The problems of one element, given its name, attributes and text.
    static func problems(name: String, attributes: [(String, String)], text: String) -> [String] {
        var found: [String] = []
        if name == "script" {
            let source = attributes.first { $0.0 == "src" }?.1
            if source.map({ !ours.contains($0) }) ?? true || !text.isEmpty { found.append("script: \(text.isEmpty ? source ?? "" : text)") }
        }
        if ["iframe", "object", "embed", "foreignobject", "base"].contains(name)
            || name == "meta" && attributes.contains(where: { $0.0 == "http-equiv" }) {
            found.append("element: \(name)")
        }
        for (key, value) in attributes {
            if key.hasPrefix("on") { found.append("\(key)=\(value)") }
            // A browser ignores whitespace and control characters in a URL's scheme.
            let url = value.lowercased().filter { !$0.isWhitespace && !($0.asciiValue.map { $0 < 32 } ?? false) }
            if ["href", "src", "xlink:href", "action", "formaction"].contains(key),
               url.hasPrefix("javascript:") || url.hasPrefix("vbscript:") || url.hasPrefix("data:text/html") {
                found.append("\(key)=\(value)")
            }
        }
        return found
    }

    /// Every problem of an SVG document parsed as XML.
    static func problems(in element: XMLElement) -> [String] {
        // FoundationXML's attribute(forName:) misses attributes of namespaced (SVG) elements.
        let attributes = (element.attributes ?? []).map { (($0.name ?? "").lowercased(), $0.stringValue ?? "") }
        let name = (element.localName ?? element.name ?? "").lowercased()
        var found = problems(name: name, attributes: attributes, text: name == "script" ? element.stringValue ?? "" : "")
        for case let child as XMLElement in element.children ?? [] { found += problems(in: child) }
        return found
    }

    /// Every problem of an HTML page, read by `HTMLTokens` as a browser reads tags.
    static func problems(inPage page: String) -> [String] {
        HTMLTokens(page).tags.flatMap { problems(name: $0.name, attributes: $0.attributes, text: $0.rawText) }
    }
}

/// The start tags of an HTML page, found as the HTML tokenizer finds them: a
/// `<` before a letter opens a tag, attributes are `name`, `name=value`,
/// `name="value"` or `name='value'`; comments are skipped; the text of a
/// `<script>`, `<style>`, `<textarea>` or `<title>` runs to its end tag.
struct HTMLTokens {
    struct Tag {
        let name: String
        var attributes: [(String, String)] = []
        var rawText = ""
    }

    private(set) var tags: [Tag] = []
    /// The page's text outside tags and comments, entities decoded (enough of them for the tests).
    private(set) var text = ""

    init(_ page: String) {
        let chars = Array(page)
        var i = 0
        while i < chars.count {
            if chars[i] == "<", i + 3 < chars.count, chars[i + 1] == "!", chars[i + 2] == "-", chars[i + 3] == "-" {
                i = Self.find("-->", in: chars, from: i + 4).map { $0 + 3 } ?? chars.count
            } else if chars[i] == "<", i + 1 < chars.count, chars[i + 1].isLetter || chars[i + 1] == "/" || chars[i + 1] == "!" {
                i = tag(chars, from: i + 1)
            } else {
                text.append(chars[i]); i += 1
            }
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacing(entity, with: character)
        }
    }

    /// Reads a tag from just after its `<`; gives the index after it (and after a raw-text element's end tag).
    private mutating func tag(_ chars: [Character], from start: Int) -> Int {
        var i = start
        let closing = chars[i] == "/" || chars[i] == "!"
        if closing { i += 1 }
        let nameStart = i
        while i < chars.count, !chars[i].isWhitespace, chars[i] != ">", chars[i] != "/" { i += 1 }
        var tag = Tag(name: String(chars[nameStart..<i]).lowercased())
        while i < chars.count, chars[i] != ">" {
            if chars[i].isWhitespace || chars[i] == "/" { i += 1; continue }
            let keyStart = i
            while i < chars.count, !chars[i].isWhitespace, !"=>/".contains(chars[i]) { i += 1 }
            let key = String(chars[keyStart..<i]).lowercased()
            while i < chars.count, chars[i].isWhitespace { i += 1 }
            var value = ""
            if i < chars.count, chars[i] == "=" {
                i += 1
                while i < chars.count, chars[i].isWhitespace { i += 1 }
                if i < chars.count, chars[i] == "\"" || chars[i] == "'" {
                    let end = chars[(i + 1)...].firstIndex(of: chars[i]) ?? chars.count
                    value = String(chars[min(i + 1, chars.count)..<end]); i = min(end + 1, chars.count)
                } else {
                    let valueStart = i
                    while i < chars.count, !chars[i].isWhitespace, chars[i] != ">" { i += 1 }
                    value = String(chars[valueStart..<i])
                }
            }
            tag.attributes.append((key, value.replacing("&quot;", with: "\"").replacing("&#39;", with: "'").replacing("&amp;", with: "&")))
        }
        i = min(i + 1, chars.count)
        guard !closing else { return i }
        if ["script", "style", "textarea", "title"].contains(tag.name) {
            let end = Self.find("</\(tag.name)", in: chars, from: i, ignoringCase: true) ?? chars.count
            tag.rawText = String(chars[i..<end])
            if tag.name != "script" && tag.name != "style" { text += tag.rawText }
            i = end
        }
        tags.append(tag)
        return i
    }

    private static func find(_ needle: String, in chars: [Character], from start: Int, ignoringCase: Bool = false) -> Int? {
        let needle = Array(ignoringCase ? needle.lowercased() : needle)
        guard start <= chars.count - needle.count else { return nil }
        for j in start...(chars.count - needle.count) {
            let slice = chars[j..<j + needle.count]
            if ignoringCase ? slice.map({ Character($0.lowercased()) }) == needle : slice.elementsEqual(needle) { return j }
        }
        return nil
    }
}
