import Foundation
import Testing

/// The drawings kept in the build cache (`layouts/`): a lecture run again takes a
/// graph from there only when Graphviz was given exactly the same DOT text by the
/// same gradbook, never from a damaged entry, and the workbook is byte for byte
/// the one a clean build writes.
@Suite struct LayoutCacheTests {
    let scratch: Scratch

    /// A product whose figures the tests change, and the circuit.
    init() throws {
        scratch = try Scratch()
        try scratch.write(lecture: "lectures/01-product.md", Self.product(x: 3))
        try scratch.write(lecture: "lectures/02-circuit.md", Lectures.circuit)
    }

    static func product(x: Int) -> String {
        """
        # A product

        ```graph id=product
        x = \(x)
        y = -4
        f = x * y
        ```

        """
    }

    /// Builds from scratch into `clean` and expects the same files as in `out`.
    private func expectSameAsACleanBuild() throws {
        try scratch.build(["--no-cache"], into: "clean")
        let (built, clean) = (scratch.workbook("out"), scratch.workbook("clean"))
        #expect(built == clean)
        for path in clean {
            let (a, b) = (try Data(contentsOf: file("out/\(path)")), try Data(contentsOf: file("clean/\(path)")))
            #expect(a == b, "\(path) differs from a clean build")
        }
    }

    private func file(_ path: String) -> URL { scratch.url.appendingPathComponent(path) }

    /// The one engine folder under `layouts/`.
    private func engineFolder() throws -> String {
        let folders = scratch.tree(".gradbook-cache/layouts").filter { !$0.contains("/") }
        try #require(folders.count == 1, "\(folders)")
        return ".gradbook-cache/layouts/\(folders[0])"
    }

    /// The entry whose DOT text draws example `id`, split into its DOT text and SVG.
    private func entry(of id: String) throws -> (path: String, dot: [UInt8], svg: [UInt8]) {
        let folder = try engineFolder()
        for name in scratch.tree(folder) where name.hasSuffix(".layout") {
            let bytes = [UInt8](try Data(contentsOf: file("\(folder)/\(name)")))
            let body = bytes.split(separator: UInt8(ascii: "\n"), maxSplits: 2, omittingEmptySubsequences: false)
            try #require(body.count == 3)
            let count = try #require(Int(String(decoding: body[1], as: UTF8.self)))
            let (dot, svg) = (Array(body[2].prefix(count)), Array(body[2].dropFirst(count)))
            if String(decoding: dot, as: UTF8.self).contains("id=\"\(id).n0\"") { return ("\(folder)/\(name)", dot, svg) }
        }
        throw Missing(id: id)
    }

    private struct Missing: Error {
        let id: String
    }

    /// Writes an entry of the cache's format, its checksum right, at `path`.
    private func writeEntry(_ path: String, dot: [UInt8], svg: [UInt8]) throws {
        let body = Array("\(dot.count)\n".utf8) + dot + svg
        let header = "gradbook-layout 1 \(CRC32.hex(body)) \(body.count)\n"
        try Data(Array(header.utf8) + body).write(to: file(path))
    }

    /// The numbers on the graph's edges, each value before its gradient (Graphviz writes `-` as `&#45;`).
    private func labels(_ svgPath: String) throws -> [String] {
        try scratch.read(svgPath).split(separator: "\n").filter { $0.contains("class=\"value\"") || $0.contains("class=\"gradient\"") }
            .map { line in String(line.split(separator: ">").last?.split(separator: "<").first ?? "").replacingOccurrences(of: "&#45;", with: "-") }
    }

    /// Adds a paragraph to the product's lecture: it runs again, its graph unchanged.
    private func addParagraph() throws {
        try scratch.write(lecture: "lectures/01-product.md", Self.product(x: 3) + "A paragraph.\n")
    }

    @Test func aChangedExampleIsLaidOutAgain() throws {
        try scratch.build()
        #expect(try labels("out/01-product/product.svg") == ["3", "-4", "-4", "3", "-12", "1"])
        try scratch.write(lecture: "lectures/01-product.md", Self.product(x: 7))
        try scratch.build()
        #expect(try labels("out/01-product/product.svg") == ["7", "-4", "-4", "7", "-28", "1"])
        try expectSameAsACleanBuild()
    }

    /// Both lectures run again, every graph drawn from the cache: the workbook is a clean build's, and no entry is rewritten.
    @Test func drawingsFromTheCacheAreWhatACleanBuildDraws() throws {
        try scratch.build()
        let folder = try engineFolder()
        let kept = try scratch.tree(folder).map { ($0, try Data(contentsOf: file("\(folder)/\($0)"))) }
        let written = try scratch.tree(folder).map { try FileManager.default.attributesOfItem(atPath: file("\(folder)/\($0)").path)[.modificationDate] as? Date }
        try addParagraph()
        try scratch.write(lecture: "lectures/02-circuit.md", Lectures.circuit + "A paragraph.\n")
        let second = try scratch.build()
        #expect(!second.errors.contains("reused"))
        try expectSameAsACleanBuild()
        #expect(try scratch.tree(folder).map { ($0, try Data(contentsOf: file("\(folder)/\($0)"))) }.elementsEqual(kept) { $0 == $1 })
        #expect(try scratch.tree(folder).map { try FileManager.default.attributesOfItem(atPath: file("\(folder)/\($0)").path)[.modificationDate] as? Date } == written)
    }

