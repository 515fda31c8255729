/// How the add gate's backward runs, beyond its two lines of arithmetic
/// (Add.swift): both local gradients are 1, so an input of the output's shape
/// takes the upstream gradient itself — the same buffer, not a copy of it
/// (`Node.shareGradient`). The numbers are those of `BinaryGate`'s backward,
/// which still sums a broadcast input's gradient (a bias) over the rows.
extension Add {
    public func backward(_ inputs: [Node], _ output: Node) {
        for side in 0..<2 where inputs[side].needsGradient {
            if !inputs[side].shareGradient(output.gradient) { backward(side, inputs, output) }
        }
    }
}
