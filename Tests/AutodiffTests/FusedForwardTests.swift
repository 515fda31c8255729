import Testing
@testable import Autodiff

/// relu(a + b) runs as one sweep in forward (Graph+Fusion.swift): both nodes
/// must hold exactly what the two gates compute one after the other.
@Suite struct FusedForwardTests {
    /// a + b and relu(a + b), entry by entry, with a and b broadcast by `Broadcast`, the general walk.
    func expected(_ a: Tensor, _ b: Tensor) -> (sum: [Double], relu: [Double]) {
        let shape = Shape.broadcast(a.shape, b.shape)!
        var ia = Broadcast(a.shape, to: shape).makeIterator(), ib = Broadcast(b.shape, to: shape).makeIterator()
        let sum = (0..<Tensor.count(of: shape)).map { _ in a.scalars[ia.next()] + b.scalars[ib.next()] }
        return (sum, sum.map { $0 > 0 ? $0 : 0 })
    }

    /// Shapes of a and b: a bias over rows, equal shapes, a scalar, sizes of 1, odd sizes, a column.
    static let shapes: [([Int], [Int])] = [
        ([300, 100], [100]), ([7, 13], [13]), ([1, 1], [1]), ([1, 5], [5]), ([9, 1], [1]),
        ([5, 3], [5, 3]), ([4, 6], []), ([6], [6]), ([3], [2, 3]), ([3, 4], [3, 1]),
    ]

    @Test(arguments: shapes) func bothNodesHoldTheGatesValues(_ shapes: ([Int], [Int])) throws {
        let g = Graph()
        let a = g.input(.randn(shapes.0, seed: 1)), b = g.input(.randn(shapes.1, seed: 2))
        let sum = try a + b
        let hidden = try relu(sum)
        let loss = try Autodiff.sum(hidden)
        for (seedA, seedB) in [(3, 4), (5, 6)] {
            let (newA, newB) = (Tensor.randn(shapes.0, seed: UInt64(seedA)), Tensor.randn(shapes.1, seed: UInt64(seedB)))
            g.set(a, to: newA)
            g.set(b, to: newB)
            try g.forward(to: loss, checkingEachNode: seedA == 3)
            let (sumValues, reluValues) = expected(newA, newB)
            #expect(sum.value.scalars == sumValues)
            #expect(hidden.value.scalars == reluValues)
        }
    }

    @Test func aNonFiniteSumIsStillReportedAtTheAddGate() throws {
        let g = Graph()
        let a = g.input(.zeros([4, 3])), b = g.input(Tensor([1, 2, 3]))
        let sum = try a + b
        _ = try relu(sum)
        g.set(a, to: Tensor(repeating: 1e308, shape: [4, 3]))
        g.set(b, to: Tensor([1, 1e308, 3]))
        var caught: AutodiffError?
        do { try g.forward() } catch { caught = error }
        #expect(caught?.kind == .nonFinite)
        #expect(caught?.node == sum.id)
        #expect(caught?.message.hasSuffix("(entry [0, 1] of 4×3)") == true)
    }
}
