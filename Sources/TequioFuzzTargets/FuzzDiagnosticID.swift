import TequioModel

/// Stable identifiers of what the fuzz targets report for readers that throw an error with a message
/// but no identifier of their own (`docs/diagnostics.md`, "Fuzz targets"). Only `tequio-fuzz` prints
/// them, when it replays inputs; `tequio assemble` stops on the same errors with their message.
public enum FuzzDiagnosticID: String, DiagnosticIdentifier {
    public static let area = "fuzz"

    /// `Branding.load` refused a `--branding` folder (a `BrandingError`).
    case brandingRefused = "fuzz.branding-refused"
    /// `DocxReference` or `OdtReference` refused a `--reference-doc` (a `ReferenceError`).
    case referenceRefused = "fuzz.reference-refused"
}
