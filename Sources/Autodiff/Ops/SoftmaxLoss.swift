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
                // Every exp at once, and every log (VectorMath.swift): first each row
                // shifted by its largest score, so that its exps stay finite.
                withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * walk.rows) { rows in
                    let (top, total) = (rows.baseAddress!, rows.baseAddress! + walk.rows)
                    for row in 0..<walk.rows {
                        let (s, p) = (scores.baseAddress! + row * walk.classes, p.baseAddress! + row * walk.classes)
                        top[row] = s[0]
                        for j in 1..<walk.classes where top[row] < s[j] { top[row] = s[j] }
                        for j in 0..<walk.classes { p[j] = s[j] - top[row] }
                    }
                    VectorMath.exp(p)
                    for row in 0..<walk.rows {
                        let p = p.baseAddress! + row * walk.classes
                        total[row] = 0
                        for j in 0..<walk.classes { total[row] += p[j] }
                        for j in 0..<walk.classes { p[j] /= total[row] }
                    }
                    VectorMath.log(UnsafeMutableBufferPointer(start: total, count: walk.rows))  // now log(total)
                    for row in 0..<walk.rows {
                        // −log p_y, computed from the shifted scores so it stays finite
                        loss += total[row] - (scores[row * walk.classes + Int(labels.scalars[row])] - top[row])
                    }
                }
            }
        }
        output.value.scalars[0] = loss / Double(walk.rows)
    }

    public func backward(_ inputs: [Node], _ output: Node) {
        guard inputs[0].needsGradient else { return }
        let (p, labels) = (output.cache, inputs[1].value)
        let walk = ScoredRows(inputs[0].shape)
        let scale = output.gradient.scalars[0] / Double(walk.rows)
        p.scalars.withUnsafeBufferPointer { probabilities in
            inputs[0].gradient.scalars.withUnsafeMutableBufferPointer { scores in
                for row in 0..<walk.rows {
                    let p = probabilities.baseAddress! + row * walk.classes
                    let ds = scores.baseAddress! + row * walk.classes
                    for j in 0..<walk.classes { ds[j] += p[j] * scale }
                    ds[Int(labels.scalars[row])] -= scale
                }
            }
        }
    }
}
