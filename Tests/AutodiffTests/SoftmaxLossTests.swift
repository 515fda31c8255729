import Foundation
import Testing
@testable import Autodiff

/// The softmax loss for every number of classes: those it runs with the count
/// as a constant (2, 3, 10) and the others, each against the lecture's formula
/// L = 1/N Σᵢ −log(e^{s_iy} / Σⱼ e^{s_ij}) and ∂L/∂s_ij = (p_ij − 1[j = y_i]) / N.
@Suite struct SoftmaxLossTests {
    @Test(arguments: [1, 2, 3, 4, 5, 10, 11])
    func theLossAndItsGradientAreTheFormulasForAnyNumberOfClasses(_ classes: Int) throws {
        let rows = 7
        let normals = Tensor.randn([rows, classes], seed: 40 + UInt64(classes))
        let scores = Tensor(shape: normals.shape, scalars: normals.scalars.map { 3 * $0 })
        let labels = (0..<rows).map { ($0 * 5 + 1) % classes }
        let g = Graph()
        let s = g.input(scores)
        let L = try softmaxLoss(s, g.input(Tensor(labels.map(Double.init)), needsGradient: false))
        try g.backward()

        var expected = 0.0
        for i in 0..<rows {
            let row = (0..<classes).map { scores.scalars[i * classes + $0] }
            let total = row.map { Foundation.exp($0) }.reduce(0, +)
            expected += -Foundation.log(Foundation.exp(row[labels[i]]) / total) / Double(rows)
            for j in 0..<classes {
                let p = Foundation.exp(row[j]) / total
                let gradient = (p - (j == labels[i] ? 1 : 0)) / Double(rows)
                #expect(abs(s.gradient.scalars[i * classes + j] - gradient) < 1e-14, "∂L/∂s[\(i), \(j)]")
            }
        }
        #expect(abs(L.value.scalar - expected) < 1e-13)
    }
}
