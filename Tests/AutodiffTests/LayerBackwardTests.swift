import Testing
@testable import Autodiff

/// A training step runs relu(X·W1 + b1)·W2 backward as one sweep when X and W2
/// have at most 4 columns and X needs no gradient (Graph+LayerBackward.swift):
/// every parameter's gradient must be the one the gates write one after the
/// other, to the last bit — and where the sweep must not run, it must not.
@Suite struct LayerBackwardTests {
    struct Net {
        let g = Graph()
        let X, W1, b1, W2, product, sum, hidden, loss: Node

        /// relu(X·W1 + b1)·W2 with `inputs` columns in X and `classes` in W2;
        /// `decay` adds l2(b1) and l2(W2) first, so that both hold a gradient when the sweep adds to them.
        init(rows: Int, inputs: Int, width: Int, classes: Int, decay: Bool = false, xNeedsGradient: Bool = false) throws {
            X = g.input(.randn([rows, inputs], seed: 1), needsGradient: xNeedsGradient)
            W1 = g.input(.randn([inputs, width], seed: 2))
            b1 = g.input(.randn([width], seed: 3))
            W2 = g.input(.randn([width, classes], seed: 4))
            product = try matmul(X, W1)
            sum = try product + b1
            hidden = try relu(sum)
            let scores = try matmul(hidden, W2)
            let fit = try Autodiff.sum(scores * scores)
            loss = decay ? try fit + l2(b1) + l2(W2) : fit
        }

        var parameters: [Node] { [W1, b1, W2] + (X.needsGradient ? [X] : []) }
    }

    /// Rows, inputs, width, classes: widths a multiple of 4 and not (the last
    /// block overlaps), every number of inputs and classes from 1 to 4; and
    /// layers the sweep does not take: 4 rows or fewer, fewer than 4 columns.
    static let shapes: [(Int, Int, Int, Int)] = [
        (30, 2, 20, 3), (300, 2, 100, 3), (7, 1, 9, 1), (12, 3, 13, 2), (5, 4, 6, 4), (40, 2, 17, 3),
        (3, 2, 4, 4), (4, 2, 8, 3), (10, 2, 3, 3),
    ]

    @Test(arguments: shapes, [false, true])
    func aTrainingStepGivesTheGatesGradients(_ shape: (Int, Int, Int, Int), _ decay: Bool) throws {
        let net = try Net(rows: shape.0, inputs: shape.1, width: shape.2, classes: shape.3, decay: decay)
        try net.g.backward(from: net.loss)
        let gradients = net.parameters.map(\.gradient)
        let inside = [net.product, net.sum, net.hidden].map(\.gradient)
        try net.g.backward(from: net.loss, keepingEveryGradient: false)
        #expect(net.parameters.map(\.gradient) == gradients)
        #expect([net.product, net.sum, net.hidden].map(\.gradient) == inside)  // left as the full pass wrote them
        // Again from new parameters, as the next step of training runs.
        net.g.set(net.W2, to: .randn([shape.2, shape.3], seed: 9))
        net.g.set(net.b1, to: .randn([shape.2], seed: 10))
        try net.g.forward(to: net.loss, checkingEachNode: false, keepingEveryValue: false)
        try net.g.backward(from: net.loss, keepingEveryGradient: false)
        let fused = net.parameters.map(\.gradient)
        // The sweep leaves the sum's gradient as the first pass wrote it; gate by gate, it is written anew.
        #expect((net.sum.gradient == inside[1]) == (shape.0 > 4 && shape.2 >= 4))
        try net.g.forward()
        try net.g.backward(from: net.loss)
        #expect(net.parameters.map(\.gradient) == fused)
    }

    /// Hidden units that never fire (a bias of −100) get gradients of zero: the
    /// sweep zeroes the upstream where the ReLU is off instead of multiplying it
    /// by 0, and its gradients are still the gates' to the bit, signs of zero included.
    @Test func unitsThatNeverFireGetTheGatesZerosToTheBit() throws {
        let net = try Net(rows: 30, inputs: 2, width: 20, classes: 3)
        var b1 = net.b1.value
        for j in stride(from: 0, to: 20, by: 3) { b1.scalars[j] = -100 }
        net.g.set(net.b1, to: b1)
        try net.g.forward()
        try net.g.backward(from: net.loss)
        let gates = net.parameters.map { $0.gradient.scalars.map(\.bitPattern) }
        try net.g.backward(from: net.loss, keepingEveryGradient: false)
        #expect(net.parameters.map { $0.gradient.scalars.map(\.bitPattern) } == gates)
        #expect(net.b1.gradient.scalars[0] == 0 && net.W1.gradient.scalars[3].bitPattern == 0, "+0, not −0")
    }

    /// An X that needs a gradient, or a layer narrower than 4, goes gate by
    /// gate (or through the ReLU's sweep alone), with the same gradients.
    @Test(arguments: [(false, 3), (true, 8)])
    func layersTheSweepDoesNotTakeGiveTheGatesGradients(_ xNeedsGradient: Bool, _ width: Int) throws {
        let net = try Net(rows: 10, inputs: 2, width: width, classes: 3, xNeedsGradient: xNeedsGradient)
        try net.g.backward(from: net.loss)
        let before = net.sum.gradient
        net.g.set(net.W2, to: .randn([width, 3], seed: 9))
        try net.g.forward()
        try net.g.backward(from: net.loss, keepingEveryGradient: false)
        let trained = net.parameters.map(\.gradient), sum = net.sum.gradient
        try net.g.backward(from: net.loss)
        #expect(net.parameters.map(\.gradient) == trained)
        #expect(net.sum.gradient == sum && sum != before)  // written, as the gates write it
    }
}

/// Aᵀ·B with a result of at most 4 columns or rows skips BLAS (`NarrowProduct`):
/// every entry is one chain of fused multiply-adds, in order, from zero.
@Suite struct NarrowProductTests {
    /// The entries of aᵀ·b for a k×m `a` and a k×n `b`, each one chain of fused multiply-adds.
    func chains(_ a: Tensor, _ b: Tensor) -> [Double] {
        let (k, m, n) = (a.shape[0], a.shape[1], b.shape[1])
        return (0..<m * n).map { entry in
            let (i, j) = (entry / n, entry % n)
            var sum = 0.0
            for p in 0..<k { sum = sum.addingProduct(a.scalars[p * m + i], b.scalars[p * n + j]) }
            return sum
        }
    }

    @Test(arguments: [(100, 3, 300), (2, 100, 300), (7, 1, 5), (4, 9, 33), (1, 4, 6), (13, 2, 17)])
    func everyEntryIsOneChain(_ sizes: (Int, Int, Int)) {
        let (m, n, k) = sizes
        let a = Tensor.randn([k, m], seed: 5), b = Tensor.randn([k, n], seed: 6), start = Tensor.randn([m, n], seed: 7)
        let expected = chains(a, b)
        for accumulate in [false, true] {
            var c = start.scalars
            BLAS.multiply(a.scalars, BLAS.Operand(rows: k, columns: m, transposed: true),
                          b.scalars, BLAS.Operand(rows: k, columns: n), into: &c, accumulate: accumulate)
            #expect(c == (accumulate ? zip(start.scalars, expected).map(+) : expected), "accumulate: \(accumulate)")
        }
    }
}
