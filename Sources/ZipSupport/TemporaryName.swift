import Foundation

/// Names for temporary files and folders next to a target: `.<name>.<kind>-<pid>-<counter>`.
///
/// Hidden, in the same folder as the target (so `rename` is atomic), and unique within the process
/// and across processes.
enum TemporaryName {
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }

    private static let counter = Counter()

    static func beside(_ target: URL, kind: String) -> URL {
        let name = ".\(target.lastPathComponent).\(kind)-\(getpid())-\(counter.next())"
        return target.deletingLastPathComponent().appendingPathComponent(name)
    }
}
