/// Gradient check: compares the analytic gradient of backward with the
/// numerical gradient of central differences, (f(x + h) − f(x − h)) / 2h,
/// entry by entry, as the lecture prescribes before trusting a backward.
public struct GradientCheck: Sendable {
    /// The step h of the central difference.
    public var h = 1e-5
    /// An entry passes when its relative error is below this.
    public var threshold = 1e-7
    /// With a value, at most this many entries of each input are checked, chosen by `seed`.
    public var samples: Int?
    /// The seed that picks the sampled entries.
    public var seed: UInt64 = 0
    /// When to give up: checked before each entry (each costs two forward passes).
    public var deadline: ContinuousClock.Instant?

    /// A check with the lecture's defaults: h = 1e-5, pass below a relative error of 1e-7, every entry.
    public init(h: Double = 1e-5, threshold: Double = 1e-7, samples: Int? = nil, seed: UInt64 = 0) {
        (self.h, self.threshold, self.samples, self.seed) = (h, threshold, samples, seed)
    }

    /// One checked entry.
    public struct Entry: Sendable, Equatable {
        /// The input the entry belongs to.
        public var input: String
        /// The entry's position in that input.
        public var index: [Int]
        /// The gradient backward computed.
        public var analytic: Double
        /// The central-difference estimate.
        public var numerical: Double
        /// |a − n| / max(|a|, |n|, 1e-12).
        public var relativeError: Double
        /// Whether the entry passes: relative error below the threshold, or the
        /// two numbers closer than the round-off floor of the difference quotient.
        public var passed: Bool
    }

    /// The outcome: every checked entry and the worst of them.
    public struct Result: Sendable {
        /// Every entry checked, input by input.
        public var entries: [Entry]
        /// The entry with the largest relative error among those that failed, else overall.
        public var worst: Entry? {
            let failed = entries.filter { !$0.passed }
            return (failed.isEmpty ? entries : failed).max { $0.relativeError < $1.relativeError }
        }
        /// True when every entry passed.
        public var passed: Bool { entries.allSatisfy(\.passed) }
    }

    /// The relative error |a − n| / max(|a|, |n|, 1e-12).
    public static func relativeError(_ a: Double, _ n: Double) -> Double {
        Swift.abs(a - n) / Swift.max(Swift.abs(a), Swift.abs(n), 1e-12)
    }

    /// Checks the gradient of scalar `output` with respect to each of `inputs`
    /// (every input of the graph that needs a gradient, by default).
    ///
    /// Leaves the graph as backward from `output` leaves it: each input put
    /// back, and the values between it and the output computed again from it.
    /// Nothing else moves (a nudge reaches only that path; the gradients are
    /// the first backward's), so no full forward and backward need end the
    /// check — they had cost lecture 07 a pass over every CIFAR-sized node per check.
    public func run(_ graph: Graph, output: Node? = nil, inputs: [Node]? = nil) throws(AutodiffError) -> Result {
        guard let output = output ?? graph.output else { return Result(entries: []) }
        guard output.value.count == 1 else {
            throw AutodiffError(.usage, "gradient check needs a scalar output, and \(output.label) has shape "
                + "\(Shape.describe(output.shape))", node: output.id)
        }
        let checked = inputs ?? graph.nodes.filter { $0.isInput && $0.needsGradient }
        try graph.forward(to: output)
        try graph.backward(from: output)
        let analytic = checked.map(\.gradient)
        var entries: [Entry] = []
        var random = SeededRandom(seed: seed)
        for (input, gradient) in zip(checked, analytic) {
            let shortcut = Shortcut(graph, from: input, to: output)
            for flat in pick(input.value.count, using: &random) {
                if let deadline, ContinuousClock.now > deadline {
                    try graph.forward(to: output, changed: input)
                    throw AutodiffError(.time, "the gradient check ran out of time after \(entries.count) entries")
                }
                entries.append(try entry(graph, output, input, flat, analytic: gradient.scalars[flat], shortcut: shortcut))
            }
            try graph.forward(to: output, changed: input)  // the values the nudges moved, put back
        }
        return Result(entries: entries)
    }

