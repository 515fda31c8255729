import Testing
@testable import Autodiff

/// Jacobians, shown on small cases; backward never builds them.
@Suite struct JacobianTests {
    @Test func theJacobianOfAnElementwiseReLUIsDiagonal() throws {
        let g = Graph()
        let v = g.input(Tensor([1, -2, 3, -4]), name: "v")
        let y = try relu(v)
        let J = try g.jacobian(of: y, wrt: v)
        #expect(J.shape == [4, 4])
        #expect(J == Tensor([[1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 1, 0], [0, 0, 0, 0]]))
    }

    @Test func theJacobianOfAMatrixVectorProductIsTheMatrix() throws {
        let g = Graph()
        let W = g.input(Tensor([[0.1, 0.5], [-0.3, 0.8]])), x = g.input(Tensor([0.2, 0.4]))
        let q = try matmul(W, x)
        #expect(try g.jacobian(of: q, wrt: x) == W.value)
    }

    @Test func aHugeJacobianIsRefused() throws {
        let g = Graph()
        let v = g.input(.zeros([4096]))
        let y = try relu(v)
        #expect(throws: AutodiffError.self) { try g.jacobian(of: y, wrt: v, limit: 1 << 20) }
    }
}
