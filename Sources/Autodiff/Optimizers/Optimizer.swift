/// An update rule: steps parameters against their gradients, in place.
///
/// The lecture's rules differ only in what they remember between steps
/// (a velocity, a sum of squared gradients, two moments); each optimizer
/// keeps that state per parameter, under the parameter's `slot`.
public protocol Optimizer {
    /// Updates one parameter from its gradient; `slot` identifies the parameter's own state (velocity, cache).
    mutating func update(_ parameter: inout [Double], gradient: [Double], slot: Int)
}

extension Optimizer {
    /// One step for every parameter node, using the gradients of the last backward.
    ///
    /// A node's position in `parameters` is its slot: pass the same nodes in
    /// the same order every step.
    public mutating func step(_ parameters: [Node]) {
        for (slot, p) in parameters.enumerated() {
            precondition(p.isInput, "\(p.label) is computed by a gate; only inputs are parameters")
            update(&p.value.scalars, gradient: p.gradient.scalars, slot: slot)
        }
    }

    /// One step for tensors with their gradients; a tensor's index is its slot.
    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        precondition(parameters.count == gradients.count,
                     "\(parameters.count) parameters but \(gradients.count) gradients")
        for slot in parameters.indices {
            precondition(parameters[slot].shape == gradients[slot].shape,
                         "parameter \(slot) has shape \(parameters[slot].shape), its gradient \(gradients[slot].shape)")
            update(&parameters[slot].scalars, gradient: gradients[slot].scalars, slot: slot)
        }
    }
}

/// An optimizer's memory of one kind (velocity, grad_squared, a moment): one
/// buffer per slot, made at the slot's first update, sized like its parameter.
struct SlotState: Sendable {
    private var buffers: [[Double]] = []

    /// Runs `body` on the slot's buffer, zeros at first; later steps reuse it.
    mutating func withBuffer(_ slot: Int, count: Int, _ body: (UnsafeMutableBufferPointer<Double>) -> Void) {
        while buffers.count <= slot { buffers.append([]) }
        if buffers[slot].isEmpty { buffers[slot] = Array(repeating: 0, count: count) }
        precondition(buffers[slot].count == count,
                     "slot \(slot) held a parameter of \(buffers[slot].count) entries, now \(count)")
        buffers[slot].withUnsafeMutableBufferPointer { body($0) }
    }
}

/// Runs `body` on a parameter x and its gradient dx as raw buffers, so an update loops without allocating.
func withEntries(_ parameter: inout [Double], _ gradient: [Double],
                 _ body: (UnsafeMutableBufferPointer<Double>, UnsafeBufferPointer<Double>) -> Void) {
    precondition(parameter.count == gradient.count,
                 "a parameter of \(parameter.count) entries has a gradient of \(gradient.count)")
    parameter.withUnsafeMutableBufferPointer { x in
        gradient.withUnsafeBufferPointer { dx in body(x, dx) }
    }
}
