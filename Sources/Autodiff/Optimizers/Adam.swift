#if canImport(Glibc)
import Glibc
#endif

/// Adam (full form), as lecture 7 writes it:
///
///     first_moment = beta1 * first_moment + (1 - beta1) * dx              # momentum
///     second_moment = beta2 * second_moment + (1 - beta2) * dx * dx       # RMSProp
///     first_unbias = first_moment / (1 - beta1 ** t)                      # bias correction
///     second_unbias = second_moment / (1 - beta2 ** t)
///     x -= learning_rate * first_unbias / (np.sqrt(second_unbias) + 1e-7)
///
/// Both moments start at zero, so early on they are too small; the second,
/// under a square root, more so, and the first steps would be too large.
/// Bias correction divides that out. `biasCorrection: false` gives the
/// lecture's "Adam (almost)", to show the difference.
public struct Adam: Optimizer, Sendable {
    /// The step size.
    public var learningRate: Double
    /// How much of the first moment (the velocity) survives each step.
    public var beta1: Double
    /// How much of the second moment (the squared gradients) survives each step.
    public var beta2: Double
    /// Keeps the division finite where the second moment is still zero.
    public var epsilon: Double
    /// Whether the moments are divided by 1 - beta^t; false is "Adam (almost)".
    public var biasCorrection: Bool
    private var firstMoment = SlotState()
    private var secondMoment = SlotState()
    private var t: [Int] = []  // steps taken, per slot

    /// Adam with the lecture's defaults: "beta1 = 0.9, beta2 = 0.999, and learning_rate = 1e-3 or 5e-4".
    public init(learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999,
                epsilon: Double = 1e-7, biasCorrection: Bool = true) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.biasCorrection = biasCorrection
    }

    /// Updates both moments, corrects their bias for step t, and steps x.
    public mutating func update(_ parameter: inout [Double], gradient: [Double], slot: Int) {
        while t.count <= slot { t.append(0) }
        t[slot] += 1
        let learningRate = self.learningRate, beta1 = self.beta1, beta2 = self.beta2, epsilon = self.epsilon
        let unbias1 = biasCorrection ? 1 - pow(beta1, Double(t[slot])) : 1
        let unbias2 = biasCorrection ? 1 - pow(beta2, Double(t[slot])) : 1
        let count = parameter.count
        firstMoment.withBuffer(slot, count: count) { m in
            secondMoment.withBuffer(slot, count: count) { v in
                withEntries(&parameter, gradient) { x, dx in
                    for i in x.indices {
                        m[i] = beta1 * m[i] + (1 - beta1) * dx[i]
                        v[i] = beta2 * v[i] + (1 - beta2) * dx[i] * dx[i]
                        let firstUnbias = m[i] / unbias1, secondUnbias = v[i] / unbias2
                        x[i] -= learningRate * firstUnbias / (secondUnbias.squareRoot() + epsilon)
                    }
                }
            }
        }
    }
}
