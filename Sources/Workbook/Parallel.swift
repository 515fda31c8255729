import Dispatch

extension Array {
    /// `transform` of every element, computed on every core; the results keep the order.
    ///
    /// Unchecked for `Sendable`: the callers map over lecture files or over results
    /// of a finished run (graphs the compiler cannot prove immutable) and only read
    /// them, and each slot is written by exactly one worker and read after all have finished.
    public func concurrentMap<T>(_ transform: (Element) -> T) -> [T] {
        var slots = [T?](repeating: nil, count: count)
        slots.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer, elements = self
            nonisolated(unsafe) let transform = transform
            DispatchQueue.concurrentPerform(iterations: elements.count) { i in slots[i] = transform(elements[i]) }
        }
        return slots.map { slot in
            guard let slot else { preconditionFailure("concurrentPerform skipped an index") }
            return slot
        }
    }
}
