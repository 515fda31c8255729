/// A whole hidden layer and the product that reads it, relu(X·W1 + b1)·W2,
/// run backward as one sweep over the layer when X and W2 have at most 4
/// columns (the case study: 2-D points, three class scores), the layer at
/// least 4 columns and more than 4 rows, and X needs no gradient: a detail
/// of how a training step runs, which changes no number.
///
/// Gate by gate, backward passes over the 300×100 hidden layer five times:
/// Hᵀ·G for ∂L/∂W2 (G = ∂L/∂scores), G·W2ᵀ times the ReLU's local gradient
/// for ∂L/∂z (z = X·W1 + b1, written), then the sum of its rows for ∂L/∂b1
/// and Xᵀ·∂L/∂z for ∂L/∂W1, each reading it back. Here four columns of the
/// layer at a time, row after row, each entry of H is read once and each
/// entry of ∂L/∂z made once and at once added into the running sums of
/// ∂L/∂W2, ∂L/∂b1 and ∂L/∂W1, which stay in registers for the whole column:
/// ∂L/∂z is never written. Measured on the case study (perf, callgrind): the
/// sweep takes ~15 µs of a step where the gates it stands for took ~20 µs
/// (two OpenBLAS products, the ReLU's sweep, the row sums), and a step runs
/// 748k instructions instead of 920k. Its floor is the arithmetic: 8 fused
/// multiply-adds or multiplies per 4 entries, on the 2 pipes that do them.
///
/// Every entry is added up as the gates add it: ∂L/∂z as `ThinProduct` and
/// the ReLU make it, ∂L/∂b1 row after row onto what it held (`Add.sumRows`),
/// and the two products as `NarrowProduct` does, one fused multiply-add per
/// row from zero, the result then added to what the gradient held.
/// ∂L/∂H and ∂L/∂z are left as they were, and ∂L/∂(X·W1) is ∂L/∂z, as the add
/// gate leaves it: only a training step asks for this (`keepingEveryGradient`
/// off), and it reads the parameters' gradients alone.
extension Graph {
    /// Backward of `scores` = relu(X·W1 + b1)·W2 and of the three gates
    /// before it, which must be the three nodes made just before it; false,
    /// having done nothing, when they are not that pattern or another gate
    /// reads one of their values.
    func backwardThroughLayer(_ scores: Node) -> Bool {
        guard let layer = HiddenLayer(endingAt: scores, in: self) else { return false }
        let (m, n, c, k) = (layer.hidden.shape[0], layer.hidden.shape[1], layer.W2.shape[1], layer.X.shape[1])
        // The rows of W2ᵀ, ∂L/∂b1 as it was; then the sums of the two products,
        // a row of n each: the c columns of ∂L/∂W2, then the k rows of ∂L/∂W1.
        withUnsafeTemporaryAllocation(of: Double.self, capacity: (2 * c + k + 1) * n) { scratch in
            let (W2t, db0, sums) = (scratch.baseAddress!, scratch.baseAddress! + c * n, scratch.baseAddress! + (c + 1) * n)
            layer.W2.value.scalars.withUnsafeBufferPointer { W2 in
                for r in 0..<c { for j in 0..<n { W2t[r * n + j] = W2[j * c + r] } }
            }
            layer.b1.receiveGradient(zeroed: true) { db1, _ in
                db0.update(from: db1.baseAddress!, count: n)  // what ∂L/∂b1 held, read as the sweep adds to it
                layer.hidden.value.scalars.withUnsafeBufferPointer { H in
                    scores.gradient.scalars.withUnsafeBufferPointer { G in
                        layer.X.value.scalars.withUnsafeBufferPointer { X in
                            LayerBackward(m: m, n: n, H: H.baseAddress!, G: G.baseAddress!,
                                          W2t: W2t, X: X.baseAddress!, db0: db0, db1: db1.baseAddress!, sums: sums)
                                .run(classes: c, inputs: k)
                        }
                    }
                }
            }
            // In the gates' order: ∂L/∂W2 from the last product, ∂L/∂W1 from the first; each
            // written, or added to what the gradient held, as a product's backward does.
            layer.W2.receiveGradient { dW2, add in
                for j in 0..<n { for r in 0..<c { dW2[j * c + r] = add ? dW2[j * c + r] + sums[r * n + j] : sums[r * n + j] } }
            }
            layer.W1.receiveGradient { dW1, add in
                for i in 0..<k * n { dW1[i] = add ? dW1[i] + sums[c * n + i] : sums[c * n + i] }
            }
        }
        layer.hidden.leaveGradient()
        layer.sum.leaveGradient()
        // As the add gate leaves it: X·W1 holds the sum's gradient (a large one shared, not copied).
        if !layer.product.shareGradient(of: layer.sum) { layer.product.leaveGradient() }
        return true
    }
}

