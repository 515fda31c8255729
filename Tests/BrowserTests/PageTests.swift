import Foundation
import Testing

/// Every page of the built workbook in headless Chromium, loaded once: it
/// loads with no console message and no request outside the output folder,
/// KaTeX typesets all of its math, and it passes the accessibility basics.
/// A screenshot of each page is kept in .build/browser-artifacts/ for review.
@Suite(.enabled(if: Chromium.path != nil, "chromium is not installed; `make test` installs Debian's chromium"))
struct PageTests {
    @Test(arguments: BuiltWorkbook.pages)
    func pageInChromium(_ page: String) async throws {
        let folder = try BuiltWorkbook.url(), url = folder.appendingPathComponent(page)
        let load = try await Chromium.load(url, screenshot: BuiltWorkbook.artifacts.appendingPathComponent(page + ".png"), height: 1400)
        try #require(load.dom.contains("</main>"), "the page did not load")
        loadsOffline(load, page: url, folder: folder)
        try typesetsEveryFormula(load, source: String(contentsOf: url, encoding: .utf8))
        passesAccessibilityBasics(load.dom)
    }

    /// No console message, no request outside the folder, every link and source a file of the folder.
    func loadsOffline(_ load: Chromium.Load, page: URL, folder: URL) {
        #expect(load.console.isEmpty, "the console said: \(load.console.joined(separator: "\n"))")
        for request in load.requests {
            #expect(URL(string: request).map { Self.isInside($0, folder) } == true, "a request outside the output: \(request)")
        }
        for reference in DOM.references(load.dom) where !reference.hasPrefix("#") {
            let target = URL(string: reference, relativeTo: page)?.absoluteURL
            #expect(target.map { Self.isInside($0, folder) && FileManager.default.fileExists(atPath: $0.path) } == true,
                    "\(reference) is not a file of the output folder")
        }
    }

    /// KaTeX typeset every `$…$` and `$$…$$`: each math span of the page became
    /// KaTeX's, none is an error, and no TeX delimiter is left in the prose.
    func typesetsEveryFormula(_ load: Chromium.Load, source: String) {
        let spans = source.matches(of: /<span class="math( display)?">/).count
        #expect(DOM.typesetMath(load.dom) == spans, "\(spans) formulas on the page")
        #expect(!load.dom.contains("katex-error"))
        let prose = DOM.prose(load.dom)
        for delimiter in ["\\(", "\\)", "\\[", "\\]", "$$"] {
            #expect(!prose.contains(delimiter), "raw TeX is left on the page: \(delimiter)")
        }
    }

    /// Images have alternative text, graphs and plots have a title, and
    /// headings never skip a level going down.
    func passesAccessibilityBasics(_ dom: String) {
        #expect(DOM.imagesWithoutAlt(dom).isEmpty)
        #expect(DOM.svgsWithoutTitle(dom).isEmpty)
        let levels = DOM.headingLevels(dom)
        #expect(levels.first == 1, "a page starts with its <h1>")
        for (previous, next) in zip(levels, levels.dropFirst()) {
            #expect(next <= previous + 1, "an <h\(next)> right after an <h\(previous)>")
        }
    }

    /// Whether `url` is a file inside `folder`.
    static func isInside(_ url: URL, _ folder: URL) -> Bool {
        url.isFileURL && url.standardizedFileURL.path.hasPrefix(folder.standardizedFileURL.path + "/")
    }

    /// The checks can fail: a page that asks the network and logs an error is caught.
    @Test func aPageThatReachesOutIsCaught() async throws {
        let folder = BuiltWorkbook.artifacts.appendingPathComponent("bad")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let page = folder.appendingPathComponent("bad.html")
        try Data("<html><body><img src=\"http://example.invalid/x.png\"><script>console.error('boom')</script></body></html>".utf8)
            .write(to: page)
        let load = try await Chromium.load(page, screenshot: folder.appendingPathComponent("bad.png"), height: 200)
        #expect(load.requests.contains("http://example.invalid/x.png"))
        #expect(load.console.contains { $0.contains("boom") })
        #expect(DOM.imagesWithoutAlt(load.dom).count == 1)
    }
}
