/// How close a computed number must be to a figure as the lecture writes it.
///
/// A figure is rounded where it stops: `0.73` stands for anything in
/// [0.725, 0.735], `-0.20` for [-0.205, -0.195], `1.5e-3` for ±0.00005. A
/// number written without a decimal point (`-12`, `1e-5`) is exact and must
/// match to 1e-9 relative (absolute, for numbers below 1). `± 1e-6` after a
/// figure sets the tolerance outright.
enum Tolerance: Equatable {
    /// Half a unit of the last written decimal.
    case written(Double)
    /// 1e-9 of the figure's size (at least of 1).
    case exact
    /// An explicit ± bound.
    case explicit(Double)

    /// The tolerance implied by how `text` is written.
    init(writtenAs text: String) {
        let lower = text.lowercased()
        let (mantissa, exponentText) = lower.contains("e")
            ? (String(lower.prefix { $0 != "e" }), String(lower.drop { $0 != "e" }.dropFirst())) : (lower, "0")
        guard let point = mantissa.firstIndex(of: ".") else { self = .exact; return }
        let decimals = mantissa.distance(from: point, to: mantissa.endIndex) - 1
        let exponent = Int(exponentText) ?? 0
        self = .written(0.5 * Tolerance.power10(exponent - decimals))
    }

    /// Whether `computed` matches `expected` within this tolerance.
    func accepts(_ computed: Double, _ expected: Double) -> Bool {
        let difference = abs(computed - expected)
        switch self {
        case .written(let half): return difference <= half * (1 + 1e-9)
        case .exact: return difference <= 1e-9 * max(abs(expected), 1)
        case .explicit(let bound): return difference <= bound
        }
    }

    /// How the tolerance reads in a report.
    var description: String {
        switch self {
        case .written(let half): return "rounded: ±\(Self.format(half))"
        case .exact: return "exact: to 1e-9"
        case .explicit(let bound): return "±\(Self.format(bound))"
        }
    }

    private static func format(_ x: Double) -> String {
        let text = "\(x)"
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    private static func power10(_ n: Int) -> Double {
        var x = 1.0
        for _ in 0..<abs(n) { x *= 10 }
        return n < 0 ? 1 / x : x
    }
}
