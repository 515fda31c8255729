/// The subtract gate: y = a − b. Local gradients 1 and −1.
public final class Subtract: BinaryGate {
    public var name: String { "subtract" }
    public var symbol: String { "−" }
    public init() {}

    public func forward(_ a: Double, _ b: Double) -> Double { a - b }
    public func local(_ a: Double, _ b: Double, _ y: Double) -> (Double, Double) { (1, -1) }
}
