import TequioModel

/// Stable identifiers of the module reader's diagnostics (`docs/diagnostics.md`, "Modules").
public enum ModuleDiagnosticID: String, DiagnosticIdentifier {
    public static let area = "module"

    case io = "module.io"
    case notFound = "module.not-found"
    case notAModule = "module.not-a-module"
    case duplicateID = "module.duplicate-id"
    case unknownTerm = "module.unknown-term"
    case unknownMatrix = "module.unknown-matrix"
    case unknownPreset = "module.unknown-preset"
    case unknownChartColumn = "module.chart.unknown-column"
    case chartWithoutData = "module.chart.no-dataset"
    case chartNotNumeric = "module.chart.not-numeric"
    case missingFile = "module.missing-file"
    case fileOutsideModule = "module.file-outside-module"
    case fileName = "module.file-name"
    case csvMalformed = "module.csv.malformed"
    case csvHeader = "module.csv.header-mismatch"
    case csvRowLength = "module.csv.row-length"
    case csvNotNumber = "module.csv.not-a-number"
    case csvValueUnused = "module.csv.value-unused"
    case missingTranslation = "module.missing-translation"
    case emptyText = "module.empty-text"
    case includeOutside = "module.include.outside"
    case includeMissing = "module.include.missing"
    case includeCycle = "module.include.cycle"
    case includeMisplaced = "module.include.misplaced"
    case includeUnsupported = "module.include.unsupported"
    case mediaWithoutCaptions = "module.media.no-captions"
    case noQuestions = "module.case-study.no-questions"
    case duplicateLanguage = "module.duplicate-language"
    case idMismatch = "module.id-mismatch"
    case duplicateColumn = "module.matrix.duplicate-column"
    case eventDates = "module.event.dates"
    case eventDay = "module.event.day"
    case eventBreak = "module.event.break"
    case rubricWeights = "module.rubric.weights"
    case rubricScale = "module.rubric.scale"
    case rubricTieBreaker = "module.rubric.tie-breaker"
    case rubricJustify = "module.rubric.justify"

    /// A problem of an `xi:include` (`module.include.*`).
    public var isIncludeProblem: Bool {
        switch self {
        case .includeOutside, .includeMissing, .includeCycle, .includeMisplaced, .includeUnsupported: true
        default: false
        }
    }
}
