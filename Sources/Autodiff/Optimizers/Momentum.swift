/// SGD + Momentum, as lecture 7 writes it:
///
///     v = rho * v + dx
///     x -= learning_rate * v
///
/// The velocity v is a running sum of gradients; rho (friction, typically
/// 0.9 or 0.99) decays it. Steps keep going through local minima and saddle
/// points, and zig-zags cancel out.
public struct Momentum: Optimizer, Sendable {
    /// The step size.
    public var learningRate: Double
    /// The friction: how much of the velocity survives each step.
    public var rho: Double
    private var velocity = SlotState()

    /// Momentum with the given step size and friction.
    public init(learningRate: Double, rho: Double = 0.9) {
        self.learningRate = learningRate
        self.rho = rho
    }

    /// v = rho * v + dx; x -= learning_rate * v.
    public mutating func update(_ parameter: inout [Double], gradient: [Double], slot: Int) {
        let learningRate = self.learningRate, rho = self.rho
        velocity.withBuffer(slot, count: parameter.count) { v in
            withEntries(&parameter, gradient) { x, dx in
                for i in x.indices {
                    v[i] = rho * v[i] + dx[i]
                    x[i] -= learningRate * v[i]
                }
            }
        }
    }
}
