import Foundation

/// A value made once, on first use, by whichever thread asks first; the others wait for it. A failure
/// is not kept: the next call tries again.
final class Memo<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?

    func get(_ make: () throws -> Value) rethrows -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let value { return value }
        let made = try make()
        value = made
        return made
    }
}
