import Foundation
import Testing

/// `gradbook build` a second time: a lecture whose text, included files,
/// neighbours, options and gradbook did not change is taken from the build cache,
/// and the workbook is byte for byte the one a clean build writes.
@Suite struct BuildCacheTests {
    let scratch: Scratch

    /// Three lectures in course order: the neuron (order 2), the circuit, and a lecture quoting a source file.
    init() throws {
        scratch = try Scratch()
        try scratch.write(lecture: "lectures/01-circuit.md", Lectures.circuit)
        try scratch.write(lecture: "lectures/02-neuron.md", Lectures.neuron)
        try scratch.write(lecture: "lectures/03-quoted.md", Self.quoted)
        try scratch.write(lecture: "src/gate.swift", "let gate = \"multiply\"\n")
    }

    static let quoted = """
        # A quoted gate

        ```include ../src/gate.swift
        ```

        ```graph id=twice
        x = 3
        f = x + x
        expect df/dx = 2
        ```

        """

    /// Every file of a built workbook with its bytes.
    private func files(_ folder: String) throws -> [String: Data] {
        Dictionary(uniqueKeysWithValues: try scratch.workbook(folder).map {
            ($0, try Data(contentsOf: scratch.url.appendingPathComponent("\(folder)/\($0)")))
        })
    }

    /// Builds from scratch into `clean` and expects the same files as in `out`.
    private func expectSameAsACleanBuild(_ options: [String] = []) throws {
        try scratch.build(options + ["--no-cache"], into: "clean")
        let (built, clean) = (try files("out"), try files("clean"))
        #expect(built.keys.sorted() == clean.keys.sorted())
        for (path, data) in clean { #expect(built[path] == data, "\(path) differs from a clean build") }
    }

    private func edit(_ path: String, _ change: (String) -> String) throws {
        try scratch.write(lecture: path, change(try scratch.read(path)))
    }

    @Test func aSecondBuildRunsNothingAndWritesWhatACleanBuildWrites() throws {
        let first = try scratch.build()
        #expect(!first.errors.contains("reused"))
        let second = try scratch.build()
        #expect(second.errorLines.contains("reused 3 of 3 lectures from '.gradbook-cache'"))
        #expect(!second.errors.contains("lectures/01-circuit.md:"), "no lecture is run")
        #expect(second.errorLines.last?.hasPrefix("built 3 lectures, 3 examples, 8 checks: 8 passed, 0 failed in ") == true)
        try expectSameAsACleanBuild()
    }

    @Test func anEditedLectureIsTheOnlyOneRunAgain() throws {
        try scratch.build()
        try edit("lectures/01-circuit.md") { $0 + "A paragraph added.\n" }
        let second = try scratch.build()
        #expect(second.errorLines.contains("reused 2 of 3 lectures from '.gradbook-cache'"))
        #expect(second.errorLines.contains("lectures/01-circuit.md: 1 example, 5/5 checks passed"))
        #expect(!second.errors.contains("lectures/02-neuron.md:"))
        #expect(try scratch.read("out/01-circuit.html").contains("<p>A paragraph added.</p>"))
        try expectSameAsACleanBuild()
    }

    /// The circuit's page links back to the neuron by its title, so it is drawn again; the last lecture is not.
    @Test func aNewTitleRunsTheNeighbourThatShowsIt() throws {
        try scratch.build()
        try edit("lectures/02-neuron.md") { $0.replacingOccurrences(of: "title: The sigmoid neuron", with: "title: One neuron") }
        let second = try scratch.build()
        #expect(second.errorLines.contains("reused 1 of 3 lectures from '.gradbook-cache'"))
        #expect(second.errorLines.contains { $0.hasPrefix("lectures/01-circuit.md: ") })
        #expect(try scratch.read("out/01-circuit.html").contains("← One neuron</a>"))
        try expectSameAsACleanBuild()
    }

    @Test func anEditedIncludedFileRunsTheLectureThatQuotesIt() throws {
        try scratch.build()
        try scratch.write(lecture: "src/gate.swift", "let gate = \"add\"\n")
        let second = try scratch.build()
        #expect(second.errorLines.contains("reused 2 of 3 lectures from '.gradbook-cache'"))
        #expect(second.errorLines.contains { $0.hasPrefix("lectures/03-quoted.md: ") })
        #expect(try scratch.read("out/03-quoted.html").contains("let gate = &quot;add&quot;"))
        try expectSameAsACleanBuild()
    }

    @Test func anotherOptionRunsEveryLecture() throws {
        try scratch.build()
        let unsafe = try scratch.build(["--unsafe-html"])
        #expect(!unsafe.errors.contains("reused"))
        #expect(try scratch.build(["--unsafe-html"]).errorLines.contains("reused 3 of 3 lectures from '.gradbook-cache'"))
        try expectSameAsACleanBuild(["--unsafe-html"])
    }

    /// A lecture kept under generous limits may fail under tighter ones: the limits are part of the key.
    @Test func otherLimitsRunEveryLecture() throws {
        try scratch.build()
        let tighter = try scratch.build(["--limit-nodes", "5000"])
        #expect(!tighter.errors.contains("reused"))
        #expect(try scratch.build(["--limit-nodes", "5000"]).errorLines.contains("reused 3 of 3 lectures from '.gradbook-cache'"))
        try expectSameAsACleanBuild(["--limit-nodes", "5000"])
    }

    /// A lecture with a failing check is never kept: its diagnostics are printed on every build.
    @Test func aFailingLectureIsRunOnEveryBuild() throws {
        try scratch.write(lecture: "lectures/04-wrong.md", Lectures.wrongFigure)
        for _ in 1...2 {
            let run = try CLI.run(["build", "lectures", "--output", "out"], in: scratch)
            #expect(run.status == 1)
            #expect(run.errors.contains("error: expected df/dx = -3, computed -4"))
        }
        #expect(!scratch.exists(".gradbook-cache/04-wrong.entry"))
        #expect(try CLI.run(["build", "lectures", "--output", "out"], in: scratch).errorLines
            .contains("reused 3 of 4 lectures from '.gradbook-cache'"))
    }

