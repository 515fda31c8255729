/// Escaping of text from a lecture for the places it is printed.
enum Escape {
    /// Text for HTML content and attribute values, and for Graphviz's HTML-like labels.
    static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// Text for a DOT double-quoted string.
    static func dot(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }

    /// Text inside a Markdown table cell or code span: pipes and backticks made harmless.
    static func markdownCell(_ text: String) -> String {
        html(text).replacingBytes("|", with: "\\|").replacingBytes("\n", with: "<br>")
    }
}
