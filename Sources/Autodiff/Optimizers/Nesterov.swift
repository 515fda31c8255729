/// Nesterov momentum, in lecture 7's change of variables (x is the looked-ahead point):
///
///     old_v = v
///     v = rho * v - learning_rate * dx
///     x += -rho * old_v + (1 + rho) * v
///
/// It takes the gradient where the velocity is about to carry x, not where x
/// is, so it corrects an overshoot one step sooner than plain momentum.
public struct Nesterov: Optimizer, Sendable {
    /// The step size.
    public var learningRate: Double
    /// The friction: how much of the velocity survives each step.
    public var rho: Double
    private var velocity = SlotState()

    /// Nesterov momentum with the given step size and friction.
    public init(learningRate: Double, rho: Double = 0.9) {
        self.learningRate = learningRate
        self.rho = rho
    }

    /// old_v = v; v = rho * v - learning_rate * dx; x += -rho * old_v + (1 + rho) * v.
    public mutating func update(_ parameter: inout [Double], gradient: [Double], slot: Int) {
        let learningRate = self.learningRate, rho = self.rho
        velocity.withBuffer(slot, count: parameter.count) { v in
            withEntries(&parameter, gradient) { x, dx in
                for i in x.indices {
                    let oldV = v[i]
                    v[i] = rho * v[i] - learningRate * dx[i]
                    x[i] += -rho * oldV + (1 + rho) * v[i]
                }
            }
        }
    }
}
