/// How a reduction along one axis walks a tensor: `outer` blocks, each of
/// `size` slices along the axis, each of `inner` contiguous entries.
struct Reduction {
    let outer: Int
    let size: Int
    let inner: Int

    /// The walk for `shape` along `axis`, or over every entry when `axis` is nil.
    init(_ shape: [Int], axis: Int?) {
        guard let axis else {
            (outer, size, inner) = (1, Tensor.count(of: shape), 1)
            return
        }
        outer = shape[..<axis].reduce(1, *)
        size = shape[axis]
        inner = shape[(axis + 1)...].reduce(1, *)
    }

    /// The output shape: the axis dropped (or kept as 1), or a scalar for a full reduction.
    static func shape(_ name: String, _ inputs: [[Int]], axis: Int?, keepDims: Bool) throws(AutodiffError) -> [Int] {
        guard inputs.count == 1 else { throw .arity(name, expected: "one input", given: inputs.count) }
        let shape = inputs[0]
        guard let axis else { return keepDims ? shape.map { _ in 1 } : [] }
        guard axis >= 0, axis < shape.count else {
            throw .shapes(name, inputs, "axis \(axis) does not exist; the axes are 0..<\(shape.count)")
        }
        var result = shape
        if keepDims { result[axis] = 1 } else { result.remove(at: axis) }
        return result
    }

    /// out[o, i] = Σₐ x[o, a, i] · scale.
    func reduce(_ x: [Double], into out: inout [Double], scale: Double) {
        out.withUnsafeMutableBufferPointer { out in
            x.withUnsafeBufferPointer { x in
                for o in 0..<outer {
                    for i in 0..<inner { out[o * inner + i] = 0 }
                    for a in 0..<size {
                        let base = (o * size + a) * inner
                        for i in 0..<inner { out[o * inner + i] += x[base + i] }
                    }
                    for i in 0..<inner { out[o * inner + i] *= scale }
                }
            }
        }
    }

    /// dx[o, a, i] += upstream[o, i] · scale: every summed entry gets the upstream gradient.
    func spread(_ upstream: [Double], into dx: inout [Double], scale: Double) {
        dx.withUnsafeMutableBufferPointer { dx in
            upstream.withUnsafeBufferPointer { up in
                for o in 0..<outer {
                    for a in 0..<size {
                        let base = (o * size + a) * inner
                        for i in 0..<inner { dx[base + i] += up[o * inner + i] * scale }
                    }
                }
            }
        }
    }
}

/// The sum gate: y = Σ x, over every entry or along one axis. Like the add
/// gate it distributes: every entry receives the upstream gradient.
public final class Sum: Gate {
    /// The axis summed over; nil sums every entry.
    public let axis: Int?
    /// Whether the summed axis stays, with size 1, so the result broadcasts back.
    public let keepDims: Bool
    public var name: String { "sum" }
    public var symbol: String { "Σ" }

    /// The sum over `axis`, or over everything when it is nil.
    public init(axis: Int? = nil, keepDims: Bool = false) { (self.axis, self.keepDims) = (axis, keepDims) }

    public func shape(for inputs: [[Int]]) throws(AutodiffError) -> [Int] {
        try Reduction.shape(name, inputs, axis: axis, keepDims: keepDims)
    }

    public func forward(_ inputs: [Node], _ output: Node) throws(AutodiffError) {
        Reduction(inputs[0].shape, axis: axis).reduce(inputs[0].value.scalars, into: &output.value.scalars, scale: 1)
    }

    public func backward(_ inputs: [Node], _ output: Node) {
        guard inputs[0].needsGradient else { return }
        Reduction(inputs[0].shape, axis: axis).spread(output.gradient.scalars, into: &inputs[0].gradient.scalars, scale: 1)
    }
}

/// The mean gate: y = (1/n) Σ x. Each entry receives the upstream gradient divided by n.
public final class Mean: Gate {
    /// The axis averaged over; nil averages every entry.
    public let axis: Int?
    /// Whether the averaged axis stays, with size 1.
    public let keepDims: Bool
    public var name: String { "mean" }
    public var symbol: String { "mean" }

    /// The mean over `axis`, or over everything when it is nil.
    public init(axis: Int? = nil, keepDims: Bool = false) { (self.axis, self.keepDims) = (axis, keepDims) }

    public func shape(for inputs: [[Int]]) throws(AutodiffError) -> [Int] {
        try Reduction.shape(name, inputs, axis: axis, keepDims: keepDims)
    }

    public func forward(_ inputs: [Node], _ output: Node) throws(AutodiffError) {
        let walk = Reduction(inputs[0].shape, axis: axis)
        walk.reduce(inputs[0].value.scalars, into: &output.value.scalars, scale: 1 / Double(walk.size))
    }

    public func backward(_ inputs: [Node], _ output: Node) {
        guard inputs[0].needsGradient else { return }
        let walk = Reduction(inputs[0].shape, axis: axis)
        walk.spread(output.gradient.scalars, into: &inputs[0].gradient.scalars, scale: 1 / Double(walk.size))
    }
}
