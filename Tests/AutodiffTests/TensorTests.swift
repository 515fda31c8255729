import Testing
@testable import Autodiff

@Suite struct TensorTests {
    @Test func aMatrixPrintsAsAlignedRows() {
        #expect(Tensor([[0.1, 0.5], [-0.3, 0.8]]).description == "[[ 0.1, 0.5],\n [-0.3, 0.8]]")
    }

    @Test func scalarsAndVectorsPrintShort() {
        #expect(Tensor(-12).description == "-12")
        #expect(Tensor([0.22000000000000003, 0.26]).description == "[0.22, 0.26]")
    }

    @Test func aRank3TensorPrintsItsBlocksApart() {
        let t = Tensor(shape: [2, 1, 2], scalars: [1, 2, 3, 4])
        #expect(t.description == "[[[1, 2]],\n\n [[3, 4]]]")
    }

    @Test func shapesBroadcastFromTheRight() {
        #expect(Shape.broadcast([300, 100], [100]) == [300, 100])
        #expect(Shape.broadcast([3, 1], [1, 4]) == [3, 4])
        #expect(Shape.broadcast([], [2, 2]) == [2, 2])
        #expect(Shape.broadcast([2, 3], [2]) == nil)
    }

    @Test func flatAndMultiDimensionalIndicesAgree() {
        let t = Tensor(shape: [2, 3], scalars: [0, 1, 2, 3, 4, 5])
        #expect(t[1, 2] == 5)
        #expect(t.index(ofFlat: 4) == [1, 1])
        #expect(t.flatIndex([1, 1]) == 4)
    }

    /// Lengths around the eight entries `extremes` reads at a time, and the
    /// smallest and largest entry placed first, last and in the middle.
    @Test(arguments: [2, 7, 8, 9, 64, 1001])
    func extremesAreTheSmallestAndLargestEntry(_ count: Int) {
        var t = Tensor.randn([count], seed: UInt64(count))
        for spot in Set([0, count / 2, count - 1]) {
            var u = t
            u.scalars[spot] = -50
            u.scalars[(spot + 1) % count] = 40
            #expect(u.extremes?.min == -50 && u.extremes?.max == 40)
        }
        t.scalars[count - 1] = .infinity
        #expect(t.extremes?.max == .infinity)
        #expect(t.extremes?.min == t.scalars.min())
        #expect(Tensor(3).extremes?.min == 3 && Tensor(3).extremes?.max == 3)
        #expect(Tensor(shape: [0], scalars: []).extremes == nil)
    }
}