/// The nodes of relu(X·W1 + b1)·W2, when backward may run them as one sweep.
private struct HiddenLayer {
    let product, sum, hidden: Node
    let X, W1, b1, W2: Node

    init?(endingAt scores: Node, in graph: Graph) {
        guard scores.gate is MatrixProduct, scores.inputs.count == 2, !scores.gradientIsStale,
              let hidden = scores.inputs.first, hidden.id == scores.id - 1, hidden.gate is ReLU,
              let sum = hidden.inputs.first, sum.id == hidden.id - 1, sum.gate is Add, sum.inputs.count == 2,
              let product = sum.inputs.first(where: { $0.id == sum.id - 1 }), product.gate is MatrixProduct,
              [hidden, sum, product].allSatisfy({ graph.consumerCounts[$0.id] == 1 }) else { return nil }
        let (X, W1, W2) = (product.inputs[0], product.inputs[1], scores.inputs[1])
        let b1 = sum.inputs[0] === product ? sum.inputs[1] : sum.inputs[0]
        guard !X.needsGradient, W1.needsGradient, b1.needsGradient, W2.needsGradient, b1 !== product,
              X.shape.count == 2, W1.shape.count == 2, W2.shape.count == 2, hidden.shape.count == 2,
              (1...NarrowProduct.largestSide).contains(X.shape[1]), (1...NarrowProduct.largestSide).contains(W2.shape[1]),
              hidden.shape[1] >= 4, b1.value.count == hidden.shape[1],
              // The products' inner size: 4 rows or fewer, ThinProduct's, add up without fused multiply-adds.
              hidden.shape[0] > ThinProduct.largestInnerSize,
              Blocks(sum.inputs[0].shape, sum.inputs[1].shape, sum.shape)?.width == hidden.shape[1] else { return nil }
        (self.product, self.sum, self.hidden) = (product, sum, hidden)
        (self.X, self.W1, self.b1, self.W2) = (X, W1, b1, W2)
    }
}

/// For the m×n hidden layer H (the ReLU's output), the m×c upstream G, the
/// rows of W2ᵀ (c×n, contiguous, as ThinProduct copies them) and the m×k X:
/// db1 = db0 + Σᵢ dzᵢ, and into `sums` the rows of (Hᵀ·G)ᵀ and of Xᵀ·dz,
/// where dz = (G·W2ᵀ) ⊙ relu′; four columns at a time, n ≥ 4.
private struct LayerBackward {
    typealias Column = SIMD4<Double>
    let m, n: Int
    let H, G, W2t, X, db0: UnsafePointer<Double>
    let db1, sums: UnsafeMutablePointer<Double>

    /// Every column, the loop compiled for each number of classes c and of inputs k.
    func run(classes c: Int, inputs k: Int) {
        switch c {
        case 1: run(One.self, inputs: k)
        case 2: run(Two.self, inputs: k)
        case 3: run(Three.self, inputs: k)
        default: run(Four.self, inputs: k)
        }
    }

    private func run<C: Size>(_ c: C.Type, inputs k: Int) {
        switch k {
        case 1: columns(c, One.self)
        case 2: columns(c, Two.self)
        case 3: columns(c, Three.self)
        default: columns(c, Four.self)
        }
    }

