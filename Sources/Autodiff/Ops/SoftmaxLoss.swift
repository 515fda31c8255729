#if canImport(Glibc)
import Glibc
#endif

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
            output.cache.scalars.withUnsafeMutableBufferPointer { probabilities in
                for row in 0..<walk.rows {
                    let s = scores.baseAddress! + row * walk.classes
                    let p = probabilities.baseAddress! + row * walk.classes
                    var top = s[0]
                    for j in 1..<walk.classes where top < s[j] { top = s[j] }
                    var total = 0.0
                    for j in 0..<walk.classes { p[j] = exp(s[j] - top); total += p[j] }
                    for j in 0..<walk.classes { p[j] /= total }
                    // −log p_y, computed from the shifted scores so it stays finite
                    loss += log(total) - (s[Int(labels.scalars[row])] - top)
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
