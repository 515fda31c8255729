/// Scores and their labels as the losses read them: N rows of C class scores
/// (a single vector of scores is one row) and one integer label per row.
struct ScoredRows {
    let rows: Int
    let classes: Int

    /// The rows of scores of this shape.
    init(_ scores: [Int]) {
        rows = scores.count == 2 ? scores[0] : 1
        classes = scores.last ?? 1
    }

    /// Checks that `labels` has one entry per row of `scores`, and returns the output shape (a scalar).
    static func shape(_ name: String, _ inputs: [[Int]]) throws(AutodiffError) -> [Int] {
        guard inputs.count == 2 else { throw .arity(name, expected: "scores and labels", given: inputs.count) }
        let (scores, labels) = (inputs[0], inputs[1])
        guard (1...2).contains(scores.count), scores.last ?? 0 > 0 else {
            throw .shapes(name, inputs, "scores must be a vector of class scores or a matrix with one row per example")
        }
        let rows = ScoredRows(scores).rows
        guard Tensor.count(of: labels) == rows, labels.count <= 1 else {
            throw .shapes(name, inputs, "there must be one label per row of scores (\(rows))")
        }
        return []
    }

    /// The label of each row as a class index, or an error naming the first bad one.
    func check(_ labels: Tensor, _ name: String) throws(AutodiffError) {
        for (row, label) in labels.scalars.enumerated() {
            guard label == label.rounded(), label >= 0, label < Double(classes) else {
                throw AutodiffError(.label, "\(name): label \(Tensor.format(label)) of row \(row) is not a class "
                    + "index in 0..<\(classes)")
            }
        }
    }
}
