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

    /// In a training step the sum, read by the ReLU alone, is not written;
    /// the ReLU and the gradients are those of the gates one after the other.
    @Test(arguments: [false, true]) func aTrainingStepNeedNotWriteTheSum(_ sumIsReadTwice: Bool) throws {
        let g = Graph()
        let a = g.input(.randn([30, 20], seed: 1)), b = g.input(.randn([20], seed: 2))
        let sum = try a + b
        let hidden = try relu(sum)
        let loss = try sumIsReadTwice ? Autodiff.sum(hidden * hidden) + Autodiff.sum(sum) : Autodiff.sum(hidden * hidden)
        let expected = (sum.value, hidden.value)
        try g.backward(from: loss)
        let gradients = [a.gradient, b.gradient]
        g.set(b, to: .zeros([20]))
        try g.forward(to: loss)
        let sumAtZero = sum.value
        g.set(b, to: .randn([20], seed: 2))
        try g.forward(to: loss, checkingEachNode: false, keepingEveryValue: false)
        #expect(hidden.value == expected.1)
        #expect(sum.value == (sumIsReadTwice ? expected.0 : sumAtZero))
        try g.backward(from: loss)
        #expect([a.gradient, b.gradient] == gradients)
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

/// relu(X·W + b) with a thin X runs as one sweep (Graph+Fusion.swift): the
/// three nodes must hold what the gates compute one after the other — the
/// values `apply` computed while the graph was built, gate by gate.
@Suite struct FusedLayerTests {
    struct Layer {
        let g = Graph()
        let X, W, b, product, sum, hidden, loss: Node

        init(rows: Int, inner: Int, columns: Int, bias: [Int], productFirst: Bool, alsoSummingProduct: Bool = false) throws {
            X = g.input(.randn([rows, inner], seed: 1), needsGradient: false)
            W = g.input(.randn([inner, columns], seed: 2))
            b = g.input(.randn(bias, seed: 3))
            product = try matmul(X, W)
            sum = try productFirst ? product + b : b + product
            hidden = try relu(sum)
            loss = try alsoSummingProduct ? Autodiff.sum(hidden) + Autodiff.sum(product) : Autodiff.sum(hidden)
        }
    }

    static let layers: [(Int, Int, Int, [Int], Bool)] = [
        (1, 1, 1, [1], true), (5, 2, 7, [7], true), (300, 2, 100, [100], true), (33, 3, 1, [1, 1], false),
        (8, 4, 13, [1, 13], false), (17, 3, 9, [9], false),
    ]

    @Test(arguments: layers) func theLayersNodesHoldTheGatesValues(_ shape: (Int, Int, Int, [Int], Bool)) throws {
        let layer = try Layer(rows: shape.0, inner: shape.1, columns: shape.2, bias: shape.3, productFirst: shape.4)
        let expected = [layer.product.value, layer.sum.value, layer.hidden.value]
        let X = layer.X.value
        for checking in [true, false] {
            layer.g.set(layer.X, to: .zeros(X.shape))
            try layer.g.forward(to: layer.loss)
            layer.g.set(layer.X, to: X)
            try layer.g.forward(to: layer.loss, checkingEachNode: checking)
            #expect([layer.product.value, layer.sum.value, layer.hidden.value] == expected)
        }
        #expect(expected[2].scalars.contains(0) || expected[2].count < 8)  // the ReLU did cut something
    }

    /// A training step need not write X·W, which only the add gate reads, nor
    /// the sum, which only the ReLU reads (its backward reads its output); the
    /// ReLU and every gradient come out the same, and `forward()` writes both again.
    @Test func aTrainingStepNeedNotWriteTheProductNorTheSum() throws {
        let layer = try Layer(rows: 40, inner: 2, columns: 30, bias: [30], productFirst: true)
        let expected = [layer.product.value, layer.sum.value, layer.hidden.value]
        try layer.g.backward(from: layer.loss)
        let gradients = [layer.W.gradient, layer.b.gradient]
        layer.g.set(layer.X, to: .zeros([40, 2]))
        try layer.g.forward(to: layer.loss)
        let sumAtZero = layer.sum.value
        layer.g.set(layer.X, to: .randn([40, 2], seed: 1))
        try layer.g.forward(to: layer.loss, checkingEachNode: false, keepingEveryValue: false)
        #expect(layer.hidden.value == expected[2])
        #expect(layer.product.value == .zeros([40, 30]))  // still X = 0's
        #expect(layer.sum.value == sumAtZero && sumAtZero != expected[1])
        try layer.g.backward(from: layer.loss)
        #expect([layer.W.gradient, layer.b.gradient] == gradients)
        try layer.g.forward()
        #expect([layer.product.value, layer.sum.value] == Array(expected[..<2]))
    }

    /// X·W read by a second gate is written even so.
    @Test func aProductWithAnotherReaderIsWritten() throws {
        let layer = try Layer(rows: 12, inner: 3, columns: 5, bias: [5], productFirst: true, alsoSummingProduct: true)
        let (expected, total) = (layer.product.value, layer.loss.value)
        layer.g.set(layer.X, to: .zeros([12, 3]))
        try layer.g.forward(to: layer.loss)
        layer.g.set(layer.X, to: .randn([12, 3], seed: 1))
        try layer.g.forward(to: layer.loss, checkingEachNode: false, keepingEveryValue: false)
        #expect(layer.product.value == expected)
        #expect(layer.loss.value == total)
    }
}

/// Forward tries to fuse only the nodes marked as they were made: a ReLU made
/// right after its add gate, and a product right before that add.
@Suite struct FusionMarkTests {
    @Test func onlyNeighboursMadeInTurnAreMarked() throws {
        let g = Graph()
        let X = g.input(.randn([6, 2], seed: 1)), W = g.input(.randn([2, 5], seed: 2)), b = g.input(.randn([5], seed: 3))
        let product = try matmul(X, W)
        let sum = try product + b
        let hidden = try relu(sum)
        let apart = try X + g.input(.randn([6, 2], seed: 4))
        let square = try apart * apart
        let late = try relu(apart)
        #expect([product.fusion, sum.fusion, hidden.fusion] == [.layer, .addThenReLU, .none])
        #expect([apart.fusion, square.fusion, late.fusion] == [.none, .none, .none])
        let newX = Tensor.randn([6, 2], seed: 5)
        g.set(X, to: newX)
        try g.forward()
        let sumOfApart = apart.value.scalars
        #expect(late.value.scalars == sumOfApart.map { $0 > 0 ? $0 : 0 })
        #expect(hidden.value.scalars == sum.value.scalars.map { $0 > 0 ? $0 : 0 })
    }
}
