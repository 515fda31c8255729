/// What forward may run together, starting at a node: nothing, an add gate
/// and the ReLU after it, or a matrix product, the add and the ReLU after them.
enum Fusion { case none, addThenReLU, layer }

/// Two gates run as one sweep: a detail of how forward runs, which changes no number.
///
/// A hidden layer is relu(X·W + b). Gate by gate, the add gate writes its
/// whole output (300×100 entries in the case study) and the ReLU gate then
/// reads all of it back, when the first rows have left the fastest cache.
/// Together, one block (a row) at a time, the ReLU reads each entry the moment
/// the add gate has computed it, both from the gates' own `forward(a, b)` and
/// `forward(x)`. The sum's value is written too, except in a training step
/// when the ReLU is its only reader: the ReLU's backward reads its own output
/// alone (`ReLU.local`), so no one would read it.
extension Graph {
    /// Marks, as a ReLU node is made right after the add gate it reads (and
    /// that right after a matrix product it reads), the nodes that forward may
    /// run together: made one after the other, they are neighbours in every
    /// order forward runs. Forward then tries only marked nodes.
    func markFusion(endingAt relu: Node) {
        guard relu.gate is ReLU, relu.inputs.count == 1, let sum = relu.inputs.first,
              sum.id == relu.id - 1, sum.gate is Add else { return }
        sum.fusion = .addThenReLU
        if let product = sum.inputs.first(where: { $0.id == sum.id - 1 }), product.gate is MatrixProduct {
            product.fusion = .layer
        }
    }

    /// Computes `node` and `next` together when `next` is the ReLU of `node`
    /// and `node` adds two tensors (one of them perhaps a bias, repeated over
    /// the rows); false, having computed nothing, otherwise. `keepingSum`
    /// false lets the sum's value go stale when the ReLU is its only reader.
    func runFused(_ node: Node, _ next: Node, keepingSum: Bool) -> Bool {
        guard node.value.count > 1, next.inputs.count == 1, next.inputs[0] === node,
              let add = node.gate as? Add, let relu = next.gate as? ReLU else { return false }
        if keepingSum || consumerCounts[node.id] > 1 {
            return forward(add, then: relu, node, next, keepingInner: true)
        }
        return forward(add, then: relu, node, next, keepingInner: false)
    }

    /// inner = f(a, b) and outer = g(inner), block by block; false when the
    /// inputs do not broadcast as whole blocks (`Blocks`).
    @inline(__always)
    private func forward<B: BinaryGate, U: UnaryGate>(_ f: B, then g: U, _ inner: Node, _ outer: Node,
                                                      keepingInner: Bool) -> Bool {
        let a = inner.inputs[0].value, b = inner.inputs[1].value
        guard let blocks = Blocks(a.shape, b.shape, inner.value.shape) else { return false }
        inner.value.scalars.withUnsafeMutableBufferPointer { innerValue in
            outer.value.scalars.withUnsafeMutableBufferPointer { outerValue in
                a.scalars.withUnsafeBufferPointer { a in
                    b.scalars.withUnsafeBufferPointer { b in
                        let (y, z, a, b) = (innerValue.baseAddress!, outerValue.baseAddress!, a.baseAddress!, b.baseAddress!)
                        blocks.forEachBlock { start, startA, startB in
                            let (y, z, a, b) = (y + start, z + start, a + startA, b + startB)
                            for j in 0..<blocks.width {
                                let sum = f.forward(a[j], b[j])
                                if keepingInner { y[j] = sum }
                                z[j] = g.forward(sum)
                            }
                        }
                    }
                }
            }
        }
        return true
    }
}

