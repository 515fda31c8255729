import Testing
@testable import Autodiff

/// Bad input is an error that names the op and the shapes or values, never a crash or a silent NaN.
@Suite struct ErrorTests {
    func error(_ body: () throws -> Void) -> AutodiffError? {
        do { try body(); return nil } catch { return error as? AutodiffError }
    }

    @Test func matrixProductOfUnfitShapesNamesBoth() {
        let g = Graph()
        let W = g.input(.zeros([2, 2])), x = g.input(.zeros([3]))
        let e = error { _ = try matmul(W, x) }
        #expect(e?.kind == .shape)
        #expect(e?.message == "matrix product cannot take shapes 2×2 and 3: the inner sizes of @ must match")
        #expect(e?.shapes == [[2, 2], [3]])
    }

    @Test func broadcastingMismatchNamesBothShapes() {
        let g = Graph()
        let e = error { _ = try g.input(.zeros([2, 3])) + g.input(.zeros([2])) }
        #expect(e?.message == "add cannot take shapes 2×3 and 2: sizes must be equal or 1 on each axis, counted from the right")
    }

    @Test func labelOutOfRange() {
        let g = Graph()
        let scores = g.input(.zeros([2, 3])), labels = g.input(Tensor([0, 3]), needsGradient: false)
        let e = error { _ = try softmaxLoss(scores, labels) }
        #expect(e?.kind == .label)
        #expect(e?.message == "softmax loss: label 3 of row 1 is not a class index in 0..<3")
    }

    @Test func oneLabelPerRow() {
        let g = Graph()
        let e = error { _ = try svmLoss(g.input(.zeros([2, 3])), g.input(Tensor([0, 1, 2]))) }
        #expect(e?.message == "svm loss cannot take shapes 2×3 and 3: there must be one label per row of scores (2)")
    }

    @Test func logOfANegativeNumberNamesTheValueAndTheEntry() {
        let g = Graph()
        let x = g.input(Tensor([1, -2, 3]), name: "x")
        let e = error { _ = try log(x) }
        #expect(e?.kind == .domain)
        #expect(e?.message == "log of a negative number, -2 (entry [1] of 3)")
        #expect(e?.node == 1)
    }

    @Test func divisionByZero() {
        let g = Graph()
        let e = error { _ = try g.input(1) / g.input(0) }
        #expect(e?.message == "division by zero: 1 / 0")
    }

    @Test func overflowInExpIsReportedNotSilent() {
        let g = Graph()
        let e = error { _ = try exp(g.input(1000)) }
        #expect(e?.kind == .nonFinite)
        #expect(e?.message == "exp(1000) overflows: inputs above about 709 are too large")
    }

    @Test func aForwardRerunReportsTheNodeThatWentNonFinite() throws {
        let g = Graph()
        let x = g.input(2, name: "x")
        _ = try sqrt(x)
        g.set(x, to: Tensor(-4))
        let e = error { try g.forward() }
        #expect(e?.message == "square root of a negative number, -4")
        #expect(e?.node == 1)
    }

    @Test func aNonFiniteGradientNamesTheGateWhoseBackwardMadeIt() throws {
        let g = Graph()
        let x = g.input(0, name: "x")
        _ = try sqrt(x)  // √0 = 0 is fine; its gradient 1/(2·0) is not
        let e = error { try g.backward() }
        #expect(e?.kind == .nonFinite)
        #expect(e?.message == "the backward of sqrt (node 1) gave x a gradient that is not finite")
    }

    @Test func backwardFromAVectorNeedsASeed() throws {
        let g = Graph()
        _ = try relu(g.input(Tensor([1, 2])))
        let e = error { try g.backward() }
        #expect(e?.message == "backward from ReLU, of shape 2, needs a seed of that shape (ones, for the gradient of the sum)")
    }
}
