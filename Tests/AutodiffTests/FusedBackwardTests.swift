import Testing
@testable import Autodiff

/// A training step runs relu(x)·W backward as one sweep when W has at most 4
/// columns (Graph+FusedBackward.swift): every gradient it writes must be the
/// one the two gates write one after the other, to the last bit.
@Suite struct FusedBackwardTests {
    struct Net {
        let g = Graph()
        let X, W1, b1, W2, sum, hidden, scores, loss: Node

        /// relu(X·W1 + b1)·W2 with W2 of `classes` columns; `alsoReadingSum` adds sum(sum²) to the loss.
        init(rows: Int, inner: Int, width: Int, classes: Int, alsoReadingSum: Bool = false,
             alsoReadingHidden: Bool = false) throws {
            X = g.input(.randn([rows, inner], seed: 1), needsGradient: false)
            W1 = g.input(.randn([inner, width], seed: 2))
            b1 = g.input(.randn([width], seed: 3))
            W2 = g.input(.randn([width, classes], seed: 4))
            sum = try matmul(X, W1) + b1
            hidden = try relu(sum)
            scores = try matmul(hidden, W2)
            var total = try Autodiff.sum(scores * scores)
            if alsoReadingSum { total = try total + Autodiff.sum(sum * sum) }
            if alsoReadingHidden { total = try total + Autodiff.sum(hidden) }
            loss = total
        }

        var parameters: [Node] { [W1, b1, W2] }
    }

    static let nets: [(Int, Int, Int, Int, Bool)] = [
        (30, 2, 20, 3, false), (7, 3, 9, 1, false), (12, 2, 13, 2, true), (5, 4, 6, 4, true), (40, 2, 17, 3, true),
    ]

    @Test(arguments: nets) func aTrainingStepGivesTheGatesGradients(_ shape: (Int, Int, Int, Int, Bool)) throws {
        let net = try Net(rows: shape.0, inner: shape.1, width: shape.2, classes: shape.3, alsoReadingSum: shape.4)
        try net.g.backward(from: net.loss)
        let gradients = net.parameters.map(\.gradient), hiddenGradient = net.hidden.gradient
        try net.g.backward(from: net.loss, keepingEveryGradient: false)
        #expect(net.parameters.map(\.gradient) == gradients)
        #expect(net.hidden.gradient == hiddenGradient)  // left as the full pass wrote it
        // Once more from changed parameters: the hidden gradient is not written, the others are.
        net.g.set(net.W2, to: .randn([shape.2, shape.3], seed: 9))
        try net.g.forward(to: net.loss, checkingEachNode: false, keepingEveryValue: false)
        try net.g.backward(from: net.loss, keepingEveryGradient: false)
        let fused = net.parameters.map(\.gradient)
        #expect(net.hidden.gradient == hiddenGradient)
        try net.g.forward()
        try net.g.backward(from: net.loss)
        #expect(net.parameters.map(\.gradient) == fused)
        #expect(net.hidden.gradient != hiddenGradient)
    }

    /// A hidden layer that another gate reads is not fused: its gradient is written.
    @Test func aHiddenLayerWithAnotherReaderIsNotFused() throws {
        let net = try Net(rows: 10, inner: 2, width: 8, classes: 3, alsoReadingHidden: true)
        try net.g.backward(from: net.loss)
        let gradients = net.parameters.map(\.gradient) + [net.hidden.gradient]
        net.g.set(net.W2, to: .randn([8, 3], seed: 9))
        try net.g.forward()
        try net.g.backward(from: net.loss, keepingEveryGradient: false)
        let trained = net.parameters.map(\.gradient) + [net.hidden.gradient]
        try net.g.backward(from: net.loss)
        #expect(net.parameters.map(\.gradient) + [net.hidden.gradient] == trained)
        #expect(trained != gradients)
    }

    /// A product with more than 4 columns goes gate by gate, and so does full backward.
    @Test func wideProductsAreNotFused() throws {
        let net = try Net(rows: 6, inner: 2, width: 5, classes: 7)
        try net.g.backward(from: net.loss, keepingEveryGradient: false)
        let hidden = net.hidden.gradient
        try net.g.backward(from: net.loss)
        #expect(net.hidden.gradient == hidden && hidden != .zeros([6, 5]))
    }
}
