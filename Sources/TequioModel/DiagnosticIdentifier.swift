/// A table of diagnostic identifiers for one area (`module.*`, `import.*`, ...): an enum whose raw
/// values are the identifiers people see in brackets, search for in `docs/diagnostics.md` and filter
/// on in scripts. Each identifier is spelled once, in its table; everything else names the case.
///
/// `CaseIterable` lets a test check that every identifier is documented, and every documented one
/// exists.
public protocol DiagnosticIdentifier: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {
    /// The prefix every identifier of the table starts with, before its first dot (`module`).
    static var area: String { get }
}

extension DiagnosticIdentifier {
    /// Every identifier of the table, as written in diagnostics.
    public static var identifiers: [String] { allCases.map(\.rawValue) }
}

extension Diagnostic {
    public init(
        _ severity: Severity, _ identifier: some DiagnosticIdentifier, _ message: String, at location: SourceLocation?,
        notes: [Note] = []
    ) {
        self.init(severity: severity, identifier: identifier.rawValue, message: message, location: location, notes: notes)
    }

    public static func error(_ identifier: some DiagnosticIdentifier, _ message: String, at location: SourceLocation?)
        -> Diagnostic
    { Diagnostic(.error, identifier, message, at: location) }

    public static func warning(_ identifier: some DiagnosticIdentifier, _ message: String, at location: SourceLocation?)
        -> Diagnostic
    { Diagnostic(.warning, identifier, message, at: location) }
}
