#if canImport(Glibc)
import Glibc
#endif

/// The exp gate: y = eˣ. Its local gradient is its own output: dy/dx = eˣ = y.
public final class Exp: UnaryGate {
    public var name: String { "exp" }
    public var symbol: String { "exp" }
    public init() {}

    public func forward(_ x: Double) -> Double { exp(x) }
    public func local(_ x: Double, _ y: Double) -> Double { y }

    public func explain(_ x: Double) -> AutodiffError {
        AutodiffError(.nonFinite, "exp(\(Tensor.format(x))) overflows: inputs above about 709 are too large")
    }
}
