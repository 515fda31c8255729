import Dispatch
import Foundation

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

/// Work offered to another core while this one goes on with its own. Its value is
/// computed on the thread that asks for it when no other has begun it by then: so
/// it never waits behind a queue that the cores' other work keeps busy (a nested
/// `concurrentPerform` would run on one core: the outer one has the others).
public final class Aside<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var work: (() -> Value)?
    private var value: Value?
    private let done = DispatchSemaphore(value: 0)

    /// Offers `work` to the other cores.
    public init(_ work: @escaping () -> Value) {
        self.work = work
        DispatchQueue.global().async { [self] in
            guard let work = take() else { return }
            let value = work()
            lock.withLock { self.value = value }
            done.signal()
        }
    }

    /// The value: computed here when no other core has begun it, else waited for.
    public func get() -> Value {
        if let work = take() { return work() }
        done.wait()
        guard let value = lock.withLock({ value }) else { preconditionFailure("an aside finished without its value") }
        return value
    }

    /// The work, once: nil for whoever comes second.
    private func take() -> (() -> Value)? {
        lock.withLock {
            defer { work = nil }
            return work
        }
    }
}