    /// Damage of every kind: the entry is not used, the lecture is run, and the entry written whole again.
    @Test(arguments: ["flipped byte", "cut short", "empty", "not an entry", "wrong length"])
    func aDamagedEntryIsIgnored(_ damage: String) throws {
        try scratch.build()
        let entry = scratch.url.appendingPathComponent(".gradbook-cache/01-circuit.entry")
        var bytes = try Data(contentsOf: entry)
        switch damage {
        case "flipped byte": bytes[bytes.count * 2 / 3] ^= 0x04
        case "cut short": bytes = bytes.prefix(bytes.count / 2)
        case "empty": bytes = Data()
        case "not an entry": bytes = Data("{\"key\": 1}\n".utf8)
        default:
            let header = String(decoding: bytes.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
            let fields = header.split(separator: " ")
            bytes = Data((fields.dropLast().joined(separator: " ") + " 12\n").utf8) + bytes.drop { $0 != UInt8(ascii: "\n") }.dropFirst()
        }
        try bytes.write(to: entry)
        let second = try scratch.build()
        #expect(second.errorLines.contains("reused 2 of 3 lectures from '.gradbook-cache'"))
        #expect(second.errorLines.contains { $0.hasPrefix("lectures/01-circuit.md: ") })
        try expectSameAsACleanBuild()
        #expect(try scratch.build().errorLines.contains("reused 3 of 3 lectures from '.gradbook-cache'"))
    }

    /// `--check` is the referee of the cache: it runs every lecture, and neither reads nor writes it.
    @Test func checkRunsEveryLecture() throws {
        try scratch.build()
        let before = scratch.tree()
        let check = try CLI.run(["build", "lectures", "--output", "out", "--check", "--cache", "elsewhere"], in: scratch)
        #expect(check.status == 0)
        for lecture in ["01-circuit", "02-neuron", "03-quoted"] {
            #expect(check.errorLines.contains { $0.hasPrefix("lectures/\(lecture).md: 1 example") })
        }
        let defaultCache = try CLI.run(["build", "lectures", "--output", "out", "--check"], in: scratch)
        #expect(defaultCache.errorLines.contains { $0.hasPrefix("lectures/02-neuron.md: 1 example") })
        #expect(scratch.changes(since: before).isEmpty)
    }
}
