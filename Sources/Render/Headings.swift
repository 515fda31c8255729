/// Heading levels of a page that never skip one: an example's title is a
/// heading one level below the section it stands in (an example under a `##`
/// section gets an `<h3>`, under `###` an `<h4>`), so that readers that move
/// from heading to heading see the page's outline.
enum Headings {
    /// The examples' titles as written by `ExampleHTML`, with no level yet.
    static let exampleTitle = "<h4 class=\"example-title\">"

    /// The page with each example title one level below the heading before it.
    static func nest(_ html: String) -> String {
        var out = "", level = 1
        var rest = html[...]
        while let heading = rest.firstMatch(of: /<h([1-6])( class="example-title")?>/) {
            out += rest[..<heading.range.lowerBound]
            rest = rest[heading.range.upperBound...]
            guard heading.output.2 != nil, let end = rest.firstRange(of: "</h4>") else {
                level = Int(heading.output.1) ?? level
                out += heading.output.0
                continue
            }
            let own = min(level + 1, 6)
            out += "<h\(own) class=\"example-title\">" + rest[..<end.lowerBound] + "</h\(own)>"
            rest = rest[end.upperBound...]
        }
        return out + rest
    }
}
