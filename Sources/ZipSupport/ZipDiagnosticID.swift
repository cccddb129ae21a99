import TequioModel

/// Stable identifiers of the zip layer's diagnostics (`docs/diagnostics.md`, "Archives"): why an
/// archive was refused or could not be written (`ArchiveError.diagnosticID`).
public enum ZipDiagnosticID: String, DiagnosticIdentifier {
    public static let area = "zip"

    case unsafeName = "zip.unsafe-name"
    case duplicateEntry = "zip.duplicate-entry"
    case symlink = "zip.symlink"
    case notRegularFile = "zip.not-regular-file"
    case encrypted = "zip.encrypted"
    case unsupportedCompression = "zip.unsupported-compression"
    case tooManyEntries = "zip.too-many-entries"
    case entryTooLarge = "zip.entry-too-large"
    case totalTooLarge = "zip.total-too-large"
    case suspiciousRatio = "zip.suspicious-ratio"
    case corrupt = "zip.corrupt"
    case missingFirstEntry = "zip.missing-first-entry"
    case invalidSourceDateEpoch = "zip.invalid-source-date-epoch"
    case io = "zip.io"
}
