/// A gate of two inputs that works entry by entry, with broadcasting: y = f(a, b).
///
/// As with `UnaryGate`, a conforming gate writes `forward(a, b)` and the two
/// local gradients; broadcasting is undone here, once for every binary gate.
public protocol BinaryGate: ElementwiseGate {
    /// y = f(a, b) for one entry.
    func forward(_ a: Double, _ b: Double) -> Double
    /// (∂y/∂a, ∂y/∂b) at one entry.
    func local(_ a: Double, _ b: Double, _ y: Double) -> (Double, Double)
    /// Why f(a, b) is not finite, with the values.
    func explain(_ a: Double, _ b: Double) -> AutodiffError
}

extension BinaryGate {
    public func explain(_ a: Double, _ b: Double) -> AutodiffError {
        AutodiffError(.nonFinite, "\(name) of \(Tensor.format(a)) and \(Tensor.format(b)) is not finite")
    }

    public func local(_ x: [Double], _ y: Double) -> [Double] {
        let (da, db) = local(x[0], x[1], y)
        return [da, db]
    }

    public func shape(for inputs: [[Int]]) throws(AutodiffError) -> [Int] {
        guard inputs.count == 2 else { throw .arity(name, expected: "two inputs", given: inputs.count) }
        guard let shape = Shape.broadcast(inputs[0], inputs[1]) else {
            throw .shapes(name, inputs, "sizes must be equal or 1 on each axis, counted from the right")
        }
        return shape
    }

    public func forward(_ inputs: [Node], _ output: Node) throws(AutodiffError) {
        let a = inputs[0].value, b = inputs[1].value
        if a.count == 1, b.count == 1 {  // the lecture's scalar circuits, without the walk
            output.value.scalars[0] = forward(a.scalars[0], b.scalars[0])
            return
        }
        if let blocks = Blocks(a.shape, b.shape, output.value.shape) {
            output.value.scalars.withUnsafeMutableBufferPointer { y in
                a.scalars.withUnsafeBufferPointer { a in
                    b.scalars.withUnsafeBufferPointer { b in
                        let (y, a, b) = (y.baseAddress!, a.baseAddress!, b.baseAddress!)
                        blocks.forEachBlock { start, startA, startB in
                            let (y, a, b) = (y + start, a + startA, b + startB)
                            for j in 0..<blocks.width { y[j] = forward(a[j], b[j]) }
                        }
                    }
                }
            }
            return
        }
        var ia = Broadcast(a.shape, to: output.value.shape).makeIterator()
        var ib = Broadcast(b.shape, to: output.value.shape).makeIterator()
        output.value.scalars.withUnsafeMutableBufferPointer { y in
            for i in y.indices { y[i] = forward(a.scalars[ia.next()], b.scalars[ib.next()]) }
        }
    }

    public var writesFirstGradient: Bool { true }

    /// da += upstream · ∂y/∂a and db += upstream · ∂y/∂b, summed over the
    /// entries a broadcast input was repeated to.
    public func backward(_ inputs: [Node], _ output: Node) { backwardEntryByEntry(inputs, output) }

    /// The backward above, under a name a gate's own backward can call.
    func backwardEntryByEntry(_ inputs: [Node], _ output: Node) {
        let a = inputs[0].value, b = inputs[1].value, y = output.value, upstream = output.gradient
        if a.count == 1, b.count == 1, y.count == 1 {  // the lecture's scalar circuits, without the walk
            let (da, db) = local(a.scalars[0], b.scalars[0], y.scalars[0])
            if inputs[0].needsGradient { inputs[0].receiveGradient(upstream.scalars[0] * da) }
            if inputs[1].needsGradient { inputs[1].receiveGradient(upstream.scalars[0] * db) }
            return
        }
        for side in 0..<2 where inputs[side].needsGradient { backward(side, inputs, output) }
    }

    /// One input's part of backward: `side` 0 is a, 1 is b.
    func backward(_ side: Int, _ inputs: [Node], _ output: Node) {
        let a = inputs[0].value, b = inputs[1].value, y = output.value, upstream = output.gradient
        if a.count == 1, b.count == 1, y.count == 1 {
            let local = local(a.scalars[0], b.scalars[0], y.scalars[0])
            inputs[side].receiveGradient(upstream.scalars[0] * (side == 0 ? local.0 : local.1))
            return
        }
        if let blocks = Blocks(a.shape, b.shape, y.shape) {
            // A broadcast input takes several entries' gradients each: it adds them to zeros.
            let broadcast = inputs[side].value.count != y.count
            inputs[side].receiveGradient(zeroed: broadcast) { dx, add in
                backward(side, blocks, a.scalars, b.scalars, y.scalars, upstream.scalars,
                         into: dx.baseAddress!, add: add)
            }
            return
        }
        var ia = Broadcast(a.shape, to: y.shape).makeIterator()
        var ib = Broadcast(b.shape, to: y.shape).makeIterator()
        inputs[side].receiveGradient(zeroed: true) { dx, _ in
            for i in 0..<y.count {
                let (j, k) = (ia.next(), ib.next())
                let (da, db) = local(a.scalars[j], b.scalars[k], y.scalars[i])
                if side == 0 { dx[j] += upstream.scalars[i] * da } else { dx[k] += upstream.scalars[i] * db }
            }
        }
    }

    /// One side's backward over the common broadcasts, block by block.
    @inline(__always)
    private func backward(_ side: Int, _ blocks: Blocks, _ a: [Double], _ b: [Double], _ y: [Double],
                          _ upstream: [Double], into dx: UnsafeMutablePointer<Double>, add: Bool) {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                y.withUnsafeBufferPointer { y in
                    upstream.withUnsafeBufferPointer { upstream in
                        let (a, b, y, up) = (a.baseAddress!, b.baseAddress!, y.baseAddress!, upstream.baseAddress!)
                        blocks.forEachBlock { start, startA, startB in
                            // Pointers to the block's first entries keep index arithmetic
                            // out of the loop, so it vectorizes.
                            let (a, b, y, up) = (a + startA, b + startB, y + start, up + start)
                            let d = dx + (side == 0 ? startA : startB)
                            switch (side, add) {
                            case (0, true): for j in 0..<blocks.width { d[j] += up[j] * local(a[j], b[j], y[j]).0 }
                            case (0, false): for j in 0..<blocks.width { d[j] = up[j] * local(a[j], b[j], y[j]).0 }
                            case (_, true): for j in 0..<blocks.width { d[j] += up[j] * local(a[j], b[j], y[j]).1 }
                            case (_, false): for j in 0..<blocks.width { d[j] = up[j] * local(a[j], b[j], y[j]).1 }
                            }
                        }
                    }
                }
            }
        }
    }

    public func explainNonFinite(_ inputs: [Node], at index: Int) -> AutodiffError {
        let shape = Shape.broadcast(inputs[0].shape, inputs[1].shape) ?? []
        var ia = Broadcast(inputs[0].shape, to: shape).makeIterator()
        var ib = Broadcast(inputs[1].shape, to: shape).makeIterator()
        var (j, k) = (0, 0)
        for _ in 0...index { (j, k) = (ia.next(), ib.next()) }
        return explain(inputs[0].value.scalars[j], inputs[1].value.scalars[k])
    }
}
