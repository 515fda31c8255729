/// The mul gate: y = a · b. It swaps: the local gradient with respect to
/// each input is the other input, so a large input gives its partner a
/// large gradient.
public final class Multiply: BinaryGate {
    public var name: String { "multiply" }
    public var symbol: String { "×" }
    public init() {}

    public func forward(_ a: Double, _ b: Double) -> Double { a * b }
    public func local(_ a: Double, _ b: Double, _ y: Double) -> (Double, Double) { (b, a) }
}
