#if canImport(Glibc)
import Glibc
#endif

/// The square-root gate: y = √x. dy/dx = 1/(2√x) = 1/(2y).
public final class Sqrt: UnaryGate {
    public var name: String { "sqrt" }
    public var symbol: String { "√" }
    public init() {}

    public func forward(_ x: Double) -> Double { x.squareRoot() }
    public func local(_ x: Double, _ y: Double) -> Double { 1 / (2 * y) }

    public func explain(_ x: Double) -> AutodiffError {
        x < 0 ? AutodiffError(.domain, "square root of a negative number, \(Tensor.format(x))")
            : AutodiffError(.nonFinite, "square root of \(Tensor.format(x)) is not finite")
    }
}
