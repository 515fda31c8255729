import Foundation
import Render

/// Lectures built before, kept in a folder that is not committed (`.gradbook-cache`
/// by default): one entry per page name, holding the lecture's `CacheKey` whole,
/// its contents row and its files. Only lectures without a single diagnostic are
/// kept, so a lecture taken from the cache has nothing to report.
///
/// An entry is a header line, `gradbook-cache <format> <crc32> <bytes>`, then the
/// key and the row as `Fields`, then each file as its path, its length and its
/// bytes (pages hold hundreds of kilobytes of SVG: as JSON strings they took 150 ms
/// to decode for the course, as raw bytes nothing to speak of). An entry
/// that is damaged (wrong checksum or length, cut short, not this format), was
/// written for other inputs, or cannot be read is a miss: the lecture is run
/// again and the entry replaced. Entries are written atomically (temp file +
/// rename), so builds that run at once never see half of one.
///
/// The folder also keeps Graphviz's drawings (`LayoutCache`), so that a lecture
/// run again draws its unchanged graphs without laying them out.
///
/// For `serve`, which rebuilds again and again, entries read or written are also
/// kept in memory, so that each is read from disk once; a single build keeps
/// none, so that hundreds of lectures' pages are not all held at once.
final class BuildCache: @unchecked Sendable {
    /// The folder, as given.
    let folder: URL
    /// Graphviz's drawings, in the folder's `layouts/`.
    let layouts: LayoutCache
    private let lock = NSLock()
    private var memory: [String: (key: CacheKey, files: [OutputFile], row: ContentsRow)] = [:]
    private let remembers: Bool

    private static let magic = "gradbook-cache 3"
    private static let newline = UInt8(ascii: "\n")

    /// The cache in `folder`; `remembering` keeps the entries read or written in memory too.
    init(_ folder: String, remembering: Bool = false) {
        (self.folder, remembers) = (URL(fileURLWithPath: folder, isDirectory: true), remembering)
        layouts = LayoutCache(self.folder.appendingPathComponent("layouts", isDirectory: true))
    }

    /// The files and row kept for `key`, when an entry for exactly that key is there and whole.
    func lookup(_ key: CacheKey) -> (files: [OutputFile], row: ContentsRow)? {
        if let kept = lock.withLock({ memory[key.slug] }), kept.key == key { return (kept.files, kept.row) }
        guard let (files, row) = read(key) else { return nil }
        if remembers { lock.withLock { memory[key.slug] = (key, files, row) } }
        return (files, row)
    }

    /// The entry for `key` on disk, when it is whole and for exactly that key.
    private func read(_ key: CacheKey) -> (files: [OutputFile], row: ContentsRow)? {
        guard let data = try? Data(contentsOf: url(of: key.slug)) else { return nil }
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> (files: [OutputFile], row: ContentsRow)? in
            guard var rest = Self.body(of: raw.bindMemory(to: UInt8.self)), case .some(.some(let kept)) = Fields.next(&rest),
                  Self.equal(kept, key.encoded), let row = Self.row(&rest) else { return nil }
            var files: [OutputFile] = []
            while !rest.isEmpty {
                guard let path = Self.line(&rest), let count = Self.line(&rest).flatMap({ Int(String(decoding: $0, as: UTF8.self)) }),
                      count >= 0, count <= rest.count else { return nil }
                files.append(OutputFile(path: String(decoding: path, as: UTF8.self), bytes: Array(rest.prefix(count))))
                rest = rest.dropFirst(count)
            }
            return (files, row)
        }
    }

    /// Whether `kept` holds exactly `bytes`.
    private static func equal(_ kept: Slice<UnsafeBufferPointer<UInt8>>, _ bytes: [UInt8]) -> Bool {
        kept.count == bytes.count && (bytes.isEmpty || bytes.withUnsafeBytes { memcmp(kept.base.baseAddress! + kept.startIndex, $0.baseAddress!, kept.count) == 0 })
    }

    /// The contents row of an entry: page name, title, and its numbers of examples, checks and passed checks.
    private static func row(_ rest: inout Slice<UnsafeBufferPointer<UInt8>>) -> ContentsRow? {
        guard let slug = Fields.text(&rest), let title = Fields.text(&rest), let examples = Fields.number(&rest),
              let checks = Fields.number(&rest), let passed = Fields.number(&rest) else { return nil }
        return ContentsRow(slug: slug, title: title, examples: examples, checks: checks, passed: passed)
    }

    /// Keeps a lecture's files under its key; a failure to write is no error (the next build runs it again).
    func store(_ key: CacheKey, files: [OutputFile], row: ContentsRow) {
        if remembers { lock.withLock { memory[key.slug] = (key, files, row) } }
        var body = Fields.encode(bytes: key.encoded)
        body += Fields.encode([row.slug, row.title, "\(row.examples)", "\(row.checks)", "\(row.passed)"])
        for file in files {
            body += Array("\(file.path)\n\(file.bytes.count)\n".utf8)
            body += file.bytes
        }
        let header = "\(Self.magic) \(Checksum.crc32(body)) \(body.count)\n"
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? AtomicFile.write(Array(header.utf8) + body, to: url(of: key.slug))
    }

    /// Where the entry of page `slug` lives (page names are safe file names).
    func url(of slug: String) -> URL { folder.appendingPathComponent(slug + ".entry") }

    /// What follows the header, when the header names this format (`magic`) and the checksum and length match.
    static func body(of bytes: UnsafeBufferPointer<UInt8>, magic: String = magic) -> Slice<UnsafeBufferPointer<UInt8>>? {
        guard let newline = bytes.firstIndex(of: newline) else { return nil }
        let fields = String(decoding: bytes[..<newline], as: UTF8.self).split(separator: " ")
        guard fields.count == 4, fields[0...1].joined(separator: " ") == magic, let length = Int(fields[3]) else { return nil }
        let body = bytes[(newline + 1)...]
        guard body.count == length, Checksum.crc32(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: body))) == fields[2] else { return nil }
        return body
    }

    /// The bytes of `rest` up to its next newline, which it loses with them; nil when there is none.
    private static func line(_ rest: inout Slice<UnsafeBufferPointer<UInt8>>) -> Slice<UnsafeBufferPointer<UInt8>>? {
        guard let end = rest.firstIndex(of: newline) else { return nil }
        defer { rest = rest[(end + 1)...] }
        return rest[..<end]
    }
}
