/// A problem found in the input, collected rather than thrown.
///
/// Printed by `DiagnosticRenderer` as `path:line:col: severity: message [identifier]`. The identifier
/// is stable so people can search for it and tests can assert on it; it comes from a table of
/// identifiers (`DiagnosticIdentifier`).
public struct Diagnostic: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case note, warning, error

        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }
    }

    public struct Note: Sendable, Hashable, Codable {
        public var location: SourceLocation?
        public var message: String
        public init(location: SourceLocation?, message: String) {
            self.location = location
            self.message = message
        }
    }

    public var severity: Severity
    public var location: SourceLocation?
    public var message: String
    public var identifier: String
    public var notes: [Note]

    /// Made from an identifier of a table (`Diagnostic(.error, ModuleDiagnosticID.io, ...)`, in
    /// DiagnosticIdentifier.swift), so that no identifier is spelled at a call site.
    init(severity: Severity, identifier: String, message: String, location: SourceLocation?, notes: [Note]) {
        self.severity = severity
        self.identifier = identifier
        self.message = message
        self.location = location
        self.notes = notes
    }

    /// What users see, without colour: the diagnostic's line, then one line per note
    /// (`DiagnosticRenderer.plain`).
    public var formatted: String { DiagnosticRenderer.plain.render(self) }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var hasWarnings: Bool { contains { $0.severity == .warning } }
}
