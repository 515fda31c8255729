import Glibc

/// Replacing text in pages by their bytes. A page holds every example's SVG,
/// hundreds of kilobytes: the standard library's `replacing` and regular
/// expressions walk it `Character` by `Character` and cost more than the rest
/// of rendering; `memchr` and `memcmp` over UTF-8 find the same ASCII markup at once.
extension String {
    /// The text with the first `limit` occurrences of `target` replaced by `replacement`.
    func replacingBytes(_ target: String, with replacement: String, limit: Int = .max) -> String {
        var text = self, pattern = target
        return text.withUTF8 { bytes in
            pattern.withUTF8 { pattern in
                var out: [UInt8] = [], start = 0, replaced = 0
                while replaced < limit, let found = Self.find(pattern, in: bytes, from: start) {
                    if out.isEmpty { out.reserveCapacity(bytes.count + 64) }
                    out.append(contentsOf: bytes[start..<found])
                    out.append(contentsOf: replacement.utf8)
                    start = found + pattern.count
                    replaced += 1
                }
                guard replaced > 0 else { return self }
                out.append(contentsOf: bytes[start...])
                return String(decoding: out, as: UTF8.self)
            }
        }
    }

    /// The byte offset of the first `pattern` in `bytes` at or after `start`.
    static func find(_ pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = pattern.first, let base = bytes.baseAddress else { return nil }
        var at = start
        while at + pattern.count <= bytes.count,
              let found = memchr(base + at, Int32(first), bytes.count - pattern.count + 1 - at) {
            at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + at, pattern.baseAddress!, pattern.count) == 0 { return at }
            at += 1
        }
        return nil
    }
}
