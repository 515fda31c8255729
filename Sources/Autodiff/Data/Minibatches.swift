/// The row indices of each minibatch, epoch after epoch, for minibatch SGD.
///
/// Each epoch the rows are shuffled (Fisher–Yates, with `SeededRandom`) and
/// handed out in consecutive batches of `batchSize`. A batch never spans two
/// epochs: a short last batch is dropped, so every batch has the same size and
/// the graph's buffers keep their shape. A batch size larger than the data
/// gives the whole (shuffled) data each time.
///
/// The sequence never ends: take as many batches as the loop has steps,
/// `for batch in Minibatches(...).prefix(10_000)`.
public struct Minibatches: Sequence, IteratorProtocol, Sendable {
    /// The number of rows in the data.
    public let rows: Int
    /// The number of rows in every batch: the requested size, or all rows when there are fewer.
    public let batchSize: Int
    /// The epoch the last batch came from, counting from 0; -1 before the first batch.
    public private(set) var epoch = -1
    private var order: [Int]
    private var position: Int
    private var random: SeededRandom

    /// Batches of `batchSize` rows drawn from `rows` rows, in an order that follows from `seed`.
    public init(rows: Int, batchSize: Int, seed: UInt64) {
        precondition(rows > 0 && batchSize > 0, "minibatches need rows and a positive batch size")
        self.rows = rows
        self.batchSize = Swift.min(batchSize, rows)
        order = Array(0..<rows)
        position = rows  // at the end of an epoch: the first batch starts one
        random = SeededRandom(seed: seed)
    }

    /// The number of batches in one epoch.
    public var batchesPerEpoch: Int { rows / batchSize }

    /// The row indices of the next batch.
    public mutating func next() -> [Int]? {
        var batch: [Int] = []
        next(into: &batch)
        return batch
    }

    /// Writes the row indices of the next batch into `batch`, reusing its storage.
    public mutating func next(into batch: inout [Int]) {
        if position + batchSize > rows { shuffle() }
        if batch.count != batchSize { batch = Array(repeating: 0, count: batchSize) }
        order.withUnsafeBufferPointer { order in
            batch.withUnsafeMutableBufferPointer { batch in
                for i in batch.indices { batch[i] = order[position + i] }
            }
        }
        position += batchSize
    }

    /// Starts an epoch: Fisher–Yates, from the last row down, swaps each row with a random one at or before it.
    private mutating func shuffle() {
        for i in stride(from: rows - 1, to: 0, by: -1) {
            order.swapAt(i, random.integer(below: i + 1))
        }
        position = 0
        epoch += 1
    }
}

extension Tensor {
    /// The rows at `indices`, in that order (`X[batch]` in numpy): of a matrix,
    /// rows; of a vector, entries; of any tensor, slices along the first axis.
    public func rows(_ indices: [Int]) -> Tensor {
        precondition(rank >= 1, "a scalar has no rows")
        var gathered = Tensor.zeros([indices.count] + shape.dropFirst())
        gathered.setRows(of: self, indices)
        return gathered
    }

    /// Fills this tensor with the rows of `source` at `indices`, reusing its storage.
    ///
    /// A training loop keeps one batch tensor and refills it every step, so no
    /// step allocates. The shape becomes `[indices.count] + source.shape[1...]`.
    public mutating func setRows(of source: Tensor, _ indices: [Int]) {
        precondition(source.rank >= 1, "a scalar has no rows")
        if shape.first != indices.count || shape.dropFirst() != source.shape.dropFirst() {
            resize(to: [indices.count] + source.shape.dropFirst())  // only when the shape changes: no allocation per step
        }
        var width = 1  // entries per row
        for axis in 1..<source.rank { width *= source.shape[axis] }
        let rowCount = source.shape[0]
        source.scalars.withUnsafeBufferPointer { from in
            scalars.withUnsafeMutableBufferPointer { to in
                for (k, row) in indices.enumerated() {
                    precondition(row >= 0 && row < rowCount, "row \(row) is outside \(rowCount) rows")
                    for j in 0..<width { to[k * width + j] = from[row * width + j] }
                }
            }
        }
    }
}
