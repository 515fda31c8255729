import Foundation
import Testing

/// Bad inputs that are not lectures one can commit: made in a scratch folder
/// by each test, then given to the real executable.
@Suite("Generated bad inputs")
struct GeneratedBadInputTests {
    @Test("a 100 MB lecture is refused by its size, unread")
    func hugeLecture() throws {
        let scratch = try Scratch()
        let path = scratch.url.appendingPathComponent("huge.md")
        // A sparse file: 100 MB long, nothing written, so only its size can be what is refused.
        FileManager.default.createFile(atPath: path.path, contents: Data("# Huge\n".utf8))
        let handle = try FileHandle(forWritingTo: path)
        try handle.truncate(atOffset: 100_000_000)
        try handle.close()

        let start = ContinuousClock.now
        let run = try CLI.run(["check", "huge.md"], in: scratch)
        let elapsed = ContinuousClock.now - start

        #expect(run.status == 2)
        #expect(BadLectureCorpusTests.diagnostics(in: run.errors) == [
            "huge.md:1:1: error: the lecture is 100000000 bytes, more than the limit of 10000000 for a lecture file",
        ])
        #expect(run.errors.contains("--limit-lecture-bytes"))
        // Reading and parsing 100 MB takes many seconds; the refusal takes a process start.
        #expect(elapsed < .seconds(20))
    }

    @Test("--limit-lecture-bytes lets a bigger lecture through")
    func raisedSizeLimit() throws {
        let scratch = try Scratch()
        try scratch.write("long.md", "# Long\n\n" + String(repeating: "word ", count: 300) + "\n")
        #expect(try CLI.run(["check", "long.md", "--limit-lecture-bytes", "1000"], in: scratch).status == 2)
        #expect(try CLI.run(["check", "long.md", "--limit-lecture-bytes", "2000"], in: scratch).status == 0)
    }

    @Test("a lecture that is a folder, or a link to nothing, is named as such")
    func folderAndBrokenLink() throws {
        let scratch = try Scratch()
        let lectures = scratch.url.appendingPathComponent("lectures")
        try FileManager.default.createDirectory(at: lectures.appendingPathComponent("02-folder.md"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: lectures.appendingPathComponent("03-link.md").path,
                                                   withDestinationPath: "nowhere.md")
        try scratch.write("lectures/01-fine.md", "# Fine\n")

        let run = try CLI.run(["check", "lectures"], in: scratch)

        #expect(run.status == 2)
        #expect(BadLectureCorpusTests.diagnostics(in: run.errors) == [
            "lectures/02-folder.md:1:1: error: cannot read 'lectures/02-folder.md': it is a folder, not a lecture file",
            "lectures/03-link.md:1:1: error: cannot read 'lectures/03-link.md': it is a symbolic link to nothing",
        ])
        let direct = try CLI.run(["check", "lectures/03-link.md"], in: scratch)
        #expect(direct.status == 2)
        #expect(direct.errors.contains("it is a symbolic link to nothing"))
    }

    @Test("two lectures that map to the same page name get two pages and a warning")
    func sameOutputName() throws {
        let scratch = try Scratch()
        try scratch.write("a b.md", "# One\n")
        try scratch.write("a!b.md", "# Two\n")
        try scratch.write("index.md", "# Three\n")

        let run = try CLI.run(["build", "a b.md", "a!b.md", "index.md", "--output", "out"], in: scratch)

        #expect(run.status == 0)
        #expect(BadLectureCorpusTests.diagnostics(in: run.errors) == [
            "a!b.md:1:1: warning: this lecture's pages would take the name 'a-b' of 'a b.md'; they are named 'a-b-2'",
            "index.md:1:1: warning: this lecture's pages would take the name 'index' of the contents; they are named 'index-2'",
        ])
        let out = scratch.url.appendingPathComponent("out")
        for page in ["a-b.html", "a-b-2.html", "index-2.html", "index.html"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(page).path), "\(page)")
        }
        let two = try String(contentsOf: out.appendingPathComponent("a-b-2.html"), encoding: .utf8)
        #expect(two.contains("<h1>Two</h1>"))
    }

    @Test("an output folder that cannot be written is an error that names it, and nothing is half-written",
          arguments: ["/proc/gradbook-out", "blocker/out"])
    func unwritableOutput(_ output: String) throws {
        let scratch = try Scratch()
        try scratch.write("01-fine.md", "# Fine\n")
        try scratch.write("blocker", "a file where a folder should be\n")

        let run = try CLI.run(["build", "01-fine.md", "--output", output], in: scratch)

        #expect(run.status == 2)
        let lines = BadLectureCorpusTests.diagnostics(in: run.errors)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("\(output):1:1: error: cannot write to '\(output)': ") == true, "\(lines)")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test("a folder without write permission is refused (when not run as root, who may write anywhere)",
          .enabled(if: getuid() != 0))
    func readOnlyFolder() throws {
        let scratch = try Scratch()
        try scratch.write("01-fine.md", "# Fine\n")
        let locked = scratch.url.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked.path) }

        let run = try CLI.run(["build", "01-fine.md", "--output", "locked/out"], in: scratch)

        #expect(run.status == 2)
        #expect(run.errors.contains("locked/out:1:1: error: cannot write to 'locked/out': "))
    }

    @Test("bytes that are not UTF-8, at any place, are reported at their line and column")
    func notUTF8() throws {
        let scratch = try Scratch()
        let bytes = Array("# Title\n\nok line\nbad ".utf8) + [0xC3, 0x28] + Array(" here\n".utf8)
        try Data(bytes).write(to: scratch.url.appendingPathComponent("bytes.md"))

        let run = try CLI.run(["check", "bytes.md"], in: scratch)

        #expect(run.status == 2)
        #expect(BadLectureCorpusTests.diagnostics(in: run.errors) == [
            "bytes.md:4:5: error: the file is not valid UTF-8 (byte 0xC3 here)",
        ])
    }
}
