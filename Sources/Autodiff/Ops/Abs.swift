/// The absolute-value gate: y = |x|. dy/dx = sign(x), taken as 0 at x = 0.
public final class Abs: UnaryGate {
    public var name: String { "abs" }
    public var symbol: String { "|x|" }
    public var keepsFinite: Bool { true }
    public init() {}

    public func forward(_ x: Double) -> Double { abs(x) }
    public func local(_ x: Double, _ y: Double) -> Double { x > 0 ? 1 : (x < 0 ? -1 : 0) }
}
