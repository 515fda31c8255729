import Foundation
import Testing

/// The lectures the build tests write: each block starts a few lines into its
/// file, after front matter and prose, as a course's do.
enum Lectures {
    /// The lecture's first circuit, f = (x + y) z, with a wrong figure: df/dx is -4, not -3.
    static let wrongFigure = """
        ---
        title: A wrong figure
        order: 1
        ---

        # The circuit f = (x + y) z

        Forward, then backward: the gradient on x is
        upstream × local.

        ```graph title="f = (x + y) z"
        x = -2
        y = 5
        z = -4
        q = x + y
        f = q * z
        expect df/dx = -3
        ```

        The figure above is wrong on purpose.

        """

    /// The same wrong figure inside a list item, so every line of the spec is indented.
    static let wrongFigureInAList = """
        ---
        title: A wrong figure in a list
        ---

        Prose with é and ∂ before the list.

        - The circuit:

          ```graph
          x = -2; y = 5; z = -4
          f = (x + y) * z
          expect f = -12, df/dx = -3
          ```

        """

    /// The circuit with five checks that pass: four expectations and a gradient check.
    static let circuit = """
        # The circuit

        ```graph id=circuit
        x = -2
        y = 5
        z = -4
        q = x + y
        f = q * z
        expect f = -12
        expect df/dx = -4, df/dy = -4
        expect df/dz = 3
        gradcheck
        ```

        """

    /// Three examples, the middle one with a syntax error on the line of `f = x * * 3`.
    static let syntaxError = """
        # Mixed

        ```graph id=square
        x = 3
        f = x * x
        expect f = 9
        ```

        ```graph id=broken
        x = 1
        f = x * * 3
        ```

        ```graph id=plus-one
        a = 2
        b = a + 1
        expect b = 3
        ```

        """

    /// The sigmoid neuron of the lecture, its figures rounded as on the slides.
    static let neuron = """
        ---
        title: The sigmoid neuron
        order: 2
        ---

        The whole circuit, every operation a gate: $\\sigma(x) = 1 / (1 + e^{-x})$.

        ```graph id=neuron title="Sigmoid neuron"
        w0 = 2
        x0 = -1
        w1 = -3
        x1 = -2
        w2 = -3
        f = 1 / (1 + exp(-(w0*x0 + w1*x1 + w2)))
        expect f = 0.73
        expect df/dw0 = -0.20
        ```

        """

    /// Matrices, a data set, training with two optimizers, a shown Jacobian, and math for KaTeX.
    static let training = """
        # Training $\\alpha$, with $a*b*c$ and $$\\{x\\}$$

        ```graph id=line title="Fit a line"
        w = 0.5
        b = 0
        X = [[1], [2], [3]]
        t = [[2], [4], [6]]
        r = X * w + b - t
        L = mean(r * r)
        minimize L over w, b with gd(lr: 0.05), momentum(lr: 0.05, rho: 0.9) for 20 steps
        expect L <= 1
        ```

        ```graph id=spiral
        X, y = spiral(points: 10, classes: 3, seed: 0)
        W = randn(2, 3, seed: 1) * 0.01
        s = X @ W
        L = softmax_loss(s, y)
        gradcheck W
        show jacobian(relu(W), W)
        ```

        """
}

extension Scratch {
    /// Writes `text` to `path` inside the scratch folder, making its folders, and returns the full path.
    @discardableResult
    func write(lecture path: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    /// A file inside the scratch folder, as text.
    func read(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: url.appendingPathComponent(path)), as: UTF8.self)
    }

    /// Whether anything is at `path` inside the scratch folder.
    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: url.appendingPathComponent(path).path) }

    /// Every file and folder under `folder` (the whole scratch folder by default), relative to it, sorted.
    func tree(_ folder: String = "") -> [String] {
        let root = folder.isEmpty ? url : url.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        return walker.compactMap { $0 as? String }.sorted()
    }

    /// What appeared or vanished since `before` (a `tree()`): a new folder once, not all it holds.
    func changes(since before: [String]) -> [String] {
        let changed = Set(tree()).symmetricDifference(before)
        return changed.filter { path in !changed.contains { path.hasPrefix($0 + "/") } }.sorted()
    }

    /// The files of a built workbook, relative to its folder, less `assets/katex/` (a copy of Debian's KaTeX).
    func workbook(_ folder: String) -> [String] {
        tree(folder).filter { path in
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: url.appendingPathComponent("\(folder)/\(path)").path, isDirectory: &isDirectory)
            return !isDirectory.boolValue && !path.hasPrefix("assets/katex/")
        }
    }
}

/// Where `needle` first starts in `text`: the line and the column (in characters), both from 1.
func location(of needle: String, in text: String) -> (line: Int, column: Int)? {
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        if let range = line.range(of: needle) { return (index + 1, line.distance(from: line.startIndex, to: range.lowerBound) + 1) }
    }
    return nil
}

extension CLI.Run {
    /// The lines of standard error.
    var errorLines: [String] { errors.split(separator: "\n").map(String.init) }
}
