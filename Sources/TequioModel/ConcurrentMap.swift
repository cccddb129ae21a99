import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `transform` of each element, on every core, in the array's order.
    public func concurrentMap<R: Sendable>(_ transform: @Sendable (Element) -> R) -> [R] {
        let slots = ResultSlots<R>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { slots.set($0, transform(self[$0])) }
        return slots.values
    }
}

/// The results of a parallel loop, kept by index.
private final class ResultSlots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
