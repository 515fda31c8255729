/// The multiclass SVM (hinge) loss: L = 1/N Σᵢ Σ_{j≠yᵢ} max(0, sᵢⱼ − sᵢ,yᵢ + Δ).
///
/// Backward, as in the lecture: each class j whose margin is violated gets
/// +1 (per N), and the correct class gets −1 for every violating class.
public final class SVMLoss: Gate {
    /// The margin Δ.
    public let margin: Double
    public var name: String { "svm loss" }
    public var symbol: String { "SVM loss" }

    /// The hinge loss with margin Δ (1 by default).
    public init(margin: Double = 1) { self.margin = margin }

    public func shape(for inputs: [[Int]]) throws(AutodiffError) -> [Int] {
        try ScoredRows.shape(name, inputs)
    }

    public func forward(_ inputs: [Node], _ output: Node) throws(AutodiffError) {
        let (s, labels) = (inputs[0].value, inputs[1].value)
        let walk = ScoredRows(s.shape)
        try walk.check(labels, name)
        var loss = 0.0
        for row in 0..<walk.rows {
            let start = row * walk.classes
            let correct = s.scalars[start + Int(labels.scalars[row])]
            for j in 0..<walk.classes where j != Int(labels.scalars[row]) {
                loss += max(0, s.scalars[start + j] - correct + margin)
            }
        }
        output.value.scalars[0] = loss / Double(walk.rows)
    }

    public func backward(_ inputs: [Node], _ output: Node) {
        guard inputs[0].needsGradient else { return }
        let (s, labels) = (inputs[0].value, inputs[1].value)
        let walk = ScoredRows(s.shape)
        let scale = output.gradient.scalars[0] / Double(walk.rows)
        inputs[0].gradient.scalars.withUnsafeMutableBufferPointer { ds in
            for row in 0..<walk.rows {
                let start = row * walk.classes, y = Int(labels.scalars[row])
                for j in 0..<walk.classes where j != y && s.scalars[start + j] - s.scalars[start + y] + margin > 0 {
                    ds[start + j] += scale
                    ds[start + y] -= scale
                }
            }
        }
    }
}
