import Autodiff

/// What a page draws of a training run and that only the engine can compute:
/// the loss surface around the optimizers' paths, and a classifier's regions.
/// Both evaluate the trained graph at many points and leave it as they found it.
struct Pictures {
    let graph: Graph
    let loss: Node
    let parameters: [Node]

    /// Grid points along each axis.
    static let resolution = 48

    /// The loss over a window around the paths, when the parameters are two scalars.
    func surface(around paths: [[[Double]]]) -> Surface? {
        guard parameters.count == 2 || (parameters.count == 1 && parameters[0].value.count == 2),
              parameters.reduce(0, { $0 + $1.value.count }) == 2 else { return nil }
        let points = paths.flatMap { $0 }.filter { $0.count == 2 && $0.allSatisfy(\.isFinite) }
        guard !points.isEmpty else { return nil }
        let xs = Pictures.span(points.map { $0[0] }), ys = Pictures.span(points.map { $0[1] })
        let saved = parameters.map(\.value)
        defer { restore(saved) }
        var losses: [[Double]] = []
        for y in ys {
            var row: [Double] = []
            for x in xs {
                place([x, y])
                row.append((try? graph.forward(to: loss)).map { loss.value.scalar } ?? .nan)
            }
            losses.append(row)
        }
        return Surface(xs: xs, ys: ys, losses: losses)
    }

    /// The class the trained model predicts over the plane around the data X, with the data.
    ///
    /// The grid's points go through the graph as many rows at a time as X has
    /// (the last batch padded): every node keeps its shape, so no buffer is
    /// made anew — as one batch of 3,600 rows, each picture had made and zeroed
    /// every value and gradient of the graph at twelve times its size, and
    /// again to put the data back (a twentieth of building the course went to it).
    func boundary(_ X: Node, _ labels: Node) -> Boundary? {
        let data = X.value, rows = data.shape[0]
        guard let scores = scoresNode(labels), rows > 0 else { return nil }
        let xs = Pictures.span((0..<rows).map { data[$0, 0] }, resolution: 60)
        let ys = Pictures.span((0..<rows).map { data[$0, 1] }, resolution: 60)
        let grid = ys.flatMap { y in xs.flatMap { [$0, y] } }
        defer {
            graph.set(X, to: data)
            _ = try? graph.forward()
        }
        var predicted: [Int] = []
        for first in stride(from: 0, to: grid.count / 2, by: rows) {
            let batch = grid[(2 * first)...].prefix(2 * rows)
            graph.set(X, to: Tensor(shape: [rows, 2], scalars: Array(batch) + Array(repeating: 0, count: 2 * rows - batch.count)))
            guard (try? graph.forward(to: scores)) != nil else { return nil }
            predicted += (0..<batch.count / 2).map { Self.top(scores.value.scalars, row: $0, classes: scores.value.shape.last ?? 1) }
        }
        return Boundary(xs: xs, ys: ys, classes: (0..<ys.count).map { Array(predicted[$0 * xs.count..<($0 + 1) * xs.count]) },
                        points: (0..<rows).map { [data[$0, 0], data[$0, 1]] },
                        labels: labels.value.scalars.map { Int($0) })
    }

    /// The class with the highest score in a row of scores (the first of equal ones).
    private static func top(_ scores: [Double], row: Int, classes: Int) -> Int {
        let start = row * classes
        let slice = scores[start..<start + classes]
        return slice.indices.max { slice[$0] < slice[$1] || (slice[$0] == slice[$1] && $0 > $1) }! - start
    }

    /// The scores the loss reads with these labels.
    private func scoresNode(_ labels: Node) -> Node? {
        graph.nodes.first { ($0.gate is SoftmaxLoss || $0.gate is SVMLoss) && $0.inputs[1] === labels }?.inputs[0]
    }

    /// `resolution` evenly spaced values covering `values`, with a margin of 15 % on each side.
    static func span(_ values: [Double], resolution: Int = Pictures.resolution) -> [Double] {
        var low = values.min() ?? -1, high = values.max() ?? 1
        if high - low < 1e-9 { (low, high) = (low - 1, high + 1) }
        let margin = (high - low) * 0.15
        (low, high) = (low - margin, high + margin)
        return (0..<resolution).map { low + (high - low) * Double($0) / Double(resolution - 1) }
    }

    /// Sets the two scalar parameters (or the two entries of one) to `values`.
    private func place(_ values: [Double]) {
        if parameters.count == 2 {
            graph.set(parameters[0], to: Tensor(shape: parameters[0].shape, scalars: [values[0]]))
            graph.set(parameters[1], to: Tensor(shape: parameters[1].shape, scalars: [values[1]]))
        } else {
            graph.set(parameters[0], to: Tensor(shape: parameters[0].shape, scalars: values))
        }
    }

    private func restore(_ values: [Tensor]) {
        for (node, value) in zip(parameters, values) { graph.set(node, to: value) }
        _ = try? graph.forward()
    }
}
