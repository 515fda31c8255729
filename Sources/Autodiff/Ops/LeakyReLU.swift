/// The leaky ReLU gate: y = x for x > 0, αx otherwise. A small slope α keeps
/// a gradient flowing where a ReLU would die. With α learned it is PReLU.
public final class LeakyReLU: UnaryGate {
    /// The slope for negative inputs.
    public let alpha: Double
    public var name: String { "leaky_relu" }
    public var symbol: String { "LReLU" }
    public var keepsFinite: Bool { true }

    /// The gate with slope `alpha` (0.01 in the lecture) for negative inputs.
    public init(alpha: Double = 0.01) { self.alpha = alpha }

    public func forward(_ x: Double) -> Double { x > 0 ? x : alpha * x }
    public func local(_ x: Double, _ y: Double) -> Double { x > 0 ? 1 : alpha }
}
