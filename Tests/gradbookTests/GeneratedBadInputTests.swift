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

/// The limit flags, as a user types them.
@Suite("Limit flags")
struct LimitFlagTests {
    @Test("--limit-steps lowers the steps a minimize may take, and the error names the flag")
    func stepsFlag() throws {
        let scratch = try Scratch()
        let spec = "w = 3\nL = w * w\nminimize L over w with sgd(lr: 0.1) for 50 steps\n"
        let low = try CLI.run(["eval", "-", "--limit-steps", "10"], input: spec, in: scratch)
        #expect(low.status == 2)
        #expect(low.errors.contains("<stdin>:3:41: error: 50 steps are more than the limit-steps of 10 for one minimize"))
        #expect(low.errors.contains("--limit-steps N"))
        #expect(try CLI.run(["eval", "-", "--limit-steps", "50"], input: spec, in: scratch).status == 0)
    }

    @Test("a limit flag that is no positive number, or too deep a nesting, is a usage error", arguments: [
        ["--limit-depth", "5000"], ["--limit-seconds", "0"], ["--limit-nodes", "-1"], ["--limit-elements", "many"],
    ])
    func badFlag(_ flag: [String]) throws {
        let run = try CLI.run(["eval", "-"] + flag, input: "x = 1\n", in: Scratch())
        #expect(run.status == 2)
        #expect(run.errors.contains(flag[0]))
    }

    @Test("a lecture's front matter raises a limit the flags set lower")
    func frontMatterOverFlags() throws {
        let scratch = try Scratch()
        try scratch.write("01-long.md", "---\nlimit-steps: 100\n---\n# Long\n\n```graph\nw = 3\nL = w * w\n"
            + "minimize L over w with sgd(lr: 0.1) for 50 steps\n```\n")
        #expect(try CLI.run(["check", "01-long.md", "--limit-steps", "10"], in: scratch).status == 0)
    }
}

/// Links a pull request can commit: none lets a build read or write outside the course.
@Suite("Links in a course")
struct LinkTests {
    @Test("a folder of the output that links outside it is refused, and nothing is written")
    func outputLinkLeadsOutside() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("lectures"), withIntermediateDirectories: true)
        try scratch.write("lectures/01-fine.md", "# Fine\n\n```graph\nx = 1\nf = x * 2\n```\n")
        let elsewhere = scratch.url.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("out"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.url.appendingPathComponent("out/01-fine").path,
                                                   withDestinationPath: "../elsewhere")

        let run = try CLI.run(["build", "lectures", "--output", "out"], in: scratch)

        #expect(run.status == 2)
        #expect(run.errors.contains("out:1:1: error: cannot write to 'out': '01-fine' is a link to a folder outside it; nothing was written"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out/index.html").path))
    }

    @Test("an included file that is a link to outside the course is not quoted")
    func includeLinkLeadsOutside() throws {
        let scratch = try Scratch()
        try scratch.write("secret.txt", "the key\n")
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("course/lectures"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.url.appendingPathComponent("course/notes.txt").path,
                                                   withDestinationPath: scratch.url.appendingPathComponent("secret.txt").path)
        try scratch.write("course/lectures/01-quote.md", "# Quote\n\n```include ../notes.txt\n```\n")

        let run = try CLI.run(["build", "lectures", "--output", "out"], in: scratch, subfolder: "course")

        #expect(run.status == 2)
        #expect(run.errors.contains("lectures/01-quote.md:3:1: error: cannot include '../notes.txt': no such file in this course"))
    }
}
