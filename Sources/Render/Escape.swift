/// Escaping of text from a lecture for the places it is printed.
enum Escape {
    /// Text for HTML content and attribute values, and for Graphviz's HTML-like labels.
    ///
    /// By UTF-8 bytes: the five characters are ASCII, and a byte below 0x80 is
    /// never part of another character, so no `Character` needs to be formed
    /// (walking text by `Character` was 1.4 % of building the course). Text
    /// with nothing to escape, most of it, comes back as it is.
    static func html(_ text: String) -> String {
        var copy = text  // withUTF8 may make a String contiguous, so it needs a var
        return copy.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: { entity($0) != nil }) else { return text }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 32)
            out.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                if let entity = entity(byte) { out.append(contentsOf: entity.utf8) } else { out.append(byte) }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The entity that stands for an ASCII byte in HTML, if it needs one.
    private static func entity(_ byte: UInt8) -> String? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
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
