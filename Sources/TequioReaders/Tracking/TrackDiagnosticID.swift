import TequioModel

/// Stable identifiers of the implementation phase: tracking files, filled tracking workbooks, progress
/// reports and IATI exports (`docs/diagnostics.md`, "Implementation tracking").
public enum TrackDiagnosticID: String, DiagnosticIdentifier {
    public static let area = "track"

    case notTracking = "track.not-tracking"
    case duplicateID = "track.duplicate-id"
    case unknownID = "track.unknown-id"
    case updateBeforeLast = "track.update-before-last"
    case doneBeforeStart = "track.done-before-start"
    case badDate = "track.bad-date"
    case missingDate = "track.missing-date"
    case futureDate = "track.future-date"
    case datesReversed = "track.dates-reversed"
    case notAStatus = "track.not-a-status"
    case inconsistentStatus = "track.inconsistent-status"
    case notANumber = "track.not-a-number"
    case notADirection = "track.not-a-direction"
    case badCurrency = "track.bad-currency"
    case badLink = "track.bad-link"
    case wrongModule = "track.wrong-module"
    case notAWorkbook = "track.not-a-workbook"
    case noTrackingFile = "track.no-tracking-file"
    case otherPlan = "track.other-plan"
    case duplicatePlan = "track.duplicate-plan"
    case iatiRule = "track.iati-rule"
}
