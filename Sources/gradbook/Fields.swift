/// The fields of a cache entry's head, each as its length in bytes, a newline and
/// its bytes (`-` and a newline for none): unambiguous whatever the text holds, and
/// compared or read without a parser. The entries' heads were JSON until decoding
/// them took 7 % of a build that reused every lecture (perf), most of it in the
/// lectures' and the engine's text, escaped and unescaped.
enum Fields {
    /// `fields` one after another.
    static func encode(_ fields: [String?]) -> [UInt8] {
        var bytes: [UInt8] = []
        for field in fields {
            guard let field else { bytes += Array("-\n".utf8); continue }
            bytes += Array("\(field.utf8.count)\n".utf8)
            bytes += field.utf8
        }
        return bytes
    }

    /// One field holding `bytes`.
    static func encode(bytes: [UInt8]) -> [UInt8] { Array("\(bytes.count)\n".utf8) + bytes }

    /// The bytes of the next field of `rest`, which loses it; nil when there is
    /// none or it is cut short, `.some(nil)` for a field written as none.
    static func next(_ rest: inout Slice<UnsafeBufferPointer<UInt8>>) -> Slice<UnsafeBufferPointer<UInt8>>?? {
        guard let newline = rest.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        let length = String(decoding: rest[..<newline], as: UTF8.self)
        rest = rest[(newline + 1)...]
        if length == "-" { return .some(nil) }
        guard let count = Int(length), count >= 0, count <= rest.count else { return nil }
        defer { rest = rest.dropFirst(count) }
        return rest.prefix(count)
    }

    /// The next field of `rest` as a whole number, when it is one.
    static func number(_ rest: inout Slice<UnsafeBufferPointer<UInt8>>) -> Int? { text(&rest).flatMap { Int($0) } }

    /// The next field of `rest` as text, when there is one and it is not none.
    static func text(_ rest: inout Slice<UnsafeBufferPointer<UInt8>>) -> String? {
        guard case .some(.some(let bytes)) = next(&rest) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
