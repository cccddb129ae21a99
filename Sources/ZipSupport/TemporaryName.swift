#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation

/// Names for temporary files and folders next to a target.
///
/// Hidden, in the same folder as the target (so `rename` is atomic), unique within the process and
/// across processes, and carrying the process id, so a later run can tell whether the process that
/// made one is still running (`StaleTemporaries`).
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

    /// `.<name>.<kind>-<pid>-<counter>`: the temporary folder of an extraction.
    static func beside(_ target: URL, kind: String) -> URL {
        let name = ".\(target.lastPathComponent).\(kind)-\(getpid())-\(counter.next())"
        return target.deletingLastPathComponent().appendingPathComponent(name)
    }

    /// What a file of the output stage holds.
    enum Role: String, CaseIterable {
        /// The new content, renamed over the target when the whole set is ready.
        case new
        /// A second name (hard link) for the previous target, to put it back if the set fails.
        case old
    }

    /// Every output-stage temporary starts with this.
    static let stagePrefix = ".tequio-"

    /// `.tequio-<pid>-<counter>-<role>.<name>`: hidden, and ending with the target's own name, so a
    /// checker that goes by the extension (`.epub`, `.docx`) sees the right one. A very long name is
    /// shortened to its extension so the temporary name stays within `NAME_MAX`.
    static func staged(beside target: URL, role: Role) -> URL {
        var name = target.lastPathComponent
        if name.utf8.count > 180 {
            let ext = target.pathExtension
            name = ext.isEmpty || ext.utf8.count > 20 ? "output" : "output.\(ext)"
        }
        let file = "\(stagePrefix)\(getpid())-\(counter.next())-\(role.rawValue).\(name)"
        return target.deletingLastPathComponent().appendingPathComponent(file)
    }

    /// The process that made the temporary file called `name`, or nil when the name is not one of ours.
    ///
    /// Knows the output-stage names and those earlier versions left behind: `.<name>.tmp-<pid>-<n>`
    /// (the archive writer and the document writer, whose `<n>` was 8 hexadecimal digits), libzip's
    /// own `.<name>.tmp-<pid>-<n>.XXXXXX` beside those, and Foundation's `.dat.nosync<hex pid>.XXXXXX`
    /// (the document writer's `FileManager.createFile` made one more temporary of its own).
    static func owner(ofTemporary name: String) -> pid_t? {
        if name.hasPrefix(foundationPrefix) {
            let fields = name.dropFirst(foundationPrefix.count).split(separator: ".", omittingEmptySubsequences: false)
            guard fields.count == 2, fields[1].count == 6, fields[1].allSatisfy(isAlphanumeric),
                !fields[0].isEmpty, fields[0].count <= 8, let value = Int32(fields[0], radix: 16), value > 0
            else { return nil }
            return value
        }
        if name.hasPrefix(stagePrefix) {
            let fields = name.dropFirst(stagePrefix.count).split(separator: "-", maxSplits: 2)
            guard fields.count == 3, isDigits(fields[1]),
                let dot = fields[2].firstIndex(of: "."), Role(rawValue: String(fields[2][..<dot])) != nil,
                fields[2].index(after: dot) < fields[2].endIndex
            else { return nil }
            return pid(fields[0])
        }
        // Legacy: `.<name>.tmp-<pid>-<id>` with an optional `.XXXXXX` from libzip's mkstemp.
        guard name.hasPrefix("."), let marker = name.range(of: ".tmp-", options: .backwards),
            marker.lowerBound > name.index(after: name.startIndex)
        else { return nil }
        var rest = name[marker.upperBound...]
        if let dot = rest.firstIndex(of: ".") {
            let suffix = rest[rest.index(after: dot)...]
            guard suffix.count == 6, suffix.allSatisfy(isAlphanumeric) else { return nil }
            rest = rest[..<dot]
        }
        let fields = rest.split(separator: "-", omittingEmptySubsequences: false)
        guard fields.count == 2, !fields[1].isEmpty, fields[1].allSatisfy(isAlphanumeric) else { return nil }
        return pid(fields[0])
    }

    private static let foundationPrefix = ".dat.nosync"

    private static func pid(_ text: Substring) -> pid_t? {
        guard isDigits(text), let value = Int32(text), value > 0 else { return nil }
        return value
    }

    private static func isDigits(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    private static func isAlphanumeric(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber)
    }
}
