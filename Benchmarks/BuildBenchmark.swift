import Foundation
import Workbook

/// `gradbook-bench build`: the wall time of `gradbook build` as a cold process
/// (the release binary next to this one, a fresh output folder every run, the
/// build cache off: a cached build is W4-touch's, not this), for
/// the repository's lectures, for 1, 50 and 200 copies of them, and for a
/// synthetic course of ten lectures with training runs; beside each, the CPU
/// the child used over its wall time (2.00 = both cores busy), the time of
/// `gradbook check` (run only: no pages), and Debian's `cmark` rendering the
/// same Markdown with nothing executed — the floor of a Markdown-to-HTML pipeline.
/// `lectures` replaces the repository's `lectures/` (`gradbook-bench build FOLDER`).
func benchmarkBuild(lectures: String? = nil) throws {
    guard let gradbook = Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("gradbook").path,
          FileManager.default.isExecutableFile(atPath: gradbook) else {
        print("build: no gradbook binary beside gradbook-bench; build every product (`swift build -c release`) first")
        return
    }
    let cmark = ["/usr/bin/cmark", "/usr/local/bin/cmark"].first { FileManager.default.isExecutableFile(atPath: $0) }
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gradbook-bench-\(getpid())")
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    let lectures = lectures ?? repository.appendingPathComponent("lectures").path
    defer { try? FileManager.default.removeItem(at: scratch) }
    let workloads = try Workload.all(lectures, in: scratch)

    print("build: `gradbook build` as a cold process, into a fresh folder in \(scratch.deletingLastPathComponent().path) "
        + "each run; median of 3–11 runs;")
    print("       CPU = (user + sys) / wall of the child, 2.00 = both cores; check = `gradbook check` (runs, writes nothing);")
    print("       cmark = Debian's cmark CLI on the same Markdown, nothing executed")
    print(Workload.header)
    var perCopy: [Int: Double] = [:]
    for (index, workload) in workloads.enumerated() {
        let runs = workload.files.count >= 200 ? 5 : workload.files.count >= 50 ? 7 : 11
        // Outputs stay until the end: on ext4 without a journal, creating files just after
        // deleting many costs the next build (the allocator skips recently freed inodes).
        let output = { (run: Int) in scratch.appendingPathComponent("bench-output/\(index)/\(run)").path }
        let build: Child.Timing, check: Child.Timing, floor: Child.Timing?
        do {
            build = try Child.median(runs: runs) { [gradbook, "build", workload.folder, "--output", output($0), "--no-cache"] }
            check = try Child.median(runs: runs) { _ in [gradbook, "check", workload.folder] }
            floor = try cmark.map { tool in try Child.median(runs: runs) { _ in [tool] + workload.files } }
        } catch {
            print("\(workload.name): \(error)")
            continue
        }
        print(workload.row(build: build, check: check, cmark: floor))
        if let copies = workload.copies { perCopy[copies] = build.wall / Double(copies) }
        if workload.copies == 200 {
            // OpenBLAS's idle worker spins in sched_yield for ~0.1 s after start: CPU that is not gradbook's work.
            let quiet = try Child.median(runs: runs, environment: ["OPENBLAS_NUM_THREADS=1"]) {
                [gradbook, "build", workload.folder, "--output", output(100 + $0), "--no-cache"]
            }
            print("  the same, OPENBLAS_NUM_THREADS=1           \(Workload.figures(quiet)) (no idle BLAS thread)")
        }
    }
    if let one = perCopy[1], let some = perCopy[50], let many = perCopy[200] {
        print(String(format: "scaling: time per copy ×1 %.2f ms, ×50 %.2f ms, ×200 %.2f ms (×200 / ×50 = %.2f; 1.00 is linear)",
                     one * 1e3, some * 1e3, many * 1e3, many / some))
    }
}

/// A folder of lectures to build.
struct Workload {
    let name: String
    let folder: String
    /// The lecture files in it, sorted.
    let files: [String]
    /// How many copies of the repository's lectures it holds, if it is made of copies.
    var copies: Int?

    /// The repository's lectures, 1, 50 and 200 copies of the light ones, and the synthetic course.
    static func all(_ lectures: String, in scratch: URL) throws -> [Workload] {
        let originals = try lectureFiles(in: lectures)
        var workloads = [Workload(name: "lectures/", folder: lectures, files: originals.map(\.path))]
        try copyInclusions(of: originals.map(\.path), to: scratch)
        let light = try lightLectures(originals)
        for copies in [1, 50, 200] {
            workloads.append(try Workload.copies(copies, of: light, all: originals.count, in: scratch))
        }
        workloads.append(try write(SyntheticCourse.files(), named: "synthetic course (10 × 5 ex.)",
                                   in: scratch.appendingPathComponent("bench-synthetic")))
        return workloads
    }

