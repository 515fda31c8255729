/// Accuracy: the fraction of rows whose highest score is at the label
/// (the first highest, on a tie). A measurement, not a loss: it has no gradient.
public final class Accuracy: Gate {
    public var name: String { "accuracy" }
    public var symbol: String { "accuracy" }
    public var keepsFinite: Bool { true }
    public init() {}

    public func shape(for inputs: [[Int]]) throws(AutodiffError) -> [Int] {
        try ScoredRows.shape(name, inputs)
    }

    public func forward(_ inputs: [Node], _ output: Node) throws(AutodiffError) {
        let (s, labels) = (inputs[0].value, inputs[1].value)
        let walk = ScoredRows(s.shape)
        try walk.check(labels, name)
        var correct = 0
        for row in 0..<walk.rows {
            let scores = s.scalars[row * walk.classes..<(row + 1) * walk.classes]
            let best = scores.indices.max { scores[$0] < scores[$1] || (scores[$0] == scores[$1] && $0 > $1) } ?? 0
            if best - scores.startIndex == Int(labels.scalars[row]) { correct += 1 }
        }
        output.value.scalars[0] = Double(correct) / Double(walk.rows)
    }

    public func backward(_ inputs: [Node], _ output: Node) {}
}