    /// An entry made to differ, its checksum right, shows on the page: the drawing comes from the cache.
    @Test func anUnchangedGraphIsTakenFromTheCache() throws {
        try scratch.build()
        let kept = try entry(of: "product")
        let marked = Array(String(decoding: kept.svg, as: UTF8.self).replacingOccurrences(of: "<svg ", with: "<svg data-kept=\"yes\" ").utf8)
        try writeEntry(kept.path, dot: kept.dot, svg: marked)
        try addParagraph()
        try scratch.build()
        #expect(try scratch.read("out/01-product/product.svg").contains("data-kept=\"yes\""))
        #expect(try scratch.read("out/01-product.html").contains("<p>A paragraph.</p>"))
    }

    /// A damaged entry, or one whose DOT text is another's (a collision of names), is
    /// not used: the graph is laid out again, the entry written whole again.
    @Test(arguments: ["flipped byte", "cut short", "empty", "another graph's", "wrong length"])
    func aDamagedEntryIsNotUsed(_ damage: String) throws {
        try scratch.build()
        let kept = try entry(of: "product")
        let marked = Array(String(decoding: kept.svg, as: UTF8.self).replacingOccurrences(of: "<svg ", with: "<svg data-kept=\"yes\" ").utf8)
        try writeEntry(kept.path, dot: kept.dot, svg: marked)
        var bytes = try Data(contentsOf: file(kept.path))
        switch damage {
        case "flipped byte": bytes[bytes.count - 20] ^= 0x04
        case "cut short": bytes = bytes.prefix(bytes.count / 2)
        case "empty": bytes = Data()
        case "another graph's":
            try writeEntry(kept.path, dot: kept.dot + Array("// another graph\n".utf8), svg: marked)
            bytes = try Data(contentsOf: file(kept.path))
        default:
            let header = String(decoding: bytes.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
            bytes = Data((header.split(separator: " ").dropLast().joined(separator: " ") + " 12\n").utf8)
                + bytes.drop { $0 != UInt8(ascii: "\n") }.dropFirst()
        }
        try bytes.write(to: file(kept.path))
        try addParagraph()
        try scratch.build()
        #expect(try !scratch.read("out/01-product/product.svg").contains("data-kept"))
        try expectSameAsACleanBuild()
        #expect(try entry(of: "product") == kept, "the entry is written again")
    }

    /// Drawings kept by another gradbook (another Graphviz, other fonts) are not used, and are removed.
    @Test func anotherEnginesDrawingsAreNotUsed() throws {
        try scratch.build()
        let folder = try engineFolder()
        let kept = try entry(of: "product")
        let marked = Array(String(decoding: kept.svg, as: UTF8.self).replacingOccurrences(of: "<svg ", with: "<svg data-kept=\"yes\" ").utf8)
        try writeEntry(kept.path, dot: kept.dot, svg: marked)
        try Data("/usr/lib/libgvc.so.6 1 2.3 4\n".utf8).write(to: file("\(folder)/engine"))
        try FileManager.default.createDirectory(at: file(".gradbook-cache/layouts/0123456789abcdef"), withIntermediateDirectories: true)
        try addParagraph()
        try scratch.build()
        #expect(try !scratch.read("out/01-product/product.svg").contains("data-kept"))
        #expect(scratch.tree(".gradbook-cache/layouts").filter { !$0.contains("/") } == [String(folder.split(separator: "/").last ?? "")])
        #expect(try entry(of: "product").svg == kept.svg)
        try expectSameAsACleanBuild()
    }

    /// `--no-cache` neither reads nor writes drawings.
    @Test func noCacheKeepsNoDrawing() throws {
        try scratch.build(["--no-cache"])
        #expect(!scratch.exists(".gradbook-cache"))
        try scratch.build()
        let kept = try entry(of: "product")
        let marked = Array(String(decoding: kept.svg, as: UTF8.self).replacingOccurrences(of: "<svg ", with: "<svg data-kept=\"yes\" ").utf8)
        try writeEntry(kept.path, dot: kept.dot, svg: marked)
        let before = scratch.tree(".gradbook-cache")
        try scratch.build(["--no-cache"], into: "other")
        #expect(try !scratch.read("other/01-product/product.svg").contains("data-kept"))
        #expect(scratch.tree(".gradbook-cache") == before)
        #expect(try entry(of: "product").svg == marked, "the entry is not written")
    }
}

/// zlib's CRC-32, bit by bit: what the tests sign the entries they write with.
enum CRC32 {
    static func hex(_ bytes: [UInt8]) -> String {
        var crc: UInt32 = 0xffff_ffff
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xedb8_8320 : crc >> 1 }
        }
        let hex = String(crc ^ 0xffff_ffff, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
