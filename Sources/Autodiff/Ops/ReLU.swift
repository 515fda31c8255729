/// The ReLU gate: y = max(0, x). A max gate against 0: it routes the
/// gradient through where x > 0 and stops it elsewhere (0 at x = 0 itself).
/// Like the sigmoid's, its local gradient reads the output alone: y > 0
/// exactly where x > 0.
public final class ReLU: UnaryGate {
    public var name: String { "relu" }
    public var symbol: String { "ReLU" }
    public var keepsFinite: Bool { true }
    public init() {}

    public func forward(_ x: Double) -> Double { x > 0 ? x : 0 }
    public func local(_ x: Double, _ y: Double) -> Double { local(output: y) }
    func local(output y: Double) -> Double { y > 0 ? 1 : 0 }
    /// The same for four entries at once.
    func local(output y: SIMD4<Double>) -> SIMD4<Double> { SIMD4.zero.replacing(with: 1, where: y .> 0) }
}