/// A whole hidden layer, relu(X·W + b), in one sweep, when X·W has an inner
/// size of at most 4 (the case study's first layer, on 2-D points: see
/// `ThinProduct`, whose arithmetic this repeats). Each entry of X·W is
/// computed and, at once, the entry of the sum and of the ReLU, from the
/// gates' own `forward` functions. In a training step, where no one reads X·W
/// but the add gate nor the sum but the ReLU, neither value is written: two
/// passes of writes over the layer saved.
extension Graph {
    /// Computes `product`, `sum` and `relu` together when they are X·W, X·W + b
    /// (b a row, repeated over the rows) and relu(X·W + b); false, having
    /// computed nothing, otherwise. `keepingValues` false lets X·W's value and
    /// the sum's go stale when the add gate and the ReLU are their only readers.
    func runLayer(_ product: Node, _ sum: Node, _ relu: Node, keepingValues: Bool) -> Bool {
        guard product.value.count > 1, relu.inputs.count == 1, relu.inputs[0] === sum, sum.inputs.count == 2,
              product.gate is MatrixProduct, let add = sum.gate as? Add, let g = relu.gate as? ReLU else { return false }
        let (X, W) = (product.inputs[0].value, product.inputs[1].value)
        guard X.rank == 2, W.rank == 2, (1...ThinProduct.largestInnerSize).contains(X.shape[1]) else { return false }
        let (m, k, n) = (X.shape[0], X.shape[1], W.shape[1])
        let side = sum.inputs[0] === product ? 0 : 1, bias = sum.inputs[1 - side]
        guard sum.inputs[side] === product, bias !== product, bias.value.count == n,
              Blocks(sum.inputs[0].shape, sum.inputs[1].shape, sum.shape)?.width == n else { return false }
        let keep = keepingValues || consumerCounts[product.id] > 1 || consumerCounts[sum.id] > 1
        X.scalars.withUnsafeBufferPointer { x in
            W.scalars.withUnsafeBufferPointer { w in
                bias.value.scalars.withUnsafeBufferPointer { b in
                    product.value.scalars.withUnsafeMutableBufferPointer { p in
                        sum.value.scalars.withUnsafeMutableBufferPointer { y in
                            relu.value.scalars.withUnsafeMutableBufferPointer { z in
                                let (x, b, p, y, z) = (x.baseAddress!, b.baseAddress!, p.baseAddress!, y.baseAddress!, z.baseAddress!)
                                let (w0, w1, w2, w3) = (w.baseAddress!, w.baseAddress! + n, w.baseAddress! + 2 * n, w.baseAddress! + 3 * n)
                                // Row i: s = its k entries of X; entry j of X·W from them, as ThinProduct adds it up.
                                @inline(__always)
                                func rows(_ keep: Bool, _ entry: (_ s: UnsafePointer<Double>, _ j: Int) -> Double) {
                                    for i in 0..<m {
                                        let (s, p, y, z) = (x + i * k, p + i * n, y + i * n, z + i * n)
                                        for j in 0..<n {
                                            let xw = entry(s, j)
                                            let sum = side == 0 ? add.forward(xw, b[j]) : add.forward(b[j], xw)
                                            if keep { p[j] = xw; y[j] = sum }
                                            z[j] = g.forward(sum)
                                        }
                                    }
                                }
                                switch (k, keep) {
                                case (1, true): rows(true) { s, j in s[0] * w0[j] }
                                case (1, false): rows(false) { s, j in s[0] * w0[j] }
                                case (2, true): rows(true) { s, j in s[0] * w0[j] + s[1] * w1[j] }
                                case (2, false): rows(false) { s, j in s[0] * w0[j] + s[1] * w1[j] }
                                case (3, true): rows(true) { s, j in s[0] * w0[j] + s[1] * w1[j] + s[2] * w2[j] }
                                case (3, false): rows(false) { s, j in s[0] * w0[j] + s[1] * w1[j] + s[2] * w2[j] }
                                case (_, true): rows(true) { s, j in s[0] * w0[j] + s[1] * w1[j] + s[2] * w2[j] + s[3] * w3[j] }
                                case (_, false): rows(false) { s, j in s[0] * w0[j] + s[1] * w1[j] + s[2] * w2[j] + s[3] * w3[j] }
                                }
                            }
                        }
                    }
                }
            }
        }
        return true
    }
}
