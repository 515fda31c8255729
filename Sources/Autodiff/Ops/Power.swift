#if canImport(Glibc)
import Glibc
#endif

/// The power gate with a constant exponent: y = xⁿ. dy/dx = n·xⁿ⁻¹.
public final class Power: UnaryGate {
    /// The constant exponent n.
    public let exponent: Double
    public var name: String { "power" }
    public var symbol: String { exponent == 2 ? "x²" : "x^\(Tensor.format(exponent))" }

    /// The gate raising its input to `exponent`.
    public init(_ exponent: Double) { self.exponent = exponent }

    public func forward(_ x: Double) -> Double { exponent == 2 ? x * x : pow(x, exponent) }
    public func local(_ x: Double, _ y: Double) -> Double {
        exponent == 2 ? 2 * x : exponent * pow(x, exponent - 1)
    }

    public func explain(_ x: Double) -> AutodiffError {
        if x < 0, exponent != exponent.rounded() {
            return AutodiffError(.domain, "a negative number, \(Tensor.format(x)), to the non-integer power "
                + "\(Tensor.format(exponent))")
        }
        if x == 0, exponent < 0 {
            return AutodiffError(.domain, "0 to the negative power \(Tensor.format(exponent))")
        }
        return AutodiffError(.nonFinite, "\(Tensor.format(x)) to the power \(Tensor.format(exponent)) is not finite")
    }
}
