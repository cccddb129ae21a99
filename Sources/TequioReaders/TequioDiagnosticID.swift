import TequioModel

/// Stable identifiers of problems with Tequio itself rather than with its input (`docs/diagnostics.md`,
/// "Installation").
public enum TequioDiagnosticID: String, DiagnosticIdentifier {
    public static let area = "tequio"

    /// A schema of Tequio's formats cannot be found or compiled: a broken installation.
    case schemaMissing = "tequio.schema-missing"
}
