/// The divide gate: y = a / b. ∂y/∂a = 1/b, ∂y/∂b = −a/b².
public final class Divide: BinaryGate {
    public var name: String { "divide" }
    public var symbol: String { "÷" }
    public init() {}

    public func forward(_ a: Double, _ b: Double) -> Double { a / b }
    public func local(_ a: Double, _ b: Double, _ y: Double) -> (Double, Double) { (1 / b, -a / (b * b)) }

    public func explain(_ a: Double, _ b: Double) -> AutodiffError {
        b == 0 ? AutodiffError(.domain, "division by zero: \(Tensor.format(a)) / 0")
            : AutodiffError(.nonFinite, "\(Tensor.format(a)) / \(Tensor.format(b)) is not finite")
    }
}