    /// Blocks of four columns; the last one, when n is not a multiple of 4,
    /// overlaps the one before it (whose entries it makes again, the same).
    private func columns<C: Size, K: Size>(_ c: C.Type, _ k: K.Type) {
        var j = 0
        while j + Column.scalarCount <= n {
            column(j, c, k)
            j += Column.scalarCount
        }
        if j < n { column(n - Column.scalarCount, c, k) }
    }

    /// Columns j..<j+4, all m rows.
    @inline(__always)
    private func column<C: Size, K: Size>(_ j: Int, _: C.Type, _: K.Type) {
        let (c, k) = (C.count, K.count)
        let t0 = load(W2t + j), t1 = c > 1 ? load(W2t + n + j) : .zero
        let t2 = c > 2 ? load(W2t + 2 * n + j) : .zero, t3 = c > 3 ? load(W2t + 3 * n + j) : .zero
        var dw2 = (Column.zero, Column.zero, Column.zero, Column.zero)
        var dw1 = (Column.zero, Column.zero, Column.zero, Column.zero)
        var db = load(db0 + j)
        // Row i's entries, reached by steps rather than by i·n (a checked multiply each).
        var (hRow, g, x) = (H + j, G, X)
        for _ in 0..<m {
            let h = load(hRow)
            defer { (hRow, g, x) = (hRow + n, g + c, x + k) }
            // Row i of G·W2ᵀ, added up as ThinProduct does, times the ReLU's local gradient.
            let upstream: Column = switch c {
            case 1: g[0] * t0
            case 2: g[0] * t0 + g[1] * t1
            case 3: g[0] * t0 + g[1] * t1 + g[2] * t2
            default: g[0] * t0 + g[1] * t1 + g[2] * t2 + g[3] * t3
            }
            // The ReLU's local gradient is 1 or 0: the upstream kept or zeroed, a bitwise
            // and instead of a multiply on the two pipes the other lines here need.
            let dz = Self.select(upstream, where: h)
            db += dz
            dw2.0.addProduct(h, g[0])
            if c > 1 { dw2.1.addProduct(h, g[1]) }
            if c > 2 { dw2.2.addProduct(h, g[2]) }
            if c > 3 { dw2.3.addProduct(h, g[3]) }
            dw1.0.addProduct(dz, x[0])
            if k > 1 { dw1.1.addProduct(dz, x[1]) }
            if k > 2 { dw1.2.addProduct(dz, x[2]) }
            if k > 3 { dw1.3.addProduct(dz, x[3]) }
        }
        store(db, db1 + j)
        let (dW2, dW1) = (sums + j, sums + c * n + j)
        store(dw2.0, dW2)
        if c > 1 { store(dw2.1, dW2 + n) }
        if c > 2 { store(dw2.2, dW2 + 2 * n) }
        if c > 3 { store(dw2.3, dW2 + 3 * n) }
        store(dw1.0, dW1)
        if k > 1 { store(dw1.1, dW1 + n) }
        if k > 2 { store(dw1.2, dW1 + 2 * n) }
        if k > 3 { store(dw1.3, dW1 + 3 * n) }
    }

    /// upstream × relu′ for four entries, as a select: the upstream where h > 0, else 0.
    /// For a finite upstream these are the product's numbers, except that a zeroed
    /// entry is +0 where the product gives −0 (a negative upstream); added to sums
    /// that start at +0, as every sum here does, that sign never shows.
    @inline(__always)
    private static func select(_ upstream: Column, where h: Column) -> Column {
        Column.zero.replacing(with: upstream, where: h .> 0)
    }

    @inline(__always)
    private func load(_ p: UnsafePointer<Double>) -> Column { UnsafeRawPointer(p).loadUnaligned(as: Column.self) }

    @inline(__always)
    private func store(_ v: Column, _ p: UnsafeMutablePointer<Double>) { UnsafeMutableRawPointer(p).storeBytes(of: v, as: Column.self) }
}

/// A number of classes or inputs, 1 to 4, known when a loop is compiled.
private protocol Size { static var count: Int { get } }
private enum One: Size { static var count: Int { 1 } }
private enum Two: Size { static var count: Int { 2 } }
private enum Three: Size { static var count: Int { 3 } }
private enum Four: Size { static var count: Int { 4 } }
