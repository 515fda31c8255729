import Testing
@testable import Autodiff

/// Lecture 7's trouble case: a loss that changes quickly in one direction and
/// slowly in another. f(x, y) = x² + 10y², so ∇f = (2x, 20y); every test starts at (1, 1).
private func gradient(_ p: [Double]) -> [Double] { [2 * p[0], 20 * p[1]] }

/// The point after each of the first two steps of `optimizer` from (1, 1).
private func firstTwoSteps(_ optimizer: some Optimizer) -> [[Double]] {
    var optimizer = optimizer
    var p = [1.0, 1.0]
    var trace: [[Double]] = []
    for _ in 0..<2 {
        optimizer.update(&p, gradient: gradient(p), slot: 0)
        trace.append(p)
    }
    return trace
}

private func expectClose(_ actual: [[Double]], _ expected: [[Double]], tolerance: Double = 1e-12,
                         sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.count == expected.count, sourceLocation: sourceLocation)
    for (a, e) in zip(actual.joined(), expected.joined()) {
        #expect(abs(a - e) < tolerance, "\(actual) is not \(expected)", sourceLocation: sourceLocation)
    }
}

@Suite struct OptimizerTests {
    @Test func gradientDescentStepsDownTheGradient() {
        // x -= 0.01 * dx
        // step 1: dx = (2, 20)      → (1 - 0.02, 1 - 0.2)       = (0.98, 0.8)
        // step 2: dx = (1.96, 16)   → (0.98 - 0.0196, 0.8 - 0.16) = (0.9604, 0.64)
        expectClose(firstTwoSteps(GradientDescent(learningRate: 0.01)), [[0.98, 0.8], [0.9604, 0.64]])
        expectClose(firstTwoSteps(SGD(learningRate: 0.01)), [[0.98, 0.8], [0.9604, 0.64]])
    }

    @Test func momentumsSecondStepAddsTheVelocity() {
        // v = 0.9 * v + dx; x -= 0.01 * v
        // step 1: v = (2, 20)                              → (0.98, 0.8), as gradient descent
        // step 2: v = (0.9·2 + 1.96, 0.9·20 + 16) = (3.76, 34) → (0.98 - 0.0376, 0.8 - 0.34) = (0.9424, 0.46)
        expectClose(firstTwoSteps(Momentum(learningRate: 0.01, rho: 0.9)), [[0.98, 0.8], [0.9424, 0.46]])
    }

    @Test func nesterovStepsFromTheLookAhead() {
        // old_v = v; v = 0.9 * v - 0.01 * dx; x += -0.9 * old_v + 1.9 * v
        // step 1: v = (-0.02, -0.2); x += 1.9 · v = (-0.038, -0.38)          → (0.962, 0.62)
        // step 2: dx = (1.924, 12.4); v = (-0.018 - 0.01924, -0.18 - 0.124) = (-0.03724, -0.304)
        //         x += (0.018 - 0.070756, 0.18 - 0.5776) = (-0.052756, -0.3976) → (0.909244, 0.2224)
        expectClose(firstTwoSteps(Nesterov(learningRate: 0.01, rho: 0.9)), [[0.962, 0.62], [0.909244, 0.2224]])
    }

    @Test func adaGradGivesTheSteepAndTheShallowDirectionTheSameStep() {
        // epsilon 0 so the arithmetic is exact on paper; it only guards a division by zero.
        // grad_squared += dx²; x -= 0.1 * dx / sqrt(grad_squared)
        // step 1: grad_squared = (4, 400); x -= 0.1 · (2/2, 20/20)              → (0.9, 0.9)
        // step 2: dx = (1.8, 18); grad_squared = (7.24, 724)
        //         x -= 0.1 · (1.8/√7.24, 18/√724) = 0.1 · 0.66896473162245 → 0.833103526837755 in both
        let step2 = 0.833103526837755
        expectClose(firstTwoSteps(AdaGrad(learningRate: 0.1, epsilon: 0)), [[0.9, 0.9], [step2, step2]])
    }

    @Test func rmsPropKeepsALeakyAverageOfSquaredGradients() {
        // grad_squared = 0.99 * grad_squared + 0.01 * dx²; x -= 0.01 * dx / sqrt(grad_squared)
        // step 1: grad_squared = (0.04, 4); x -= 0.01 · (2/0.2, 20/2) = (0.1, 0.1)  → (0.9, 0.9)
        // step 2: dx = (1.8, 18); grad_squared = (0.0396 + 0.0324, 3.96 + 3.24) = (0.072, 7.2)
        //         x -= 0.01 · 1.8/√0.072 = 0.018/0.268328157 = 0.0670820393 → 0.8329179606750063 in both
        let step2 = 0.8329179606750063
        expectClose(firstTwoSteps(RMSProp(learningRate: 0.01, decayRate: 0.99, epsilon: 0)), [[0.9, 0.9], [step2, step2]])
    }

