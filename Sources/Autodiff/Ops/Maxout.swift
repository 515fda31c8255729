/// The maxout gate: y = max(x₁, …, x_k) entry by entry, over k pieces of the
/// same shape (Goodfellow et al.: max(w₁ᵀx + b₁, w₂ᵀx + b₂)). Like the max
/// gate it routes each entry's gradient to the piece that won — the first
/// such piece on a tie.
public final class Maxout: ElementwiseGate {
    public var name: String { "maxout" }
    public var symbol: String { "maxout" }
    public var keepsFinite: Bool { true }
    public init() {}

    public func shape(for inputs: [[Int]]) throws(AutodiffError) -> [Int] {
        guard inputs.count >= 2 else { throw .arity(name, expected: "two or more pieces", given: inputs.count) }
        guard inputs.allSatisfy({ $0 == inputs[0] }) else {
            throw .shapes(name, inputs, "every piece must have the same shape")
        }
        return inputs[0]
    }

    /// The piece that wins entry i.
    private func winner(_ inputs: [Node], _ i: Int) -> Int {
        var best = 0
        for k in 1..<inputs.count where inputs[k].value.scalars[i] > inputs[best].value.scalars[i] { best = k }
        return best
    }

    public func local(_ x: [Double], _ y: Double) -> [Double] {
        let won = x.firstIndex(of: y) ?? 0
        return x.indices.map { $0 == won ? 1 : 0 }
    }

    public func forward(_ inputs: [Node], _ output: Node) throws(AutodiffError) {
        for i in 0..<output.value.count {
            output.value.scalars[i] = inputs[winner(inputs, i)].value.scalars[i]
        }
    }

    public func backward(_ inputs: [Node], _ output: Node) {
        for i in 0..<output.value.count {
            let k = winner(inputs, i)
            if inputs[k].needsGradient { inputs[k].gradient.scalars[i] += output.gradient.scalars[i] }
        }
    }
}
