/// The max gate: y = max(a, b). It routes: the whole upstream gradient goes
/// to the larger input and none to the other.
///
/// On a tie the gradient goes to the first input, `a` — the choice
/// `numpy.maximum`'s usual backward makes too; either input is a valid
/// subgradient.
public final class Max: BinaryGate {
    public var name: String { "max" }
    public var symbol: String { "max" }
    public var keepsFinite: Bool { true }
    public init() {}

    public func forward(_ a: Double, _ b: Double) -> Double { a >= b ? a : b }
    public func local(_ a: Double, _ b: Double, _ y: Double) -> (Double, Double) { a >= b ? (1, 0) : (0, 1) }
}
