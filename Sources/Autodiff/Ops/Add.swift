/// The add gate: y = a + b. It distributes: both local gradients are 1, so
/// each input receives the upstream gradient unchanged.
public final class Add: BinaryGate {
    public var name: String { "add" }
    public var symbol: String { "+" }
    public init() {}

    public func forward(_ a: Double, _ b: Double) -> Double { a + b }
    public func local(_ a: Double, _ b: Double, _ y: Double) -> (Double, Double) { (1, 1) }
}
