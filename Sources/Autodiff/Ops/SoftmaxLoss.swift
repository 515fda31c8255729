/// The softmax (cross-entropy) loss: L = 1/N Σᵢ −log pᵢ,yᵢ, where pᵢ is the
/// softmax of row i of the scores and yᵢ its label.
///
/// Forward keeps p; backward is the lecture's short formula,
/// ∂L/∂sᵢⱼ = (pᵢⱼ − 1[j = yᵢ]) / N. Labels get no gradient.
public final class SoftmaxLoss: Gate {
    public var name: String { "softmax loss" }
    public var symbol: String { "softmax loss" }
    public init() {}

    public func shape(for inputs: [[Int]]) throws(AutodiffError) -> [Int] {
        try ScoredRows.shape(name, inputs)
    }

    public func forward(_ inputs: [Node], _ output: Node) throws(AutodiffError) {
        let (s, labels) = (inputs[0].value, inputs[1].value)
        let walk = ScoredRows(s.shape)
        try walk.check(labels, name)
        output.cache.resize(to: s.shape)
        var loss = 0.0
        s.scalars.withUnsafeBufferPointer { scores in
            output.cache.scalars.withUnsafeMutableBufferPointer { p in
                labels.scalars.withUnsafeBufferPointer { labels in
                    withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * walk.rows) { rows in
                        let (s, p, labels, rows) = (scores.baseAddress!, p.baseAddress!, labels.baseAddress!, rows.baseAddress!)
                        // A few classes (the case study's three) as constants, so that the loops over a row unroll.
                        switch walk.classes {
                        case 2: loss = Self.forward(s, labels, into: p, rows: walk.rows, classes: 2, scratch: rows)
                        case 3: loss = Self.forward(s, labels, into: p, rows: walk.rows, classes: 3, scratch: rows)
                        case 10: loss = Self.forward(s, labels, into: p, rows: walk.rows, classes: 10, scratch: rows)
                        default: loss = Self.forward(s, labels, into: p, rows: walk.rows, classes: walk.classes, scratch: rows)
                        }
                    }
                }
            }
        }
        output.value.scalars[0] = loss / Double(walk.rows)
    }

    /// p = the softmax of each row of the scores s, and the sum over the rows of
    /// −log p_y. Every exp at once, and every log (VectorMath.swift): first each
    /// row shifted by its largest score, so that its exps stay finite.
    @inline(__always)
    private static func forward(_ s: UnsafePointer<Double>, _ labels: UnsafePointer<Double>, into p: UnsafeMutablePointer<Double>,
                                rows: Int, classes: Int, scratch: UnsafeMutablePointer<Double>) -> Double {
        let (top, total) = (scratch, scratch + rows)
        for row in 0..<rows {
            let (s, p) = (s + row * classes, p + row * classes)
            top[row] = s[0]
            for j in 1..<classes where top[row] < s[j] { top[row] = s[j] }
            for j in 0..<classes { p[j] = s[j] - top[row] }
        }
        VectorMath.exp(UnsafeMutableBufferPointer(start: p, count: rows * classes))
        for row in 0..<rows {
            let p = p + row * classes
            total[row] = 0
            for j in 0..<classes { total[row] += p[j] }
            for j in 0..<classes { p[j] /= total[row] }
        }
        VectorMath.log(UnsafeMutableBufferPointer(start: total, count: rows))  // now log(total)
        var loss = 0.0
        for row in 0..<rows {
            // −log p_y, computed from the shifted scores so it stays finite
            loss += total[row] - (s[row * classes + Int(labels[row])] - top[row])
        }
        return loss
    }

    public func backward(_ inputs: [Node], _ output: Node) {
        guard inputs[0].needsGradient else { return }
        let (p, labels) = (output.cache, inputs[1].value)
        let walk = ScoredRows(inputs[0].shape)
        let scale = output.gradient.scalars[0] / Double(walk.rows)
        p.scalars.withUnsafeBufferPointer { probabilities in
            inputs[0].gradient.scalars.withUnsafeMutableBufferPointer { scores in
                labels.scalars.withUnsafeBufferPointer { labels in
                    let (p, ds, labels) = (probabilities.baseAddress!, scores.baseAddress!, labels.baseAddress!)
                    switch walk.classes {
                    case 2: Self.backward(p, labels, scale, into: ds, rows: walk.rows, classes: 2)
                    case 3: Self.backward(p, labels, scale, into: ds, rows: walk.rows, classes: 3)
                    case 10: Self.backward(p, labels, scale, into: ds, rows: walk.rows, classes: 10)
                    default: Self.backward(p, labels, scale, into: ds, rows: walk.rows, classes: walk.classes)
                    }
                }
            }
        }
    }

    /// ∂L/∂s += (p − 1[j = y]) · scale, row by row.
    @inline(__always)
    private static func backward(_ p: UnsafePointer<Double>, _ labels: UnsafePointer<Double>, _ scale: Double,
                                 into ds: UnsafeMutablePointer<Double>, rows: Int, classes: Int) {
        for row in 0..<rows {
            let (p, ds) = (p + row * classes, ds + row * classes)
            for j in 0..<classes { ds[j] += p[j] * scale }
            ds[Int(labels[row])] -= scale
        }
    }
}
