import TequioModel

/// Stable identifiers of the diagnostics on a series of drafts compared (`tequio compare`,
/// `docs/diagnostics.md`, "Drafts compared and merged").
public enum CompareDiagnosticID: String, DiagnosticIdentifier {
    public static let area = "compare"

    case differentMatrices = "compare.different-matrices"
    case draftOrder = "compare.draft-order"
    case dateOrder = "compare.date-order"
}

/// Stable identifiers of what `tequio merge` reports about members' copies.
public enum MergeDiagnosticID: String, DiagnosticIdentifier {
    public static let area = "merge"

    case kept = "merge.kept"
    case conflict = "merge.conflict"
}