    /// The entries to check: all, or a seeded sample of `samples` distinct ones in order.
    ///
    /// The first `samples` steps of a Fisher–Yates shuffle of 0..<count, with
    /// only the positions it moved kept (`moved[k]`, else k): an array of every
    /// index was 2.4 MB of fresh memory for lecture 07's W1 to pick 10 of its entries.
    private func pick(_ count: Int, using random: inout SeededRandom) -> [Int] {
        guard let samples, samples < count else { return Array(0..<count) }
        var moved: [Int: Int] = [:], picked: [Int] = []
        for i in 0..<samples {
            let j = i + Int(random.next() % UInt64(count - i))
            let (atI, atJ) = (moved[i] ?? i, moved[j] ?? j)
            (moved[i], moved[j]) = (atJ, atI)
            picked.append(atJ)
        }
        return picked.sorted()
    }

    /// The numerical derivative of one entry and its comparison with the analytic one.
    private func entry(_ graph: Graph, _ output: Node, _ input: Node, _ flat: Int,
                       analytic: Double, shortcut: Shortcut?) throws(AutodiffError) -> Entry {
        // The entry is nudged in place: a copy of the whole input per entry
        // cost more than the forward pass on a CIFAR-sized weight matrix.
        let original = input.value.scalars[flat]
        func nudge(_ value: Double) {
            input.value.scalars[flat] = value
            if let shortcut { shortcut.transpose.value.scalars[shortcut.position(flat)] = value }
        }
        defer { nudge(original) }
        nudge(original + h)
        try graph.forward(to: output, changed: shortcut?.reader ?? input)
        let plus = output.value.scalars[0]
        nudge(original - h)
        try graph.forward(to: output, changed: shortcut?.reader ?? input)
        let minus = output.value.scalars[0]
        let numerical = (plus - minus) / (2 * h)
        let error = GradientCheck.relativeError(analytic, numerical)
        // f(x ± h) carry rounding errors of about ε·|f| each; their difference
        // divided by 2h cannot resolve gradients closer than this.
        let floor = 16 * Double.ulpOfOne * Swift.max(1, Swift.abs(plus), Swift.abs(minus)) / h
        return Entry(input: input.label, index: input.value.index(ofFlat: flat), analytic: analytic,
                     numerical: numerical, relativeError: error,
                     passed: error < threshold || Swift.abs(analytic - numerical) < floor)
    }
}

/// A nudge's way round a transpose: when on the way from an input to the
/// output only a transpose reads the input, and only one gate reads the
/// transpose (W1 in X·W1ᵀ), a nudged entry of W1 is one entry of W1ᵀ. The
/// check nudges both and runs forward from the gate after the transpose,
/// instead of transposing the whole matrix again twice per entry: 307,200
/// entries for lecture 07's CIFAR-sized W1, 2 × 10 times per check.
private struct Shortcut {
    let transpose: Node
    /// The one gate on the way that reads the transpose.
    let reader: Node
    let rows, columns: Int

    init?(_ graph: Graph, from input: Node, to output: Node) {
        let path = graph.path(from: input, to: output)
        func readers(of node: Node) -> [Node] { path.filter { $0.inputs.contains { $0 === node } } }
        guard let transpose = readers(of: input).only, transpose.gate is Transpose,
              let reader = readers(of: transpose).only else { return nil }
        (self.transpose, self.reader) = (transpose, reader)
        (rows, columns) = input.value.rank == 2 ? (input.shape[0], input.shape[1]) : (1, input.value.count)
    }

    /// Where entry `flat` of the input is in its transpose.
    func position(_ flat: Int) -> Int { (flat % columns) * rows + flat / columns }
}

extension Array {
    /// The one element, or nil when there are none or several.
    fileprivate var only: Element? { count == 1 ? first : nil }
}
