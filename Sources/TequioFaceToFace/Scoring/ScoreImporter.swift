import Foundation
import TequioModel
import TequioReaders
import TequioWriters

/// Reads one filled scoring workbook (`tequio review sheets`, `ScoringLayout`) into a `ScoreSheet`,
/// checked against the module's rubric (a score CSV: `ScoreImporter+CSV.swift`). Every problem names the file, sheet and cell
/// (`puntajes-ana.xlsx:Plan 3!C7`): a workbook of another module or rubric, a criterion changed
/// since the sheets were made, an unknown plan, criterion or gate in the `tequio` sheet, a score
/// that is not a number of the scale, a missing score or justification, an answer that is not
/// Sí/No, a score on a plan the evaluator declared a conflict on.
///
/// The `tequio` sheet is checked here; each plan sheet is read in `ScoreImporter+Plan.swift`.
public struct ScoreImporter: Sendable {
    public let module: Module
    /// When the scores were imported (`2026-11-29T09:12:44Z`).
    public let submitted: String
    /// Sí/No in every language of the catalogue.
    let yesWords: Set<String>
    let noWords: Set<String>

    public init(module: Module, submitted: String, catalogue: StringCatalogue) {
        self.module = module
        self.submitted = submitted
        let all = catalogue.languages.map { ScoringStrings(catalogue, language: $0) }
        yesWords = Set(all.map { Self.fold($0.yes) } + ["true"])
        noWords = Set(all.map { Self.fold($0.no) } + ["false"])
    }

    /// A score sheet and where its evaluator is named (for a duplicate among the files).
    public struct Imported: Sendable {
        public var sheet: ScoreSheet
        public var file: String
        public var evaluatorLocation: SourceLocation
    }

    /// True when the document is a scoring workbook (its `tequio` sheet says so).
    public static func isScoringWorkbook(_ document: SpreadsheetDocument) -> Bool {
        WorkbookFormat.of(document) == ScoringKey.formatValue
    }

    /// `file:sheet!cell`, the place of a problem in a workbook.
    static func location(_ file: String, _ sheet: String, _ cell: CellAddress) -> SourceLocation {
        SourceLocation(file: "\(file):\(sheet)!\(cell)")
    }

