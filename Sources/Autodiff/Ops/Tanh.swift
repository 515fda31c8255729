#if canImport(Glibc)
import Glibc
#endif

/// The tanh gate: y = tanh(x), zero-centred, saturating at ±1. dy/dx = 1 − y².
public final class Tanh: UnaryGate {
    public var name: String { "tanh" }
    public var symbol: String { "tanh" }
    public var keepsFinite: Bool { true }
    public init() {}

    public func forward(_ x: Double) -> Double { tanh(x) }
    public func local(_ x: Double, _ y: Double) -> Double { 1 - y * y }
}