    @Test func adamsFirstTwoSteps() {
        // step 1: m = 0.1·dx, v = 0.001·dx²; unbiased m/0.1 = dx, v/0.001 = dx²; x -= 0.1 · dx/|dx| → (0.9, 0.9)
        // step 2: x-coordinate: dx = 1.8; m = 0.9·0.2 + 0.1·1.8 = 0.36; v = 0.999·0.004 + 0.001·3.24 = 0.007236
        //         first_unbias = 0.36/(1 - 0.81) = 1.894736842; second_unbias = 0.007236/(1 - 0.998001) = 3.619809905
        //         x -= 0.1 · 1.894736842/1.902579803 = 0.0995877723 → 0.8004122276712474 (y the same)
        let step2 = 0.8004122276712474
        expectClose(firstTwoSteps(Adam(learningRate: 0.1, epsilon: 0)), [[0.9, 0.9], [step2, step2]])
    }

    @Test func adamsBiasCorrectionMakesTheFirstStepTheLearningRate() {
        // With correction the first step is lr · dx/|dx| = lr for any gradient scale.
        // "Adam (almost)" divides m = 0.1·dx by √v = √0.001·|dx|: a step of lr · 0.1/√0.001 = 3.16 lr, too large.
        // (epsilon 0: with 1e-7 a gradient of 1e-3 would shorten the step by 1e-4 of itself.)
        for scale in [1e-3, 1.0, 1e3] {
            var adam = Adam(learningRate: 1e-3, epsilon: 0)
            var almost = Adam(learningRate: 1e-3, epsilon: 0, biasCorrection: false)
            var x = [0.0], y = [0.0]
            adam.update(&x, gradient: [scale], slot: 0)
            almost.update(&y, gradient: [scale], slot: 0)
            #expect(abs(-x[0] - 1e-3) < 1e-12)
            #expect(abs(-y[0] - 3.1622776601683795e-3) < 1e-12)  // 1e-3 · 0.1/√0.001
        }
    }

    @Test func epsilonIsAddedToTheRootNotUnderIt() {
        // dx = 1e-7: AdaGrad steps lr · 1e-7/(√1e-14 + 1e-7) = lr/2; with a zero gradient it does not move.
        var adaGrad = AdaGrad(learningRate: 0.1)
        var x = [1.0], zero = [1.0]
        adaGrad.update(&x, gradient: [1e-7], slot: 0)
        adaGrad.update(&zero, gradient: [0], slot: 1)
        #expect(abs(x[0] - 0.95) < 1e-12)
        #expect(zero == [1.0])
    }

    @Test func eachSlotKeepsItsOwnVelocity() {
        // Two parameters, two velocities: a's gradient must not leak into b's velocity.
        var momentum = Momentum(learningRate: 0.1, rho: 0.9)
        var parameters = [Tensor([1.0, 1.0]), Tensor(1.0)]
        let gradients = [Tensor([1.0, 2.0]), Tensor(10.0)]
        momentum.step(&parameters, gradients: gradients)
        momentum.step(&parameters, gradients: gradients)
        // v = g, then 1.9 g: x = 1 - 0.1 · 2.9 · g
        expectClose([parameters[0].scalars, parameters[1].scalars], [[0.71, 0.42], [-1.9]])
    }

    @Test func gradientDescentOnAGraphShrinksTheL2Loss() throws {
        // f = ‖x‖² from x = (1, -2): f = 5, ∂f/∂x = 2x, so x -= 0.1 · 2x is x · 0.8 and f · 0.64 each step.
        let g = Graph()
        let x = g.input(Tensor([1.0, -2.0]), name: "x")
        let f = try l2(x)
        var sgd = SGD(learningRate: 0.1)
        var expected = 5.0
        for _ in 0..<3 {
            #expect(abs(f.value.scalar - expected) < 1e-12)
            try g.backward()
            sgd.step([x])
            try g.forward()
            expected *= 0.64
        }
        #expect(abs(f.value.scalar - 1.31072) < 1e-12)
    }

    @Test(arguments: ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"])
    func everyOptimizerLowersTheLossOfAGraph(_ name: String) throws {
        let optimizers: [String: any Optimizer] = [
            "sgd": SGD(learningRate: 0.1), "momentum": Momentum(learningRate: 0.1),
            "nesterov": Nesterov(learningRate: 0.1), "adagrad": AdaGrad(learningRate: 0.1),
            "rmsprop": RMSProp(learningRate: 0.1), "adam": Adam(learningRate: 0.1),
        ]
        var optimizer = try #require(optimizers[name])
        let g = Graph()
        let x = g.input(Tensor([1.0, -2.0]), name: "x")
        let f = try l2(x)
        let before = f.value.scalar
        for _ in 0..<5 {
            try g.backward()
            optimizer.step([x])
            try g.forward()
        }
        #expect(f.value.scalar < before)
    }
}
