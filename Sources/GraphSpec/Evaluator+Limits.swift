import Autodiff

/// The evaluator's side of `Limits`: a value, a graph or a run that would be
/// too big or too long is refused where it starts, with a diagnostic there.
extension Evaluator {
    /// Whether there is time left for `statement`; if not, says so at it, once.
    mutating func inTime(_ statement: Statement) -> Bool {
        guard ContinuousClock.now > deadline else { return true }
        result.diagnostics.append(source.diagnostic(Message.outOfTime(limits.seconds), at: statement.range,
                                                    hint: Limits.raise("limit-seconds")))
        return false
    }

    /// Refuses a gate whose value would be too big, or a graph that would grow too big, before it is computed.
    func withinLimits(_ gate: any Gate, _ inputs: [Node], _ range: Range<Int>) throws(EvalError) {
        guard let shape = try? gate.shape(for: inputs.map(\.shape)) else { return }  // the engine says what is wrong
        try withinLimits(shape, range)
        guard result.graph.nodes.count < limits.nodes else {
            throw error(Message.tooManyNodes(limits.nodes), at: range, hint: Limits.raise("limit-nodes"))
        }
    }

    /// Refuses a value of `shape` with more entries than allowed.
    func withinLimits(_ shape: [Int], _ range: Range<Int>) throws(EvalError) {
        let count = Limits.count(shape)
        guard let count, count <= limits.elements else {
            throw error(Message.tooManyElements(count, limit: limits.elements), at: range, hint: Limits.raise("limit-elements"))
        }
    }
}
