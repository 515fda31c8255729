/// A tensor: a shape and its entries, stored flat in row-major order.
///
/// A scalar has shape `[]` and one entry; a vector of 3 has shape `[3]`; a
/// batch of 100 rows of 10 scores has shape `[100, 10]`. Every value in the
/// engine is a `Double`: gradient checks need float64.
public struct Tensor: Equatable, Sendable {
    /// The size of each axis; `[]` for a scalar.
    public private(set) var shape: [Int]
    /// The entries in row-major order; `shape.reduce(1, *)` of them.
    public var scalars: [Double]

    /// A tensor of the given shape holding `scalars` in row-major order.
    public init(shape: [Int], scalars: [Double]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "negative size in shape \(shape)")
        precondition(Tensor.count(of: shape) == scalars.count,
                     "shape \(shape) holds \(Tensor.count(of: shape)) entries, not \(scalars.count)")
        self.shape = shape
        self.scalars = scalars
    }

    /// A scalar.
    public init(_ value: Double) {
        self.init(shape: [], scalars: [value])
    }

    /// A vector.
    public init(_ vector: [Double]) {
        self.init(shape: [vector.count], scalars: vector)
    }

    /// A matrix from its rows, which must all have the same length.
    public init(_ rows: [[Double]]) {
        let columns = rows.first?.count ?? 0
        precondition(rows.allSatisfy { $0.count == columns }, "matrix rows differ in length")
        self.init(shape: [rows.count, columns], scalars: rows.flatMap { $0 })
    }

    /// A tensor of the given shape with every entry equal to `value`.
    public init(repeating value: Double, shape: [Int]) {
        self.init(shape: shape, scalars: Array(repeating: value, count: Tensor.count(of: shape)))
    }

    /// Zeros of the given shape.
    public static func zeros(_ shape: [Int]) -> Tensor { Tensor(repeating: 0, shape: shape) }

    /// Ones of the given shape.
    public static func ones(_ shape: [Int]) -> Tensor { Tensor(repeating: 1, shape: shape) }

    /// The number of entries a tensor of this shape holds.
    public static func count(of shape: [Int]) -> Int { shape.reduce(1, *) }

    /// The number of entries.
    public var count: Int { scalars.count }

    /// The number of axes: 0 for a scalar, 1 for a vector, 2 for a matrix.
    public var rank: Int { shape.count }

    /// True for a tensor of shape `[]`.
    public var isScalar: Bool { shape.isEmpty }

    /// The single entry of a tensor that holds exactly one.
    public var scalar: Double {
        precondition(count == 1, "a tensor of shape \(shape) is not a scalar")
        return scalars[0]
    }

    /// The entry at a flat (row-major) index.
    public subscript(flat index: Int) -> Double {
        get { scalars[index] }
        set { scalars[index] = newValue }
    }

    /// The entry at a multi-dimensional index, one coordinate per axis.
    public subscript(_ index: Int...) -> Double {
        get { scalars[flatIndex(index)] }
        set { scalars[flatIndex(index)] = newValue }
    }

    /// The flat position of a multi-dimensional index.
    public func flatIndex(_ index: [Int]) -> Int {
        precondition(index.count == rank, "index \(index) does not fit shape \(shape)")
        var flat = 0
        for (axis, i) in index.enumerated() {
            precondition(i >= 0 && i < shape[axis], "index \(index) is out of shape \(shape)")
            flat = flat * shape[axis] + i
        }
        return flat
    }

    /// The multi-dimensional index of a flat position.
    public func index(ofFlat flat: Int) -> [Int] {
        var rest = flat
        var index = Array(repeating: 0, count: rank)
        for axis in stride(from: rank - 1, through: 0, by: -1) {
            index[axis] = rest % shape[axis]
            rest /= shape[axis]
        }
        return index
    }

    /// The same entries under another shape with the same count.
    public func reshaped(_ newShape: [Int]) -> Tensor {
        Tensor(shape: newShape, scalars: scalars)
    }

    /// Makes this tensor hold `shape`, reusing its storage when the count is unchanged.
    ///
    /// Entries are zero after a change of count, untouched otherwise: the
    /// caller overwrites them.
    mutating func resize(to newShape: [Int]) {
        if shape == newShape { return }
        let newCount = Tensor.count(of: newShape)
        if newCount != scalars.count {
            scalars = Array(repeating: 0, count: newCount)
        }
        shape = newShape
    }

    /// Sets every entry to `value` without reallocating.
    mutating func fill(_ value: Double) {
        scalars.withUnsafeMutableBufferPointer { $0.update(repeating: value) }
    }

    /// The first entry that is NaN or infinite, if any.
    public var firstNonFinite: Int? {
        scalars.withUnsafeBufferPointer { buffer in
            // NaN and ±∞ are the doubles whose exponent bits are all ones; adding
            // one to such an exponent carries into the sign bit. An OR over
            // integers vectorizes, where a search for the first one would not.
            let exponent: UInt64 = 0x7FF0_0000_0000_0000, one: UInt64 = 1 << 52
            var carries: UInt64 = 0
            for x in buffer { carries |= (x.bitPattern & exponent) &+ one }
            return carries >> 63 == 1 ? buffer.firstIndex { !$0.isFinite } : nil
        }
    }
}
