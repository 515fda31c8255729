import Autodiff

extension Evaluator {
    /// `minimize L over W, b with sgd(lr: 1), adam(lr: 0.01) for 200 steps [batch 64]`.
    ///
    /// Each optimizer trains from the same starting values; later statements
    /// see the values the last one left. With `batch`, every step reads a
    /// minibatch of the data set's rows.
    mutating func minimize(_ lossExpression: Expression, over names: [Name], with calls: [OptimizerCall],
                           steps stepsExpression: Expression, batch batchExpression: Expression?,
                           _ range: Range<Int>) throws(EvalError) {
        guard case .node(let loss) = try value(of: lossExpression), loss.value.count == 1 else {
            throw error("the loss to minimize must be a scalar computed from the parameters", at: lossExpression.range)
        }
        var parameters: [Node] = []
        for name in names { parameters.append(try parameter(name, "trained")) }
        let steps = try positiveInteger(stepsExpression, what: "the number of steps")
        guard steps <= limits.steps else {
            throw error(Message.tooManySteps(steps, limit: limits.steps), at: stepsExpression.range, hint: Limits.raise("limit-steps"))
        }
        let batch = try batchExpression.map { (b) throws(EvalError) in try positiveInteger(b, what: "the batch size") }
        let data = result.named.filter(\.isData).map(\.node)
        if let batchExpression, data.isEmpty { throw error(Message.batchNeedsData(), at: batchExpression.range) }
        var optimizers: [(any Optimizer, String)] = []
        for call in calls { optimizers.append((try optimizer(call), source.slice(call.range))) }

        let start = parameters.map(\.value)
        let fullData = data.map(\.value)
        defer {
            for (node, value) in zip(data, fullData) { result.graph.set(node, to: value) }
            try? result.graph.forward()
            gradientsFresh = false
        }
        var minimization = Minimization(location: source.location(of: range.lowerBound), runs: [])
        for (optimizer, text) in optimizers {
            for (node, value) in zip(parameters, start) { result.graph.set(node, to: value) }
            let run = Run(graph: result.graph, loss: loss, parameters: parameters, data: data, fullData: fullData, deadline: deadline)
            do {
                let (losses, path) = try run.train(optimizer, steps: steps, batch: batch)
                minimization.runs.append(Training(optimizer: text, losses: losses, path: path, parameters: names.map(\.text),
                                                  final: parameters.map(\.value), location: minimization.location))
            } catch {
                guard let underlying = error.underlying else {
                    throw self.error(Message.trainingOutOfTime(text, step: error.step, of: steps, seconds: limits.seconds), at: range,
                                     hint: "train for fewer steps, or " + Limits.raise("limit-seconds"))
                }
                // Said at the node where the value first went wrong, naming the step and the minimize.
                guard let place = underlying.node.flatMap({ ranges[$0] }), place != range else {
                    throw self.error("training with \(text) failed at step \(error.step): \(underlying.message)", at: range)
                }
                let line = source.location(of: range.lowerBound).line
                throw self.error("training with \(text) (line \(line)) failed here at step \(error.step): \(underlying.message)", at: place)
            }
        }
        let pictures = Pictures(graph: result.graph, loss: loss, parameters: parameters)
        minimization.surface = pictures.surface(around: minimization.runs.map(\.path))
        if let (X, labels) = classifiedData(of: loss) {
            minimization.boundary = pictures.boundary(X, labels)
        }
        result.minimizations.append(minimization)
    }

    /// The data set a classifier's loss reads, when its points have two coordinates:
    /// the labels of its softmax or SVM loss, and the data set's X beside them.
    private func classifiedData(of loss: Node) -> (Node, Node)? {
        let data = result.named.filter(\.isData).map(\.node)
        guard let lossGate = result.graph.ancestors(of: loss).last(where: { $0.gate is SoftmaxLoss || $0.gate is SVMLoss }),
              data.contains(where: { $0 === lossGate.inputs[1] }),
              let X = data.first(where: { $0.value.rank == 2 && $0.value.shape[1] == 2 }) else { return nil }
        return (X, lossGate.inputs[1])
    }

    /// Every optimizer a `minimize` can name, with its settings and their defaults (nil: none, it must be given).
    static let optimizers: [String: [(String, Double?)]] = [
        "gd": [("lr", nil)], "sgd": [("lr", nil)],
        "momentum": [("lr", nil), ("rho", 0.9)], "nesterov": [("lr", nil), ("rho", 0.9)],
        "adagrad": [("lr", nil), ("eps", 1e-7)], "rmsprop": [("lr", nil), ("decay_rate", 0.99), ("eps", 1e-7)],
        "adam": [("lr", 1e-3), ("beta1", 0.9), ("beta2", 0.999), ("eps", 1e-7), ("bias_correction", 1)],
    ]