    static func fold(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// A score CSV's score sheets (one per evaluator and round), or a workbook's one.
    public func importFile(_ document: SpreadsheetDocument) -> ([Imported], [Diagnostic]) {
        if ScoreCSV.isScoreCSV(document) { return importCSV(document) }
        let (imported, diagnostics) = importDocument(document)
        return (imported.map { [$0] } ?? [], diagnostics)
    }

    public func importDocument(_ document: SpreadsheetDocument) -> (Imported?, [Diagnostic]) {
        let file = document.path
        guard Self.isScoringWorkbook(document), let sheet = document.sheet(named: ScoringLayout.metadataSheetName) else {
            let what = document.kind == .csv
                ? "a CSV file needs the columns of the score CSV (module, version, rubric, round, evaluator, plan, draft, item, fingerprint, answer, justification), as in the template `tequio review sheets` writes"
                : "it has no 'tequio' sheet naming a scoring workbook"
            return (
                nil,
                [
                    .error(
                        ReviewDiagnosticID.notAWorkbook,
                        "not a scoring workbook made by `tequio review sheets`: \(what); import scoring workbooks and filled matrices in separate runs",
                        at: SourceLocation(file: file))
                ]
            )
        }
        var diagnostics: [Diagnostic] = []
        let metadata = ScoringMetadata(sheet)
        guard let header = checkMetadata(metadata, document: document, into: &diagnostics) else { return (nil, diagnostics) }
        var plans: [ScoreSheet.Plan] = []
        for plan in metadata.plans {
            guard let planSheet = document.sheet(named: plan.sheet) else { continue }
            plans.append(readPlan(plan, sheet: planSheet, metadata: metadata, header: header, file: file, into: &diagnostics))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        let scores = ScoreSheet(
            moduleID: module.id, moduleVersion: module.version, rubricID: header.rubric.id,
            criteria: metadata.criteria.map { ($0.id, $0.fingerprint) }, evaluator: header.evaluator, round: header.round,
            language: header.language, submitted: submitted, plans: plans)
        return (Imported(sheet: scores, file: file, evaluatorLocation: header.evaluatorLocation), diagnostics)
    }

    /// What the `tequio` sheet says, once checked against the module.
    struct Header {
        var rubric: Rubric
        var evaluator: String
        var evaluatorLocation: SourceLocation
        var round: String
        var language: String
    }

    func checkMetadata(_ m: ScoringMetadata, document: SpreadsheetDocument, into diagnostics: inout [Diagnostic]) -> Header? {
        let file = document.path
        func at(_ row: Int, _ column: Int) -> SourceLocation { Self.location(file, m.sheetName, CellAddress(row: row, column: column)) }
        func error(_ id: ReviewDiagnosticID, _ message: String, _ location: SourceLocation) {
            diagnostics.append(.error(id, message, at: location))
        }
        func value(_ key: String) -> ScoringMetadata.Value? {
            guard let v = m.values[key], !v.text.isEmpty else {
                error(
                    .notAWorkbook, "the row '\(key)' is missing or empty; this sheet identifies the workbook and must not be changed",
                    SourceLocation(file: "\(file):\(m.sheetName)"))
                return nil
            }
            return v
        }
        let location = { (v: ScoringMetadata.Value) in Self.location(file, m.sheetName, v.cell) }
        let located = { (v: ScoringMetadata.Value) in Located(text: v.text, location: location(v)) }
        guard let moduleID = value(ScoringKey.module), let version = value(ScoringKey.moduleVersion), let rubricID = value(ScoringKey.rubric),
            let evaluator = value(ScoringKey.evaluator), let round = value(ScoringKey.round), let language = value(ScoringKey.language)
        else { return nil }
        guard
            let rubric = checkIdentity(
                module: located(moduleID), version: located(version), rubric: located(rubricID), this: "this workbook", into: &diagnostics)
        else { return nil }
        guard Self.isLanguageTag(language.text) else {
            error(.notAWorkbook, "'\(language.text)' is not a language tag", location(language))
            return nil
        }
        var seen = Set<String>()
        for c in m.criteria {
            guard seen.insert(c.id).inserted else {
                error(.notAWorkbook, "criterion '\(c.id)' is listed twice", at(c.row, 1))
                continue
            }
            _ = checkCriterion(
                Located(text: c.id, location: at(c.row, 1)), fingerprint: Located(text: c.fingerprint, location: at(c.row, 2)), rubric: rubric,
                since: "this workbook was made", into: &diagnostics)
        }
        diagnostics += addedCriteria(rubric, seen: seen, since: "this workbook was made", at: SourceLocation(file: "\(file):\(m.sheetName)"))
        for g in m.gates where !rubric.gates.contains(where: { $0.id == g.id }) {
            error(.unknownGate, "the rubric '\(rubric.id)' has no gate '\(g.id)'", at(g.row, 1))
        }
        checkPlans(m, document: document, into: &diagnostics)
        guard !diagnostics.hasErrors else { return nil }
        return Header(
            rubric: rubric, evaluator: evaluator.text, evaluatorLocation: location(evaluator), round: round.text, language: language.text)
    }

    /// Each `plan` row names a sheet of the workbook and a plan of this module, once.
    func checkPlans(_ m: ScoringMetadata, document: SpreadsheetDocument, into diagnostics: inout [Diagnostic]) {
        let file = document.path
        func at(_ row: Int, _ column: Int) -> SourceLocation { Self.location(file, m.sheetName, CellAddress(row: row, column: column)) }
        var ids = Set<String>()
        var sheets = Set<String>()
        if m.plans.isEmpty {
            diagnostics.append(.error(ReviewDiagnosticID.notAWorkbook, "no 'plan' row: the workbook names no plan to score", at: SourceLocation(file: "\(file):\(m.sheetName)")))
        }
        for plan in m.plans {
            if document.sheet(named: plan.sheet) == nil || !sheets.insert(plan.sheet).inserted {
                diagnostics.append(
                    .error(
                        ReviewDiagnosticID.unknownPlan, "the workbook has no sheet '\(plan.sheet)' for plan '\(plan.id)' (or names it twice)",
                        at: at(plan.row, 1)))
            }
            if !isPlanID(plan.id) || !ids.insert(plan.id).inserted {
                diagnostics.append(.error(ReviewDiagnosticID.unknownPlan, "\(notAPlan(plan.id)), or it is listed twice", at: at(plan.row, 2)))
            }
            if Int(plan.draft).map({ $0 < 1 }) ?? true {
                diagnostics.append(.error(ReviewDiagnosticID.notAWorkbook, "'\(plan.draft)' is not a draft number", at: at(plan.row, 4)))
            }
        }
    }
}
