/// Heading levels of a page that never skip one: an example's title is a
/// heading one level below the section it stands in (an example under a `##`
/// section gets an `<h3>`, under `###` an `<h4>`), so that readers that move
/// from heading to heading see the page's outline.
enum Headings {
    /// The examples' titles as written by `ExampleHTML`, with no level yet.
    static let exampleTitle = "<h4 class=\"example-title\">"

    /// The page with each example title one level below the heading before it.
    ///
    /// It reads the page's bytes (see `Replacing`): cmark writes a section's
    /// heading as `<h2>`, `ExampleHTML` an example's as `exampleTitle`.
    static func nest(_ html: String) -> String {
        var html = html
        return html.withUTF8 { page in
            var out: [UInt8] = [], level = 1, from = 0, copied = 0
            while let at = find("<h", in: page, from: from) {
                let digit = at + 2
                guard digit < page.count, (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(page[digit]) else {
                    from = at + 2
                    continue
                }
                let heading = Int(page[digit] - UInt8(ascii: "0"))
                from = digit + 1
                if from < page.count, page[from] == UInt8(ascii: ">") {
                    level = heading
                } else if starts(page, at: from, with: " class=\"example-title\">") {
                    let text = from + " class=\"example-title\">".utf8.count
                    guard let end = find("</h4>", in: page, from: text) else {
                        level = heading
                        continue
                    }
                    let own = min(level + 1, 6)
                    if out.isEmpty { out.reserveCapacity(page.count + 64) }
                    out.append(contentsOf: page[copied..<at])
                    out.append(contentsOf: "<h\(own) class=\"example-title\">".utf8)
                    out.append(contentsOf: page[text..<end])
                    out.append(contentsOf: "</h\(own)>".utf8)
                    (from, copied) = (end + 5, end + 5)
                }
            }
            out.append(contentsOf: page[copied...])
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static func find(_ text: String, in page: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var text = text
        return text.withUTF8 { String.find($0, in: page, from: start) }
    }

    private static func starts(_ page: UnsafeBufferPointer<UInt8>, at start: Int, with text: String) -> Bool {
        let bytes = text.utf8
        return start + bytes.count <= page.count && page[start..<start + bytes.count].elementsEqual(bytes)
    }
}
