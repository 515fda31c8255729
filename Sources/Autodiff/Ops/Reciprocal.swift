/// The 1/x gate of the sigmoid circuit: y = 1/x. dy/dx = −1/x² = −y².
public final class Reciprocal: UnaryGate {
    public var name: String { "reciprocal" }
    public var symbol: String { "1/x" }
    public init() {}

    public func forward(_ x: Double) -> Double { 1 / x }
    public func local(_ x: Double, _ y: Double) -> Double { -y * y }

    public func explain(_ x: Double) -> AutodiffError {
        x == 0 ? AutodiffError(.domain, "division by zero: 1 / 0")
            : AutodiffError(.nonFinite, "1 / \(Tensor.format(x)) is not finite")
    }
}
