import Testing
@testable import Render
@testable import Workbook

/// The workbook of one lecture given as text.
func book(_ text: String, path: String = "lectures/01-test.md", unsafeHTML: Bool = false) -> [OutputFile] {
    Book.render([Runner.run(Lecture(path: path, text: text))], unsafeHTML: unsafeHTML)
}

/// The file at `path` of a built workbook.
func file(_ files: [OutputFile], _ path: String) -> String? {
    files.first { $0.path == path }?.contents
}

/// The text between `<main>` and `</main>` of a page.
func main(of page: String) -> String {
    guard let start = page.firstRange(of: "<main>\n"), let end = page.firstRange(of: "</main>") else { return "" }
    return String(page[start.upperBound..<end.lowerBound])
}
