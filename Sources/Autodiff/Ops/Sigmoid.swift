#if canImport(Glibc)
import Glibc
#endif

/// The sigmoid gate: σ(x) = 1/(1 + e⁻ˣ).
///
/// The lecture's shortcut: the four gates −x, exp, +1 and 1/x collapse into
/// one, whose local gradient is written with its own output:
/// dσ/dx = (1 − σ(x))·σ(x).
public final class Sigmoid: UnaryGate {
    public var name: String { "sigmoid" }
    public var symbol: String { "σ" }
    public var keepsFinite: Bool { true }
    public init() {}

    public func forward(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
    public func local(_ x: Double, _ y: Double) -> Double { (1 - y) * y }
}
