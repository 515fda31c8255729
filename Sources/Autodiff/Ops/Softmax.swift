#if canImport(Glibc)
import Glibc
#endif

/// The softmax gate along the last axis: each row of scores becomes
/// probabilities, pᵢ = e^{sᵢ} / Σⱼ e^{sⱼ}.
///
/// Forward subtracts the row's maximum first, which leaves p unchanged and
/// keeps e^{s} from overflowing. Backward: ∂L/∂sᵢ = pᵢ·(gᵢ − Σⱼ gⱼpⱼ) for
/// the upstream gradient g, one row at a time, without the C×C Jacobian.
public final class Softmax: Gate {
    public var name: String { "softmax" }
    public var symbol: String { "softmax" }
    public var keepsFinite: Bool { true }
    public init() {}

    public func shape(for inputs: [[Int]]) throws(AutodiffError) -> [Int] {
        guard inputs.count == 1 else { throw .arity(name, expected: "one input", given: inputs.count) }
        guard inputs[0].count >= 1 else { throw .shapes(name, inputs, "softmax needs at least one axis") }
        return inputs[0]
    }

    public func forward(_ inputs: [Node], _ output: Node) throws(AutodiffError) {
        let s = inputs[0].value
        let classes = s.shape.last ?? 1
        guard classes > 0 else { return }
        output.value.scalars.withUnsafeMutableBufferPointer { p in
            for start in stride(from: 0, to: s.count, by: classes) {
                let row = start..<start + classes
                let top = s.scalars[row].max() ?? 0
                var total = 0.0
                for i in row { p[i] = exp(s.scalars[i] - top); total += p[i] }
                for i in row { p[i] /= total }
            }
        }
    }

    public func backward(_ inputs: [Node], _ output: Node) {
        guard inputs[0].needsGradient else { return }
        let p = output.value, g = output.gradient
        let classes = p.shape.last ?? 1
        guard classes > 0 else { return }
        inputs[0].gradient.scalars.withUnsafeMutableBufferPointer { ds in
            for start in stride(from: 0, to: p.count, by: classes) {
                let row = start..<start + classes
                var dot = 0.0
                for i in row { dot += g.scalars[i] * p.scalars[i] }
                for i in row { ds[i] += p.scalars[i] * (g.scalars[i] - dot) }
            }
        }
    }
}
