/// A matrix product and the ReLU before it, relu(x)·W, run backward as one
/// sweep when W has at most 4 columns (the case study's three class scores):
/// a detail of how a training step runs, which changes no number.
///
/// Gate by gate, the product writes ∂L/∂hidden, G·Wᵀ (300×100 entries in the
/// case study), and the ReLU reads all of it back to write ∂L/∂x, upstream ×
/// local. Here each entry of G·Wᵀ is made as `ThinProduct` makes it and at once
/// multiplied by the ReLU's local gradient, read off the ReLU's output
/// (`ReLU.local(output:)`): only ∂L/∂x is written. ∂L/∂W is the product's own
/// backward. ∂L/∂hidden is left as it was: only a training step asks for this
/// (`keepingEveryGradient` off), and it reads the parameters' gradients alone.
extension Graph {
    /// Backward of `product` = hidden·W and of the ReLU that made `hidden`;
    /// false, having done nothing, when they are not that pattern or when
    /// another gate reads `hidden`.
    func backwardThroughReLU(_ product: Node) -> Bool {
        guard let hidden = product.inputs.first, hidden.id == product.id - 1, product.inputs.count == 2,
              let gate = product.gate as? MatrixProduct, let relu = hidden.gate as? ReLU,
              consumerCounts[hidden.id] == 1, hidden.needsGradient, !product.gradientIsStale,
              let x = hidden.inputs.first, x.needsGradient else { return false }
        let W = product.inputs[1]
        guard hidden.shape.count == 2, W.shape.count == 2, W !== hidden,
              (1...ThinProduct.largestInnerSize).contains(W.shape[1]) else { return false }
        if W.needsGradient { gate.backwardB(product.inputs, product) }
        let (m, n, c) = (hidden.shape[0], hidden.shape[1], W.shape[1])
        hidden.value.scalars.withUnsafeBufferPointer { y in
            product.gradient.scalars.withUnsafeBufferPointer { g in
                W.value.scalars.withUnsafeBufferPointer { w in
                    x.receiveGradient { dx, add in
                        ReLUBackward(m: m, n: n, c: c, relu: relu).run(g.baseAddress!, w.baseAddress!, y.baseAddress!,
                                                                        into: dx.baseAddress!, add: add)
                    }
                }
            }
        }
        hidden.leaveGradient()
        return true
    }
}

/// dx (+)= (G·Wᵀ) ⊙ local(y) for an m×c G, an n×c W and the ReLU's m×n output y.
private struct ReLUBackward {
    let m, n, c: Int
    let relu: ReLU

    func run(_ g: UnsafePointer<Double>, _ w: UnsafePointer<Double>, _ y: UnsafePointer<Double>,
             into dx: UnsafeMutablePointer<Double>, add: Bool) {
        // The rows of Wᵀ, contiguous, as ThinProduct copies them.
        withUnsafeTemporaryAllocation(of: Double.self, capacity: ThinProduct.largestInnerSize * n) { rows in
            for r in 0..<c { for j in 0..<n { rows[r * n + j] = w[j * c + r] } }
            let t = rows.baseAddress!
            let (t0, t1, t2, t3) = (t, t + n, t + 2 * n, t + 3 * n)
            // Entry j of row i of G·Wᵀ, from s = row i of G, added up as ThinProduct does.
            switch (c, add) {
            case (1, false): sweep(false, g, y, dx) { s, j in s[0] * t0[j] }
            case (1, true): sweep(true, g, y, dx) { s, j in s[0] * t0[j] }
            case (2, false): sweep(false, g, y, dx) { s, j in s[0] * t0[j] + s[1] * t1[j] }
            case (2, true): sweep(true, g, y, dx) { s, j in s[0] * t0[j] + s[1] * t1[j] }
            case (3, false): sweep(false, g, y, dx) { s, j in s[0] * t0[j] + s[1] * t1[j] + s[2] * t2[j] }
            case (3, true): sweep(true, g, y, dx) { s, j in s[0] * t0[j] + s[1] * t1[j] + s[2] * t2[j] }
            case (_, false): sweep(false, g, y, dx) { s, j in s[0] * t0[j] + s[1] * t1[j] + s[2] * t2[j] + s[3] * t3[j] }
            case (_, true): sweep(true, g, y, dx) { s, j in s[0] * t0[j] + s[1] * t1[j] + s[2] * t2[j] + s[3] * t3[j] }
            }
        }
    }

    /// Row after row: the ReLU's upstream × local, written or added as its backward does.
    @inline(__always)
    private func sweep(_ add: Bool, _ g: UnsafePointer<Double>, _ y: UnsafePointer<Double>, _ dx: UnsafeMutablePointer<Double>,
                       _ upstream: (_ s: UnsafePointer<Double>, _ j: Int) -> Double) {
        for i in 0..<m {
            let (s, y, dx) = (g + i * c, y + i * n, dx + i * n)
            for j in 0..<n {
                if add { dx[j] += upstream(s, j) * relu.local(output: y[j]) } else { dx[j] = upstream(s, j) * relu.local(output: y[j]) }
            }
        }
    }
}
