/// A gate of one input that works entry by entry: y = f(x).
///
/// A conforming gate writes the lecture's two lines — `forward(x)` and
/// `local(x, y)` = dy/dx — and gets backward for free: the chain rule
/// multiplies the upstream gradient by the local one, entry by entry.
public protocol UnaryGate: ElementwiseGate {
    /// y = f(x) for one entry.
    func forward(_ x: Double) -> Double
    /// dy/dx at one entry, given its input and its output.
    func local(_ x: Double, _ y: Double) -> Double
    /// Why f(x) is not finite: the domain error, with the value.
    func explain(_ x: Double) -> AutodiffError
}

extension UnaryGate {
    public func explain(_ x: Double) -> AutodiffError {
        AutodiffError(.nonFinite, "\(name) of \(Tensor.format(x)) is not finite")
    }

    public func local(_ x: [Double], _ y: Double) -> [Double] { [local(x[0], y)] }

    public func shape(for inputs: [[Int]]) throws(AutodiffError) -> [Int] {
        guard inputs.count == 1 else { throw .arity(name, expected: "one input", given: inputs.count) }
        return inputs[0]
    }

    public func forward(_ inputs: [Node], _ output: Node) throws(AutodiffError) {
        let x = inputs[0].value
        x.scalars.withUnsafeBufferPointer { x in
            output.value.scalars.withUnsafeMutableBufferPointer { y in
                for i in y.indices { y[i] = forward(x[i]) }
            }
        }
    }

    public var writesFirstGradient: Bool { true }

    /// dx += upstream · local, entry by entry.
    public func backward(_ inputs: [Node], _ output: Node) {
        guard inputs[0].needsGradient else { return }
        let x = inputs[0].value, y = output.value, upstream = output.gradient
        x.scalars.withUnsafeBufferPointer { x in
            y.scalars.withUnsafeBufferPointer { y in
                upstream.scalars.withUnsafeBufferPointer { upstream in
                    inputs[0].receiveGradient { dx, add in
                        if add {
                            for i in dx.indices { dx[i] += upstream[i] * local(x[i], y[i]) }
                        } else {
                            for i in dx.indices { dx[i] = upstream[i] * local(x[i], y[i]) }
                        }
                    }
                }
            }
        }
    }

    public func explainNonFinite(_ inputs: [Node], at index: Int) -> AutodiffError {
        explain(inputs[0].value.scalars[index])
    }
}
