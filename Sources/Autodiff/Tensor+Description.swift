#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

extension Tensor: CustomStringConvertible {
    /// The tensor as nested lists, a matrix one row per line with aligned columns:
    ///
    ///     [[ 0.1, 0.5],
    ///      [-0.3, 0.8]]
    public var description: String {
        let texts = scalars.map { Tensor.format($0) }
        switch rank {
        case 0: return texts[0]
        case 1: return "[" + texts.joined(separator: ", ") + "]"
        default:
            // Each column as wide as its widest entry, so columns line up.
            let columns = Swift.max(shape[rank - 1], 1)
            var widths = Array(repeating: 0, count: columns)
            for (i, text) in texts.enumerated() { widths[i % columns] = Swift.max(widths[i % columns], text.count) }
            let padded = texts.enumerated().map { i, text in
                String(repeating: " ", count: widths[i % columns] - text.count) + text
            }
            return Tensor.nest(padded[...], shape: shape[...], indent: 0)
        }
    }

    /// One axis of a tensor of rank ≥ 1, rows of the last axis on one line.
    private static func nest(_ texts: ArraySlice<String>, shape: ArraySlice<Int>, indent: Int) -> String {
        guard shape.count > 1 else { return "[" + texts.joined(separator: ", ") + "]" }
        let step = texts.count / max(shape.first ?? 1, 1)
        let parts = (0..<(shape.first ?? 0)).map { row -> String in
            let start = texts.startIndex + row * step
            return nest(texts[start..<start + step], shape: shape.dropFirst(), indent: indent + 1)
        }
        let separator = "," + String(repeating: "\n", count: shape.count - 1)
            + String(repeating: " ", count: indent + 1)
        return "[" + parts.joined(separator: separator) + "]"
    }

    /// A number rounded to `significant` digits, in the shortest form that reads back as it.
    ///
    /// `0.22000000000000003` prints as `0.22`; integers print without a
    /// fraction (`-12`); NaN and infinities print as `nan`, `inf`, `-inf`.
    public static func format(_ x: Double, significant: Int = 6) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        if x == 0 { return "0" }
        let magnitude = floor(log10(abs(x)))
        let scale = pow(10, Double(significant - 1) - magnitude)
        var rounded = (x * scale).rounded() / scale
        if !rounded.isFinite { rounded = x }
        if rounded == rounded.rounded(), abs(rounded) < 1e15 {
            return String(Int64(rounded))
        }
        return "\(rounded)"
    }
}

extension Tensor {
    /// The smallest and the largest entry (nil for an empty tensor): what a page
    /// prints of a tensor too big to list. Here, in the optimized engine, because
    /// pages ask it of tensors with a million entries.
    ///
    /// Eight entries at a time, in eight running minima and maxima: one running
    /// pair waits on each comparison before the next (2 % of building the
    /// course went here). Each lane starts from the first entry and compares
    /// as `Swift.min` does, so NaNs count exactly as one entry at a time would.
    public var extremes: (min: Double, max: Double)? {
        guard let first = scalars.first else { return nil }
        return scalars.withUnsafeBufferPointer { x in
            var low = SIMD8(repeating: first), high = low
            let whole = x.count / 8 * 8
            let raw = UnsafeRawPointer(x.baseAddress!)
            for i in stride(from: 0, to: whole, by: 8) {
                let v = raw.loadUnaligned(fromByteOffset: i * 8, as: SIMD8<Double>.self)
                low = low.replacing(with: v, where: v .< low)
                high = high.replacing(with: v, where: high .< v)
            }
            var (l, h) = (first, first)
            for lane in 0..<8 { (l, h) = (Swift.min(l, low[lane]), Swift.max(h, high[lane])) }
            for i in whole..<x.count { (l, h) = (Swift.min(l, x[i]), Swift.max(h, x[i])) }
            return (l, h)
        }
    }
}
