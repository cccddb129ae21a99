import TequioModel

/// Stable identifiers of what `tequio import` says about a reviewed DOCX or ODT.
public enum ReviewedPlanDiagnosticID: String, DiagnosticIdentifier {
    public static let area = "reviewed"

    case notAPlan = "reviewed.not-a-plan"
    case damaged = "reviewed.damaged"
    case wrongModule = "reviewed.wrong-module"
    case rowLeftOut = "reviewed.row-left-out"
    case rowRemovedWithNotes = "reviewed.row-removed-with-notes"
    case rowNotFound = "reviewed.row-not-found"
    case commentOutsideMatrix = "reviewed.comment-outside-matrix"
}
