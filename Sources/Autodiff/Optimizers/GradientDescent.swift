/// Vanilla gradient descent, lecture 7's first rule:
///
///     x -= learning_rate * dx
///
/// It steps straight down the gradient; on a loss steep in one direction and
/// shallow in another it zig-zags, which the rules after it repair.
public struct GradientDescent: Optimizer, Sendable {
    /// The step size.
    public var learningRate: Double

    /// Gradient descent with the given step size.
    public init(learningRate: Double) {
        self.learningRate = learningRate
    }

    /// x -= learning_rate * dx.
    public mutating func update(_ parameter: inout [Double], gradient: [Double], slot: Int) {
        let learningRate = self.learningRate
        withEntries(&parameter, gradient) { x, dx in
            for i in x.indices { x[i] -= learningRate * dx[i] }
        }
    }
}

/// Stochastic gradient descent: the same rule as `GradientDescent`, applied to
/// the gradient of the loss on a minibatch rather than on all the data.
public typealias SGD = GradientDescent
