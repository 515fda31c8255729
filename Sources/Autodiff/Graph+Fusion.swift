/// Two gates run as one sweep: a detail of how forward runs, which changes no number.
///
/// A hidden layer is relu(X·W + b). Gate by gate, the add gate writes its
/// whole output (300×100 entries in the case study) and the ReLU gate then
/// reads all of it back, when the first rows have left the fastest cache.
/// Together, one block (a row) at a time, the ReLU reads each entry the moment
/// the add gate has written it. Both nodes still get their values, from the
/// gates' own `forward(a, b)` and `forward(x)`.
extension Graph {
    /// Computes `node` and `next` together when `next` is the ReLU of `node`
    /// and `node` adds two tensors (one of them perhaps a bias, repeated over
    /// the rows); false, having computed nothing, otherwise.
    func runFused(_ node: Node, _ next: Node) -> Bool {
        guard let add = node.gate as? Add, let relu = next.gate as? ReLU,
              next.inputs.count == 1, next.inputs[0] === node, node.value.count > 1 else { return false }
        return forward(add, then: relu, node, next)
    }

    /// inner = f(a, b) and outer = g(inner), block by block; false when the
    /// inputs do not broadcast as whole blocks (`Blocks`).
    private func forward<B: BinaryGate, U: UnaryGate>(_ f: B, then g: U, _ inner: Node, _ outer: Node) -> Bool {
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
                                y[j] = f.forward(a[j], b[j])
                                z[j] = g.forward(y[j])
                            }
                        }
                    }
                }
            }
        }
        return true
    }
}
