import Foundation
import XMLSupport

/// The project's RELAX NG schemas (from `schemas/`), each compiled once per process.
public final class SchemaSet: @unchecked Sendable {
    public static let module = "tequio-module-1.rng"
    public static let completedMatrix = "tequio-completed-matrix-1.rng"
    public static let scores = "tequio-scores-1.rng"
    public static let round = "tequio-round-1.rng"
    public static let tracking = "tequio-tracking-1.rng"

    public let directory: URL
    private var cache: [String: RelaxNGSchema] = [:]
    private var grammars: [String: RNGGrammar] = [:]
    private let lock = NSLock()

    public init(directory: URL) { self.directory = directory }

    /// The compiled schema `name` (a file in `directory`).
    public func relaxNG(_ name: String) throws -> RelaxNGSchema { try compiled(name, copy: "main") }

    /// A second compiled copy of `name`, for the background validation that runs beside the reader
    /// (one compiled schema is never used by two threads at once).
    public func backgroundRelaxNG(_ name: String) throws -> RelaxNGSchema { try compiled(name, copy: "background") }

    /// The plain-word explainer of schema `name`'s errors (see `SchemaExplainer`).
    public func explainer(_ name: String) throws -> SchemaExplainer {
        lock.lock()
        defer { lock.unlock() }
        let grammar: RNGGrammar
        if let g = grammars[name] {
            grammar = g
        } else {
            grammar = try RNGGrammar(contentsOf: directory.appendingPathComponent(name))
            grammars[name] = grammar
        }
        return SchemaExplainer(grammar: grammar, vocabulary: name == Self.module ? .module : .init())
    }

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
