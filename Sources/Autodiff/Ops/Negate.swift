/// The negate gate: y = −x. Local gradient −1.
public final class Negate: UnaryGate {
    public var name: String { "negate" }
    public var symbol: String { "−x" }
    public var keepsFinite: Bool { true }
    public init() {}

    public func forward(_ x: Double) -> Double { -x }
    public func local(_ x: Double, _ y: Double) -> Double { -1 }
}
