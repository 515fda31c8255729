import Foundation
import Render

/// Lectures built before, kept in a folder that is not committed (`.gradbook-cache`
/// by default): one entry per page name, holding the lecture's `CacheKey` whole,
/// its files and its contents row. Only lectures without a single diagnostic are
/// kept, so a lecture taken from the cache has nothing to report.
///
/// An entry is a header line, `gradbook-cache <format> <crc32> <bytes>`, and a
/// JSON body. An entry that is damaged (wrong checksum, cut short, not JSON), was
/// written for other inputs, or cannot be read is a miss: the lecture is run
/// again and the entry replaced. Entries are written atomically (temp file +
/// rename), so builds that run at once never see half of one.
struct BuildCache {
    /// The folder, as given.
    let folder: URL

    /// A lecture's files and contents row, as a build made them.
    struct Entry: Codable {
        let key: CacheKey
        let files: [StoredFile]
        let row: ContentsRow
    }

    struct StoredFile: Codable {
        let path: String
        let contents: String
    }

    private static let magic = "gradbook-cache 1"

    init(_ folder: String) { self.folder = URL(fileURLWithPath: folder, isDirectory: true) }

    /// The files and row kept for `key`, when an entry for exactly that key is there and whole.
    func lookup(_ key: CacheKey) -> (files: [OutputFile], row: ContentsRow)? {
        guard let data = try? Data(contentsOf: url(of: key.slug)), let body = Self.body(of: data),
              let entry = try? JSONDecoder().decode(Entry.self, from: body), entry.key == key else { return nil }
        return (entry.files.map { OutputFile(path: $0.path, contents: $0.contents) }, entry.row)
    }

    /// Keeps a lecture's files under its key; a failure to write is no error (the next build runs it again).
    func store(_ key: CacheKey, files: [OutputFile], row: ContentsRow) {
        let entry = Entry(key: key, files: files.map { StoredFile(path: $0.path, contents: $0.contents) }, row: row)
        guard let body = try? JSONEncoder().encode(entry) else { return }
        let header = "\(Self.magic) \(Checksum.crc32(Array(body))) \(body.count)\n"
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? (Data(header.utf8) + body).write(to: url(of: key.slug), options: .atomic)
    }

    /// Where the entry of page `slug` lives (page names are safe file names).
    func url(of slug: String) -> URL { folder.appendingPathComponent(slug + ".entry") }

    /// The JSON body of an entry, when its header names this format and its checksum and length match.
    static func body(of data: Data) -> Data? {
        guard let newline = data.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        let fields = String(decoding: data[data.startIndex..<newline], as: UTF8.self).split(separator: " ")
        guard fields.count == 4, fields[0...1].joined(separator: " ") == magic, let length = Int(fields[3]) else { return nil }
        let body = data[(newline + 1)...]
        guard body.count == length, Checksum.crc32(Array(body)) == fields[2] else { return nil }
        return Data(body)
    }
}
