/// RMSProp ("leaky AdaGrad"), as lecture 7 writes it:
///
///     grad_squared = decay_rate * grad_squared + (1 - decay_rate) * dx * dx
///     x -= learning_rate * dx / (np.sqrt(grad_squared) + 1e-7)
///
/// The squared gradients are a moving average instead of a sum, so old
/// gradients are forgotten and steps do not shrink to nothing.
public struct RMSProp: Optimizer, Sendable {
    /// The step size.
    public var learningRate: Double
    /// How much of the running average of squared gradients survives each step.
    public var decayRate: Double
    /// Keeps the division finite where the average is still zero.
    public var epsilon: Double
    private var gradSquared = SlotState()

    /// RMSProp with the given step size and decay rate.
    public init(learningRate: Double, decayRate: Double = 0.99, epsilon: Double = 1e-7) {
        self.learningRate = learningRate
        self.decayRate = decayRate
        self.epsilon = epsilon
    }

    /// grad_squared = decay_rate * grad_squared + (1 - decay_rate) * dx²; x -= learning_rate * dx / (sqrt(grad_squared) + epsilon).
    public mutating func update(_ parameter: inout [Double], gradient: [Double], slot: Int) {
        let learningRate = self.learningRate, decayRate = self.decayRate, epsilon = self.epsilon
        gradSquared.withBuffer(slot, count: parameter.count) { gradSquared in
            withEntries(&parameter, gradient) { x, dx in
                for i in x.indices {
                    gradSquared[i] = decayRate * gradSquared[i] + (1 - decayRate) * dx[i] * dx[i]
                    x[i] -= learningRate * dx[i] / (gradSquared[i].squareRoot() + epsilon)
                }
            }
        }
    }
}