    /// As gradbook reads a folder: its `.md` files but the README, which describes the course.
    static func lectureFiles(in lectures: String) throws -> [(path: String, name: String)] {
        try FileManager.default.contentsOfDirectory(atPath: lectures)
            .filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") && $0.lowercased() != "readme.md" }.sorted()
            .map { (path: lectures + "/" + $0, name: $0) }
    }

    /// The lectures whose training runs take fewer than 5,000 steps in all,
    /// read off their text: a lecture that trains for long (the case study's
    /// 10,000 steps) would make 200 copies take minutes and measure only the
    /// engine, so copies leave it out, and say so on stderr. (The rule was
    /// "under 0.5 s of CPU to check alone", which moved as the engine got faster:
    /// the case study came within reach of it.)
    static func lightLectures(_ originals: [(path: String, name: String)]) throws -> [(path: String, name: String)] {
        try originals.filter { lecture in
            let steps = Schedule.steps(in: try String(contentsOfFile: lecture.path, encoding: .utf8))
            if steps >= 5_000 {
                FileHandle.standardError.write("build: copies leave out \(lecture.name) (\(steps) training steps)\n".data(using: .utf8) ?? Data())
            }
            return steps < 5_000
        }
    }

    /// A folder of `count` copies of the light lectures, one folder down in `scratch`
    /// (where `copyInclusions` put the files they quote).
    static func copies(_ count: Int, of light: [(path: String, name: String)], all: Int, in scratch: URL) throws -> Workload {
        var files: [(name: String, text: String)] = []
        for copy in 1...count {
            for lecture in light {
                files.append((String(format: "c%03d-", copy) + lecture.name, try String(contentsOfFile: lecture.path, encoding: .utf8)))
            }
        }
        var workload = try write(files, named: "\(light.count == all ? "lectures/" : "light lectures") ×\(count)",
                                 in: scratch.appendingPathComponent("bench-copies-\(count)"))
        workload.copies = count
        return workload
    }

    /// Copies the files the lectures quote (```include ../Sources/…) to the same place
    /// relative to `scratch`, so that copies of the lectures one folder down find them.
    /// (Links would not do: gradbook resolves them and refuses what lies outside the course.)
    static func copyInclusions(of lectures: [String], to scratch: URL) throws {
        for lecture in lectures {
            let folder = URL(fileURLWithPath: lecture).deletingLastPathComponent()
            let course = folder.deletingLastPathComponent().standardizedFileURL.path + "/"
            for line in try String(contentsOfFile: lecture, encoding: .utf8).split(separator: "\n") {
                let words = line.trimmingCharacters(in: .whitespaces).split(separator: " ")
                guard words.count >= 2, words[0] == "```include" else { continue }
                let source = folder.appendingPathComponent(String(words[1])).standardizedFileURL
                guard source.path.hasPrefix(course) else { continue }
                let target = scratch.appendingPathComponent(String(source.path.dropFirst(course.count)))
                guard !FileManager.default.fileExists(atPath: target.path) else { continue }
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: source, to: target)
            }
        }
    }

    /// Writes lecture files into a new folder.
    static func write(_ files: [(name: String, text: String)], named name: String, in folder: URL) throws -> Workload {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in files {
            try file.text.write(to: folder.appendingPathComponent(file.name), atomically: false, encoding: .utf8)
        }
        return Workload(name: name, folder: folder.path, files: files.map { folder.appendingPathComponent($0.name).path }.sorted())
    }

    static let header = "workload                         lectures examples      build  per lecture   CPU      check      cmark"

    /// The ```graph blocks in its files.
    var examples: Int {
        files.reduce(0) { total, file in
            let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
            return total + text.components(separatedBy: "\n```graph").count - 1
        }
    }

    func row(build: Child.Timing, check: Child.Timing, cmark: Child.Timing?) -> String {
        let floor = cmark.map { String(format: "%7.1f ms", $0.wall * 1e3) } ?? "  (no cmark)"
        return name.padding(toLength: 32, withPad: " ", startingAt: 0)
            + String(format: " %8d %8d %8.1f ms %9.2f ms %5.2f %8.1f ms ", files.count, examples, build.wall * 1e3,
                     build.wall * 1e3 / Double(files.count), build.utilisation, check.wall * 1e3) + floor
    }

    /// Wall time and CPU use, as a row shows them.
    static func figures(_ timing: Child.Timing) -> String {
        String(format: "%8.1f ms             %5.2f", timing.wall * 1e3, timing.utilisation)
    }
}
