import Testing
@testable import Autodiff

/// The transpose gate walks its matrix in 32×32 tiles; these shapes have
/// partial tiles on both sides (and lecture 07's 100×3072 weights).
@Suite struct TransposeTests {
    @Test(arguments: [[1, 1], [3, 2], [33, 70], [100, 3072], [5]])
    func entryRCOfXIsEntryCROfItsTranspose(_ shape: [Int]) throws {
        let g = Graph()
        let x = g.input(.randn(shape, seed: 7))
        let y = try x.T
        let (rows, columns) = shape.count == 2 ? (shape[0], shape[1]) : (1, shape[0])
        #expect(y.shape == shape.reversed())
        #expect((0..<rows).allSatisfy { r in
            (0..<columns).allSatisfy { c in y.value.scalars[c * rows + r] == x.value.scalars[r * columns + c] }
        })
        // Backward hands each entry of the upstream gradient back to the entry it came from.
        let upstream = Tensor.randn(y.shape, seed: 8)
        try g.backward(from: y, seed: upstream)
        #expect((0..<rows).allSatisfy { r in
            (0..<columns).allSatisfy { c in x.gradient.scalars[r * columns + c] == upstream.scalars[c * rows + r] }
        })
    }

    /// The first transpose writes x's gradient, the second adds to it; a second
    /// backward gives the same, not twice as much.
    @Test func twoTransposesOfOneMatrixAddTheirGradients() throws {
        let g = Graph()
        let x = g.input(.randn([33, 70], seed: 9))
        let y = try x.T + x.T
        let upstream = Tensor.randn(y.shape, seed: 10)
        for _ in 0..<2 {
            try g.backward(from: y, seed: upstream)
            #expect((0..<33).allSatisfy { r in
                (0..<70).allSatisfy { c in x.gradient.scalars[r * 70 + c] == 2 * upstream.scalars[c * 33 + r] }
            })
        }
    }
}
