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

    /// The compiled schema `name` (a file in `directory`).
    public func relaxNG(_ name: String) throws -> RelaxNGSchema { try compiled(name, copy: "main") }

    /// A second compiled copy of `name`, for the background validation that runs beside the reader
    /// (one compiled schema is never used by two threads at once).
    public func backgroundRelaxNG(_ name: String) throws -> RelaxNGSchema { try compiled(name, copy: "background") }

    private func compiled(_ name: String, copy: String) throws -> RelaxNGSchema {
        lock.lock()
        defer { lock.unlock() }
        let key = "\(copy):\(name)"
        if let schema = cache[key] { return schema }
        let schema = try RelaxNGSchema(contentsOf: directory.appendingPathComponent(name))
        cache[key] = schema
        return schema
    }
}
