/// AdaGrad, as lecture 7 writes it:
///
///     grad_squared += dx * dx
///     x -= learning_rate * dx / (np.sqrt(grad_squared) + 1e-7)
///
/// Each coordinate's step is scaled by its own history: steep directions are
/// damped, shallow ones sped up. The sum only grows, so steps shrink toward
/// zero over a long run — the problem RMSProp fixes.
public struct AdaGrad: Optimizer, Sendable {
    /// The step size.
    public var learningRate: Double
    /// Keeps the division finite where no gradient has been seen yet.
    public var epsilon: Double
    private var gradSquared = SlotState()

    /// AdaGrad with the given step size.
    public init(learningRate: Double, epsilon: Double = 1e-7) {
        self.learningRate = learningRate
        self.epsilon = epsilon
    }

    /// grad_squared += dx * dx; x -= learning_rate * dx / (sqrt(grad_squared) + epsilon).
    public mutating func update(_ parameter: inout [Double], gradient: [Double], slot: Int) {
        let learningRate = self.learningRate, epsilon = self.epsilon
        gradSquared.withBuffer(slot, count: parameter.count) { gradSquared in
            withEntries(&parameter, gradient) { x, dx in
                for i in x.indices {
                    gradSquared[i] += dx[i] * dx[i]
                    x[i] -= learningRate * dx[i] / (gradSquared[i].squareRoot() + epsilon)
                }
            }
        }
    }
}
