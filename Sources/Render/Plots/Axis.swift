#if canImport(Glibc)
import Glibc
#endif

/// One axis of a plot: a data range mapped onto pixels, with round ticks.
struct Axis {
    let low: Double
    let high: Double
    /// The pixel positions of `low` and `high`.
    let from: Double
    let to: Double

    /// An axis over the data in `values`, widened to round tick values.
    init(covering values: [Double], from: Double, to: Double) {
        let finite = values.filter(\.isFinite)
        var low = finite.min() ?? 0, high = finite.max() ?? 1
        if low == high { (low, high) = (low - 1, high + 1) }
        let step = Axis.step(for: high - low)
        self.low = (low / step).rounded(.down) * step
        self.high = (high / step).rounded(.up) * step
        (self.from, self.to) = (from, to)
    }

    /// The pixel of a data value.
    func pixel(_ value: Double) -> Double {
        from + (value - low) / (high - low) * (to - from)
    }

    /// Round values from low to high: steps of 1, 2 or 5 times a power of ten, about five of them.
    var ticks: [Double] {
        let step = Axis.step(for: high - low)
        var ticks: [Double] = []
        var value = low
        while value <= high + step * 1e-9 {
            ticks.append(abs(value) < step * 1e-9 ? 0 : value)
            value += step
        }
        return ticks
    }

    /// A tick step of 1, 2 or 5 × 10ⁿ that cuts `span` into about five parts.
    static func step(for span: Double) -> Double {
        let raw = span / 5
        let power = pow(10, floor(log10(raw)))
        let fraction = raw / power
        return (fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10) * power
    }
}
