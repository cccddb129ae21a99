import TequioModel

/// Stable identifiers of the diagnostics on completed-matrix files (`docs/diagnostics.md`,
/// "Completed matrices").
public enum MatrixDiagnosticID: String, DiagnosticIdentifier {
    public static let area = "matrix"

    case notAMatrix = "matrix.not-a-matrix"
    case moduleNotFound = "matrix.module-not-found"
    case wrongModule = "matrix.wrong-module"
    case wrongVersion = "matrix.wrong-version"
    case unknownMatrix = "matrix.unknown-matrix"
    case unknownColumn = "matrix.unknown-column"
    case duplicateCell = "matrix.duplicate-cell"
    case missingRequired = "matrix.missing-required"
    case tooLong = "matrix.too-long"
}
