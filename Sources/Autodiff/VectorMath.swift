import CVectorMath

/// exp and log of many numbers at once, through glibc's vector math library
/// (libmvec: four doubles a call, in AVX2 registers) — the one file that touches it.
///
/// The softmax loss takes the exp of every score and the log of every row's
/// sum: 1,200 of them a training step in the case study, 3,600 in lecture 07's
/// six networks trained side by side. One at a time through libm they were a
/// tenth of a step, and a quarter of lecture 07's. libmvec's are within 4 ulp
/// of the true value (libm's within 1): a probability may differ in its last
/// bits, never in a figure a page prints. Every entry goes through the same
/// function, the last few padded to four, so a number does not depend on
/// where it sits.
enum VectorMath {
    /// Replaces each of `x` by its exp.
    static func exp(_ x: UnsafeMutableBufferPointer<Double>) { apply(gradbook_exp4, to: x) }

    /// Replaces each of `x` by its natural log.
    static func log(_ x: UnsafeMutableBufferPointer<Double>) { apply(gradbook_log4, to: x) }

    private static func apply(_ four: (UnsafePointer<Double>, UnsafeMutablePointer<Double>) -> Void,
                              to x: UnsafeMutableBufferPointer<Double>) {
        guard let base = x.baseAddress else { return }
        let whole = x.count / 4 * 4
        for i in stride(from: 0, to: whole, by: 4) { four(base + i, base + i) }
        guard whole < x.count else { return }
        var rest: (Double, Double, Double, Double) = (1, 1, 1, 1)  // padding whose exp and log are finite
        withUnsafeMutableBytes(of: &rest) { bytes in
            let lanes = bytes.baseAddress!.assumingMemoryBound(to: Double.self)
            lanes.update(from: base + whole, count: x.count - whole)
            four(lanes, lanes)
            (base + whole).update(from: lanes, count: x.count - whole)
        }
    }
}
