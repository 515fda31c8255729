/// Math in prose, kept away from cmark: `$…$` and `$$…$$` become placeholder
/// words before parsing (cmark would read `$a*b*c$` as emphasis) and come back
/// afterwards, escaped, inside `\(…\)` or `\[…\]` for KaTeX to typeset in the browser.
enum Math {
    /// The text with each math span replaced by a placeholder word, and the spans in order.
    static func protect(_ text: String) -> (String, [(tex: String, display: Bool)]) {
        let chars = Array(text)
        var out = "", spans: [(tex: String, display: Bool)] = []
        var i = 0, atLineStart = true, inFence = false
        while i < chars.count {
            if atLineStart, isFence(chars, i) {
                // A fence line, opening or closing, is copied whole: its backticks are no code span.
                inFence.toggle()
                let end = chars[i...].firstIndex(of: "\n") ?? chars.count
                out += String(chars[i..<end])
                i = end
                continue
            }
            let c = chars[i]
            atLineStart = c == "\n"
            if inFence || c == "\n" { out.append(c); i += 1; continue }
            if c == "\\", i + 1 < chars.count, chars[i + 1] == "$" { out += "\\$"; i += 2; continue }
            if c == "`" {
                let run = chars[i...].prefix { $0 == "`" }.count
                let end = find(Array(repeating: "`", count: run), in: chars, from: i + run)
                let stop = end.map { $0 + run } ?? i + run
                out += String(chars[i..<stop]); i = stop; continue
            }
            if c == "$" {
                let display = i + 1 < chars.count && chars[i + 1] == "$"
                let open = display ? 2 : 1
                if let end = find(Array(repeating: "$", count: open), in: chars, from: i + open),
                   end > i + open, display || !chars[i + open..<end].contains("\n") {
                    spans.append((String(chars[i + open..<end]), display))
                    out += placeholder(spans.count - 1)
                    i = end + open; continue
                }
            }
            out.append(c); i += 1
        }
        return (out, spans)
    }

    /// The HTML with each placeholder replaced by its math, escaped, in KaTeX's delimiters.
    static func restore(_ html: String, _ spans: [(tex: String, display: Bool)]) -> String {
        guard !spans.isEmpty else { return html }
        return Placeholders.restore(html, prefix: "GRADBOOKMATH", suffix: "X") { index in
            guard let index, index < spans.count else { return nil }
            let tex = Escape.html(spans[index].tex)
            return spans[index].display ? "<span class=\"math display\">\\[\(tex)\\]</span>" : "<span class=\"math\">\\(\(tex)\\)</span>"
        }
    }

    private static func placeholder(_ index: Int) -> String { "GRADBOOKMATH\(index)X" }

    private static func isFence(_ chars: [Character], _ i: Int) -> Bool {
        let indent = chars[i...].prefix { $0 == " " }.count
        guard indent <= 3, i + indent + 3 <= chars.count else { return false }
        let mark = chars[i + indent]
        return (mark == "`" || mark == "~") && chars[i + indent..<i + indent + 3].allSatisfy { $0 == mark }
    }

    private static func find(_ needle: [Character], in chars: [Character], from start: Int) -> Int? {
        guard start <= chars.count - needle.count else { return nil }
        for j in start...(chars.count - needle.count) where chars[j..<j + needle.count].elementsEqual(needle) { return j }
        return nil
    }
}
