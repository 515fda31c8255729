/// Helpers for shapes: how to print one, and how two shapes broadcast.
public enum Shape {
    /// A shape as a reader writes it: `scalar`, `3`, `2×2`, `300×100`.
    public static func describe(_ shape: [Int]) -> String {
        shape.isEmpty ? "scalar" : shape.map(String.init).joined(separator: "×")
    }

    /// The shape of an elementwise result of `a` and `b` under broadcasting,
    /// or nil when they do not broadcast.
    ///
    /// Axes are matched from the right; two sizes fit when they are equal or
    /// one of them is 1. A scalar fits everything; a bias of shape `[C]` fits
    /// every row of a batch `[N, C]`.
    public static func broadcast(_ a: [Int], _ b: [Int]) -> [Int]? {
        let rank = max(a.count, b.count)
        var result = Array(repeating: 1, count: rank)
        for axis in 0..<rank {
            let x = axis < rank - a.count ? 1 : a[axis - (rank - a.count)]
            let y = axis < rank - b.count ? 1 : b[axis - (rank - b.count)]
            guard x == y || x == 1 || y == 1 else { return nil }
            result[axis] = x == 1 ? y : x
        }
        return result
    }
}

/// How the entries of a broadcast input line up with the entries of the output.
///
/// Walk it once per output entry: `next()` gives the flat index of the input
/// entry that output entry reads. The adjoint of broadcasting is summing, so
/// backward adds each output's gradient into the input entry it came from —
/// the one place where every elementwise gate undoes broadcasting.
struct Broadcast {
    private let inputCount: Int
    private let strides: [Int]   // empty when the input is a suffix of the output
    private let sizes: [Int]

    /// The walk of an input of shape `input` across an output of shape `output`.
    init(_ input: [Int], to output: [Int]) {
        inputCount = Tensor.count(of: input)
        let trimmed = Array(input.drop { $0 == 1 })
        if output.suffix(trimmed.count).elementsEqual(trimmed) {
            strides = []
            sizes = []
            return
        }
        let padded = Array(repeating: 1, count: output.count - input.count) + input
        var strides = Array(repeating: 0, count: output.count)
        var step = 1
        for axis in stride(from: output.count - 1, through: 0, by: -1) {
            strides[axis] = padded[axis] == 1 ? 0 : step
            step *= padded[axis]
        }
        self.strides = strides
        self.sizes = output
    }

    /// An iterator over the input index of each output entry, in order.
    func makeIterator() -> Iterator { Iterator(self) }

    struct Iterator {
        private let broadcast: Broadcast
        private var position = 0
        private var odometer: [Int]

        init(_ broadcast: Broadcast) {
            self.broadcast = broadcast
            odometer = broadcast.strides.isEmpty ? [] : Array(repeating: 0, count: broadcast.sizes.count)
        }

        /// The input index for the next output entry.
        @inline(__always)
        mutating func next() -> Int {
            if broadcast.strides.isEmpty {
                // The input repeats whole: wrap around its count.
                let index = position
                position += 1
                if position == broadcast.inputCount { position = 0 }
                return index
            }
            let index = position
            var axis = odometer.count - 1
            while axis >= 0 {
                odometer[axis] += 1
                position += broadcast.strides[axis]
                if odometer[axis] < broadcast.sizes[axis] { break }
                position -= broadcast.strides[axis] * odometer[axis]
                odometer[axis] = 0
                axis -= 1
            }
            return index
        }
    }
}

/// The common broadcasts, walked fast: the output as `count` blocks of
/// `width` entries, where each input either spans the whole output or
/// repeats one block — equal shapes, a scalar, or a bias added to every row.
/// Column broadcasts and the like take the general `Broadcast` walk.
struct Blocks {
    private let count: Int
    /// The number of entries in a block.
    let width: Int
    private let aRepeats: Bool
    private let bRepeats: Bool

    /// The block walk of inputs shaped `a` and `b` across `output`, or nil when one does not fit it.
    init?(_ a: [Int], _ b: [Int], _ output: [Int]) {
        let total = Tensor.count(of: output)
        let (countA, countB) = (Tensor.count(of: a), Tensor.count(of: b))
        guard total > 0, Blocks.repeatsWhole(a, in: output), Blocks.repeatsWhole(b, in: output),
              countA == total || countB == total else { return nil }
        width = min(countA, countB)
        guard width > 0 else { return nil }
        count = total / width
        aRepeats = countA != total
        bRepeats = countB != total
    }

    /// Whether `input` repeats whole across `output`: its shape, less leading 1s, ends the output's.
    private static func repeatsWhole(_ input: [Int], in output: [Int]) -> Bool {
        let trimmed = input.drop { $0 == 1 }
        return output.suffix(trimmed.count).elementsEqual(trimmed)
    }

    /// Calls `body(start, startA, startB)` for each block: the block's first
    /// output entry, and the first entries of a and b that it reads. The
    /// block's entries follow contiguously, `width` of them.
    @inline(__always)
    func forEachBlock(_ body: (_ start: Int, _ startA: Int, _ startB: Int) -> Void) {
        for block in 0..<count {
            let start = block * width
            body(start, aRepeats ? 0 : start, bRepeats ? 0 : start)
        }
    }
}
