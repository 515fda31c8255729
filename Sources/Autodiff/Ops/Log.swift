#if canImport(Glibc)
import Glibc
#endif

/// The log gate (natural logarithm): y = ln x. dy/dx = 1/x.
public final class Log: UnaryGate {
    public var name: String { "log" }
    public var symbol: String { "log" }
    public init() {}

    public func forward(_ x: Double) -> Double { log(x) }
    public func local(_ x: Double, _ y: Double) -> Double { 1 / x }

    public func explain(_ x: Double) -> AutodiffError {
        if x < 0 { return AutodiffError(.domain, "log of a negative number, \(Tensor.format(x))") }
        if x == 0 { return AutodiffError(.domain, "log of 0 is −∞") }
        return AutodiffError(.nonFinite, "log of \(Tensor.format(x)) is not finite")
    }
}
