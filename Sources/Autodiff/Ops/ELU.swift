#if canImport(Glibc)
import Glibc
#endif

/// The ELU gate: y = x for x > 0, α(eˣ − 1) otherwise. Smooth at 0 for α = 1,
/// and its outputs average closer to zero than a ReLU's. dy/dx = y + α below 0.
public final class ELU: UnaryGate {
    /// The scale of the negative part.
    public let alpha: Double
    public var name: String { "elu" }
    public var symbol: String { "ELU" }

    /// The gate with scale `alpha` (1 by default).
    public init(alpha: Double = 1) { self.alpha = alpha }

    public func forward(_ x: Double) -> Double { x > 0 ? x : alpha * (exp(x) - 1) }
    public func local(_ x: Double, _ y: Double) -> Double { x > 0 ? 1 : y + alpha }
}
