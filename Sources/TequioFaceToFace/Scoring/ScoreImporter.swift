import Foundation
import TequioModel
import TequioReaders
import TequioWriters

/// Reads one filled scoring workbook (`tequio review sheets`, `ScoringLayout`) into a `ScoreSheet`,
/// checked against the module's rubric. Every problem names the file, sheet and cell
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

    public func importDocument(_ document: SpreadsheetDocument) -> (Imported?, [Diagnostic]) {
        let file = document.path
        guard Self.isScoringWorkbook(document), let sheet = document.sheet(named: ScoringLayout.metadataSheetName) else {
            let what = document.kind == .csv ? "a CSV file has no 'tequio' sheet; import the workbook itself (.xlsx or .ods)" : "it has no 'tequio' sheet naming a scoring workbook"
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
        guard let moduleID = value(ScoringKey.module), let version = value(ScoringKey.moduleVersion), let rubricID = value(ScoringKey.rubric),
            let evaluator = value(ScoringKey.evaluator), let round = value(ScoringKey.round), let language = value(ScoringKey.language)
        else { return nil }
        guard moduleID.text == module.id else {
            error(.wrongModule, "this workbook is for module '\(moduleID.text)', not '\(module.id)'; import it with --module pointing at '\(moduleID.text)'", location(moduleID))
            return nil
        }
        guard version.text == module.version else {
            error(
                .wrongModule, "this workbook was made for version \(version.text) of '\(module.id)', but the module is version \(module.version)",
                location(version))
            return nil
        }
        guard let rubric = module.rubric else {
            error(.noRubric, "module '\(module.id)' has no <rubric> to check the scores against", location(rubricID))
            return nil
        }
        guard rubricID.text == rubric.id else {
            error(.otherRubric, "this workbook was made with rubric '\(rubricID.text)', the module's is '\(rubric.id)'", location(rubricID))
            return nil
        }
        guard language.text.range(of: #"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$"#, options: .regularExpression) != nil else {
            error(.notAWorkbook, "'\(language.text)' is not a language tag", location(language))
            return nil
        }
        var seen = Set<String>()
        for c in m.criteria {
            guard seen.insert(c.id).inserted else {
                error(.notAWorkbook, "criterion '\(c.id)' is listed twice", at(c.row, 1))
                continue
            }
            guard let criterion = rubric.criterion(c.id) else {
                error(.unknownCriterion, "the rubric '\(rubric.id)' has no criterion '\(c.id)'", at(c.row, 1))
                continue
            }
            if c.fingerprint != rubric.fingerprint(criterion) {
                error(
                    .rubricChanged,
                    "criterion '\(c.id)' changed after this workbook was made (\(c.fingerprint) then, \(rubric.fingerprint(criterion)) now: weight, scale or justified scores); score again with new sheets",
                    at(c.row, 2))
            }
        }
        for criterion in rubric.criteria where !seen.contains(criterion.id) {
            error(
                .rubricChanged, "criterion '\(criterion.id)' was added to the rubric after this workbook was made: score again with new sheets",
                SourceLocation(file: "\(file):\(m.sheetName)"))
        }
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
        let prefix = Slug.make(module.id, fallback: "module") + "-"
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
            let wellFormed = plan.id.range(of: "^[a-z0-9][a-z0-9-]*$", options: .regularExpression) != nil && plan.id.hasPrefix(prefix)
            if !wellFormed || !ids.insert(plan.id).inserted {
                diagnostics.append(
                    .error(
                        ReviewDiagnosticID.unknownPlan,
                        "'\(plan.id)' is not a plan of module '\(module.id)' (a plan's id is its documents' name, '\(prefix)<table>'), or it is listed twice",
                        at: at(plan.row, 2)))
            }
            if Int(plan.draft).map({ $0 < 1 }) ?? true {
                diagnostics.append(.error(ReviewDiagnosticID.notAWorkbook, "'\(plan.draft)' is not a draft number", at: at(plan.row, 4)))
            }
        }
    }
}
