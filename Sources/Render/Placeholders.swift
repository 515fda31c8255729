/// Words that stand in for markup while cmark reads a lecture (math, folded answers),
/// put back afterwards in one pass over the page's bytes. A page holds every
/// example's SVG and plots, hundreds of kilobytes, so a search per placeholder —
/// or any search by `Character` — would cost far more than the page is worth.
enum Placeholders {
    /// `text` with each `prefix` + number + `suffix` replaced by `replacement(number)`
    /// when that gives a text. The number is written without leading zeros, or left
    /// out (then `replacement` hears nil).
    static func restore(_ text: String, prefix: String, suffix: String, _ replacement: (Int?) -> String?) -> String {
        let (prefix, suffix) = (Array(prefix.utf8), Array(suffix.utf8))
        var text = text
        let restored: String? = text.withUTF8 { bytes in
            var out: [UInt8] = []
            var i = 0, copied = 0
            while let at = prefix.withUnsafeBufferPointer({ String.find($0, in: bytes, from: i) }) {
                i = at
                guard let (number, end) = match(bytes, at: i, prefix, suffix), let markup = replacement(number) else {
                    i += 1
                    continue
                }
                if out.isEmpty { out.reserveCapacity(bytes.count + 1024) }
                out.append(contentsOf: bytes[copied..<i])
                out.append(contentsOf: markup.utf8)
                (i, copied) = (end, end)
            }
            guard copied > 0 else { return nil }
            out.append(contentsOf: bytes[copied...])
            return String(decoding: out, as: UTF8.self)
        }
        return restored ?? text
    }

    /// The number of the placeholder starting at byte `i` (nil when it has none), and the byte after it.
    private static func match(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, _ prefix: [UInt8], _ suffix: [UInt8])
        -> (number: Int?, end: Int)? {
        guard i + prefix.count <= bytes.count, bytes[i..<i + prefix.count].elementsEqual(prefix) else { return nil }
        var j = i + prefix.count, number = 0
        while j < bytes.count, j - i - prefix.count < 9, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[j]) {
            number = number * 10 + Int(bytes[j] - UInt8(ascii: "0"))
            j += 1
        }
        let digits = j - i - prefix.count
        guard digits == 0 || digits == String(number).count, j + suffix.count <= bytes.count,
              bytes[j..<j + suffix.count].elementsEqual(suffix) else { return nil }
        return (digits == 0 ? nil : number, j + suffix.count)
    }
}
