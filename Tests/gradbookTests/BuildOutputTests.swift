import Foundation
import Testing

/// What `gradbook build` leaves on disk: `--check` against it, byte-identical
/// rebuilds, and nothing written outside the output folder whatever the lectures are called.
@Suite struct BuildOutputTests {
    let scratch: Scratch

    init() throws { scratch = try Scratch() }

    /// Builds two lectures into `out` and expects every check to pass.
    private func buildCourse() throws {
        try scratch.write(lecture: "lectures/01-circuit.md", Lectures.circuit)
        try scratch.write(lecture: "lectures/02-neuron.md", Lectures.neuron)
        let run = try CLI.run(["build", "lectures", "--output", "out"], in: scratch)
        #expect(run.status == 0)
    }

    @Test func checkRightAfterABuildFindsNothingStaleAndWritesNothing() throws {
        try buildCourse()
        let before = scratch.tree()
        let run = try CLI.run(["build", "lectures", "--output", "out", "--check"], in: scratch)
        #expect(run.status == 0)
        #expect(run.output.isEmpty)
        #expect(run.errorLines.last?.hasPrefix("checked 2 lectures, 2 examples, 7 checks: 7 passed, 0 failed in ") == true)
        #expect(scratch.changes(since: before).isEmpty)
    }

    /// A page edited by hand, an SVG deleted, a file left from an example since removed.
    @Test(arguments: [("stale", "02-neuron.md"), ("missing", "01-circuit/circuit.svg"), ("extra", "01-circuit/old.svg")])
    func checkListsAChangedFileAndExits1(_ kind: String, _ file: String) throws {
        try buildCourse()
        let url = scratch.url.appendingPathComponent("out/\(file)")
        switch kind {
        case "stale": try Data((try scratch.read("out/\(file)") + "An edit by hand.\n").utf8).write(to: url)
        case "missing": try FileManager.default.removeItem(at: url)
        default: try Data("<svg/>\n".utf8).write(to: url)
        }
        let before = scratch.tree()
        let run = try CLI.run(["build", "lectures", "--output", "out", "--check"], in: scratch)
        #expect(run.status == 1)
        #expect(run.stdout == "\(kind): \(file)\n")
        #expect(scratch.changes(since: before).isEmpty, "--check writes nothing")

        guard kind != "extra" else { return }
        #expect(try CLI.run(["build", "lectures", "--output", "out"], in: scratch).status == 0)
        #expect(try CLI.run(["build", "lectures", "--output", "out", "--check"], in: scratch).output.isEmpty, "a build repairs it")
    }

    @Test func twoBuildsIntoTwoFoldersGiveByteIdenticalTrees() throws {
        let course = [("01-circuit", Lectures.circuit), ("02-neuron", Lectures.neuron), ("03-training", Lectures.training),
                      ("04-wrong", Lectures.wrongFigure), ("05-mixed", Lectures.syntaxError)]
        for (name, text) in course { try scratch.write(lecture: "lectures/\(name).md", text) }
        for folder in ["one", "two"] {
            #expect(try CLI.run(["build", "lectures", "--output", folder], in: scratch).status == 2)
        }
        let files = scratch.workbook("one")
        #expect(files == scratch.workbook("two"))
        #expect(files.count >= 2 + 2 * course.count + 2, "pages, SVGs, contents and assets")
        for file in files {
            let one = try Data(contentsOf: scratch.url.appendingPathComponent("one/\(file)"))
            let two = try Data(contentsOf: scratch.url.appendingPathComponent("two/\(file)"))
            #expect(one == two, "\(file) differs between two builds")
        }
    }

    @Test func oddFileNamesAndRelativePathsWriteOnlyInsideTheOutputFolder() throws {
        let odd = "my lecture! <script>é∂ 𝛁.md"
        try scratch.write(lecture: "course/\(odd)", """
            # Odd <script>alert(1)</script>

            ```graph id="../../evil"
            x = 2
            y = x * 3
            expect y = 6
            ```

            """)
        try scratch.write(lecture: "work/x.md", Lectures.neuron)
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("work/deep"), withIntermediateDirectories: true)
        let before = scratch.tree()
        let built = try CLI.run(["build", "../../course/\(odd)", "../x.md", "--output", "../../out"], in: scratch, subfolder: "work/deep")
        #expect(built.status == 0)
        #expect(scratch.changes(since: before) == ["out", "work/deep/.gradbook-cache"],
                "everything written is inside --output, but the build cache in the working folder")
        let safe = { (c: Character) in c.isASCII && (c.isLetter || c.isNumber || "-_./".contains(c)) }
        #expect(scratch.tree("work/deep/.gradbook-cache").filter { !$0.hasPrefix("layouts") } == ["my-lecture---script-----.entry", "x.entry"])
        #expect(!scratch.tree("work/deep/.gradbook-cache/layouts").isEmpty && scratch.tree("work/deep/.gradbook-cache/layouts").allSatisfy { $0.allSatisfy(safe) }, "drawings named by hashes")
        #expect(scratch.exists("out/x.html"))
        #expect(scratch.workbook("out").filter { !$0.allSatisfy(safe) }.isEmpty, "page names of safe characters only")
        #expect(!(try scratch.read("out/index.html")).contains("<script>"))
    }

    /// `--output` set to the lectures' own folder: a page would replace its lecture.
    @Test func aBuildNeverOverwritesALecture() throws {
        try scratch.write(lecture: "lectures/circuit.md", Lectures.circuit)
        let run = try CLI.run(["build", "lectures", "--output", "lectures"], in: scratch)
        #expect(run.status == 2)
        #expect(run.errorLines.contains(
            "lectures:1:1: error: cannot write to 'lectures': 'circuit.md' would overwrite the lecture 'lectures/circuit.md'"))
        #expect(try scratch.read("lectures/circuit.md") == Lectures.circuit)
        #expect(scratch.workbook("lectures") == ["circuit.md"])
    }

    /// Names that differ only in the characters a page name cannot hold, and the names of the contents.
    /// (A folder's README.md is no lecture, so these are named on the command line.)
    @Test func everyLectureGetsItsOwnPage() throws {
        let names = ["a b", "a!b", "index", "README", "readme"]
        for name in names { try scratch.write(lecture: "lectures/\(name).md", "# Lecture \(name)\n\nProse.\n") }
        let files = names.map { "lectures/\($0).md" }
        let run = try CLI.run(["build"] + files + ["--output", "out"], in: scratch)
        #expect(run.status == 0)
        let contents = try scratch.read("out/index.html")
        let pages = contents.split(separator: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            .filter { $0.hasSuffix(".html") }
        #expect(pages.count == names.count)
        #expect(Set(pages.map { $0.lowercased() }).count == names.count, "two lectures share a page: \(pages)")
        let titles = try pages.map { page in
            try scratch.read("out/\(page)").split(separator: "\n").first { $0.hasPrefix("<title>") }.map(String.init)
        }
        #expect(Set(titles) == Set(names.map { "<title>Lecture \($0)</title>" }))
        #expect(try scratch.read("out/README.md").hasPrefix("# Contents\n"))
        #expect(try CLI.run(["build"] + files + ["--output", "out", "--check"], in: scratch).status == 0)
    }

    @Test func aFoldersReadmeIsNoLecture() throws {
        try scratch.write(lecture: "lectures/01-a.md", "# A\n")
        try scratch.write(lecture: "lectures/README.md", "# About the course\n")
        let run = try CLI.run(["check", "lectures"], in: scratch)
        #expect(run.status == 0)
        #expect(run.errorLines.contains { $0.hasPrefix("checked 1 lecture,") })
    }
}
