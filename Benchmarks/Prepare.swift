import Autodiff
import Foundation

/// `gradbook-bench prepare FOLDER`: writes what the peers and W4 need into FOLDER,
/// then prints one JSON line naming it.
///
/// - `data/NAME.f64`: gradbook's own data and initial weights (raw float64,
///   little-endian, row-major; shapes in `data/shapes.json`), so that numpy, JAX
///   and PyTorch train from exactly the same start and must reach the same loss.
/// - `lectures-×200/`: 200 copies of the light lectures (W4), and beside it the
///   files they quote; `course/`: one copy of every lecture, to touch one and rebuild.
enum Prepare {
    static func run(into folder: URL, lectures: String) throws {
        let data = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let tensors: [(String, Tensor)] = [
            ("spiral_X", SpiralCaseStudy.data.X), ("spiral_y", SpiralCaseStudy.data.y),
            ("spiral_W1", SpiralCaseStudy.W1), ("spiral_W2", SpiralCaseStudy.W2), ("spiral_W", SpiralCaseStudy.W),
            ("cifar_X", CIFARStep.X), ("cifar_y", CIFARStep.y), ("cifar_W1", CIFARStep.W1), ("cifar_W2", CIFARStep.W2),
        ]
        var shapes: [String: [Int]] = [:]
        for (name, tensor) in tensors {
            try write(tensor, to: data.appendingPathComponent(name + ".f64"))
            shapes[name] = tensor.shape
        }
        try JSONSerialization.data(withJSONObject: shapes, options: [.sortedKeys])
            .write(to: data.appendingPathComponent("shapes.json"))

        let originals = try Workload.lectureFiles(in: lectures)
        try Workload.copyInclusions(of: originals.map(\.path), to: folder)
        let light = try Workload.lightLectures(originals)
        let copies = try Workload.copies(200, of: light, all: originals.count, in: folder)
        let course = folder.appendingPathComponent("course")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: lectures), to: course)
        let line: [String: Any] = [
            "data": data.path, "copies": copies.folder, "copies_files": copies.files, "copied_lectures": light.count,
            "left_out": originals.map(\.name).filter { name in !light.contains { $0.name == name } },
            "course": course.path, "course_files": try Workload.lectureFiles(in: course.path).map(\.path),
        ]
        print(String(decoding: try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]), as: UTF8.self))
    }

    static func write(_ tensor: Tensor, to file: URL) throws {
        let bytes = tensor.scalars.withUnsafeBufferPointer { Data(buffer: $0) }  // little-endian on every Linux Swift runs on
        try bytes.write(to: file)
    }
}
