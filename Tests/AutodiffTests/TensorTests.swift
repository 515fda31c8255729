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
}
