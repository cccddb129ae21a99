import Foundation
import XMLSupport

/// The project's RELAX NG schemas (from `schemas/`), each compiled once per process.
public final class SchemaSet: @unchecked Sendable {
    public static let module = "tequio-module-1.rng"
    public static let completedMatrix = "tequio-completed-matrix-1.rng"

    public let directory: URL
    private var cache: [String: RelaxNGSchema] = [:]
    private let lock = NSLock()

    public init(directory: URL) { self.directory = directory }

    /// A schema compiled anew, for a thread of its own.
    public func freshRelaxNG(_ name: String) throws -> RelaxNGSchema {
        try RelaxNGSchema(contentsOf: directory.appendingPathComponent(name))
    }

    /// The compiled schema `name` (a file in `directory`).
    public func relaxNG(_ name: String) throws -> RelaxNGSchema {
        lock.lock()
        defer { lock.unlock() }
        if let schema = cache[name] { return schema }
        let schema = try RelaxNGSchema(contentsOf: directory.appendingPathComponent(name))
        cache[name] = schema
        return schema
    }
}
