/// The matrix product gate: y = A·B, for matrix·matrix, matrix·vector,
/// vector·matrix and vector·vector (a dot product).
///
/// Backward, with the upstream gradient G of y's shape:
/// ∂L/∂A = G·Bᵀ and ∂L/∂B = Aᵀ·G — each gradient has its variable's shape,
/// and the lecture's ∇W f = 2q·xᵀ is the first of these.
public final class MatrixProduct: Gate {
    public var name: String { "matrix product" }
    public var symbol: String { "@" }
    public init() {}

    public func shape(for inputs: [[Int]]) throws(AutodiffError) -> [Int] {
        guard inputs.count == 2 else { throw .arity(name, expected: "two inputs", given: inputs.count) }
        let (a, b) = (inputs[0], inputs[1])
        guard (1...2).contains(a.count), (1...2).contains(b.count) else {
            throw .shapes(name, inputs, "@ takes vectors and matrices")
        }
        guard a.last == b.first else {
            throw .shapes(name, inputs, "the inner sizes of @ must match")
        }
        return Array(a.dropLast()) + Array(b.dropFirst())
    }

    /// A as an m×k matrix (a vector is one row) and B as k×n (a vector is one column).
    private func operands(_ a: [Int], _ b: [Int]) -> (BLAS.Operand, BLAS.Operand) {
        (BLAS.Operand(rows: a.count == 2 ? a[0] : 1, columns: a.last ?? 1),
         BLAS.Operand(rows: b.first ?? 1, columns: b.count == 2 ? b[1] : 1))
    }

    public func forward(_ inputs: [Node], _ output: Node) throws(AutodiffError) {
        let (a, b) = (inputs[0].value, inputs[1].value)
        let (opA, opB) = operands(a.shape, b.shape)
        BLAS.multiply(a.scalars, opA, b.scalars, opB, into: &output.value.scalars, accumulate: false)
    }

    public func backward(_ inputs: [Node], _ output: Node) {
        if inputs[0].needsGradient { backwardA(inputs, output) }
        if inputs[1].needsGradient { backwardB(inputs, output) }
    }

    /// ∂L/∂A = G·Bᵀ
    func backwardA(_ inputs: [Node], _ output: Node) {
        let (b, upstream) = (inputs[1].value, output.gradient)
        let (opA, opB) = operands(inputs[0].shape, b.shape)
        inputs[0].receiveGradient { dA, add in
            BLAS.multiply(upstream.scalars, BLAS.Operand(rows: opA.rows, columns: opB.columns), b.scalars, opB.t,
                          into: dA, accumulate: add)
        }
    }

    /// ∂L/∂B = Aᵀ·G
    func backwardB(_ inputs: [Node], _ output: Node) {
        let (a, upstream) = (inputs[0].value, output.gradient)
        let (opA, opB) = operands(a.shape, inputs[1].shape)
        inputs[1].receiveGradient { dB, add in
            BLAS.multiply(a.scalars, opA.t, upstream.scalars, BLAS.Operand(rows: opA.rows, columns: opB.columns),
                          into: dB, accumulate: add)
        }
    }

    public var writesFirstGradient: Bool { true }
}
