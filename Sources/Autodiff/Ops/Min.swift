/// The min gate: y = min(a, b). It routes the upstream gradient to the
/// smaller input; on a tie, to the first input `a`, as the max gate does.
public final class Min: BinaryGate {
    public var name: String { "min" }
    public var symbol: String { "min" }
    public var keepsFinite: Bool { true }
    public init() {}

    public func forward(_ a: Double, _ b: Double) -> Double { a <= b ? a : b }
    public func local(_ a: Double, _ b: Double, _ y: Double) -> (Double, Double) { a <= b ? (1, 0) : (0, 1) }
}
