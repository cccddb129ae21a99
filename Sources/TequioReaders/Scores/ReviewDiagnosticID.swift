import TequioModel

/// Stable identifiers of the committee's scoring: score files, scoring workbooks, rankings
/// (`docs/diagnostics.md`, "The committee's scores").
public enum ReviewDiagnosticID: String, DiagnosticIdentifier {
    public static let area = "review"

    case notScores = "review.not-scores"
    case noRubric = "review.no-rubric"
    case wrongModule = "review.wrong-module"
    case otherRubric = "review.other-rubric"
    case rubricChanged = "review.rubric-changed"
    case outOfScale = "review.out-of-scale"
    case missingScore = "review.missing-score"
    case missingJustification = "review.missing-justification"
    case unknownPlan = "review.unknown-plan"
    case unknownCriterion = "review.unknown-criterion"
    case unknownGate = "review.unknown-gate"
    case duplicateEvaluator = "review.duplicate-evaluator"
    case scoredDespiteConflict = "review.scored-despite-conflict"
    case notYesNo = "review.not-yes-no"
    case otherRound = "review.other-round"
    case otherDraft = "review.other-draft"
    case tooFewPlans = "review.too-few-plans"
    case tieAtCutoff = "review.tie-at-cutoff"
    case noSheet = "review.no-sheet"
    case notAWorkbook = "review.not-a-workbook"
    case malformedCSVLine = "review.malformed-csv-line"
    case noSheets = "review.no-sheets"
    case missingRound = "review.missing-round"
    case notChained = "review.not-chained"
    case duplicateRound = "review.duplicate-round"
}