    /// The optimizer a call names, with the lecture's hyper-parameter names.
    private mutating func optimizer(_ call: OptimizerCall) throws(EvalError) -> any Optimizer {
        let known = Self.optimizers
        let name = call.name.text
        guard let parameters = known[name] else {
            throw error(Message.unknownOptimizer(name), at: call.name.range,
                        hint: Suggestions.hint(for: name, in: known.keys.sorted()))
        }
        var values: [String: Double] = [:]
        for argument in call.arguments {
            guard let label = argument.label, let labelRange = argument.labelRange else {
                throw error("the settings of \(name) are labelled, as in \(name)(lr: 0.1)", at: argument.value.range)
            }
            guard parameters.contains(where: { $0.0 == label }) else {
                throw error(Message.unknownArgument(label, of: name, known: parameters.map(\.0)), at: labelRange,
                            hint: Suggestions.hint(for: label, in: parameters.map(\.0)))
            }
            values[label] = try constantNumber(argument.value, what: "'\(label):'")
        }
        for (label, fallback) in parameters where values[label] == nil {
            guard let fallback else { throw error("\(name) needs a learning rate, as in \(name)(lr: 0.1)", at: call.range) }
            values[label] = fallback
        }
        let v = values.mapValues { $0 }
        switch name {
        case "momentum": return Momentum(learningRate: v["lr"]!, rho: v["rho"]!)
        case "nesterov": return Nesterov(learningRate: v["lr"]!, rho: v["rho"]!)
        case "adagrad": return AdaGrad(learningRate: v["lr"]!, epsilon: v["eps"]!)
        case "rmsprop": return RMSProp(learningRate: v["lr"]!, decayRate: v["decay_rate"]!, epsilon: v["eps"]!)
        case "adam":
            return Adam(learningRate: v["lr"]!, beta1: v["beta1"]!, beta2: v["beta2"]!, epsilon: v["eps"]!,
                        biasCorrection: v["bias_correction"]! != 0)
        default: return GradientDescent(learningRate: v["lr"]!)
        }
    }
}

/// One optimizer's training loop over a graph built once.
struct Run {
    let graph: Graph
    let loss: Node
    let parameters: [Node]
    let data: [Node]
    let fullData: [Tensor]
    /// When the example's time is up: the loop looks at the clock every `clockInterval` steps.
    var deadline: ContinuousClock.Instant? = nil
    static let clockInterval = 16

    /// A failure inside the loop, with its step: the engine's error, or nil when time ran out.
    struct Failure: Error {
        let step: Int
        let underlying: AutodiffError?
    }

    /// Trains for `steps` steps; returns the loss before each step and after the
    /// last, and the path of the parameters when they are at most two scalars.
    func train(_ optimizer: any Optimizer, steps: Int, batch: Int?) throws(Failure) -> ([Double], [[Double]]) {
        var optimizer = optimizer
        let tracksPath = parameters.reduce(0) { $0 + $1.value.count } <= 2
        var losses: [Double] = [], path: [[Double]] = []
        var batches = batch.map { Minibatches(rows: fullData[0].shape.first ?? 1, batchSize: $0, seed: 0) }
        var indices: [Int] = []
        var rows = fullData
        for step in 0...steps {
            if let deadline, step % Self.clockInterval == 0, step < steps, ContinuousClock.now > deadline {
                throw Failure(step: step, underlying: nil)
            }
            do {
                if var sampler = batches, step < steps {
                    sampler.next(into: &indices)
                    batches = sampler
                    for i in data.indices {
                        rows[i].setRows(of: fullData[i], indices)
                        graph.set(data[i], to: rows[i])
                    }
                } else if batch != nil {
                    for i in data.indices { graph.set(data[i], to: fullData[i]) }
                }
                // Only the loss is read here; the `minimize` runs `forward()` when it is done.
                try graph.forward(to: loss, checkingEachNode: false, keepingEveryValue: false)
                if !loss.value.scalar.isFinite { try graph.forward(to: loss) }  // names the node
                losses.append(loss.value.scalar)
                if tracksPath { path.append(parameters.flatMap(\.value.scalars)) }
                guard step < steps else { break }
                try graph.backward(from: loss, keepingEveryGradient: false)
                optimizer.step(parameters)
            } catch {
                throw Failure(step: step, underlying: error)
            }
        }
        return (losses, path)
    }
}
