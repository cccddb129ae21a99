import Foundation
import TequioModel
import TequioReaders
import TequioWriters

/// Reads a filled tracking workbook (`tequio track init`, `TrackingLayout`) and applies each plan sheet to
/// its tracking file: planning fields that changed (the old value kept as a `Change`), and each row that
/// reports something new as a dated `Update` appended to the history. A row as the workbook was written
/// (the tracking file's current state) is not a new update, so a workbook imported twice changes nothing.
///
/// Every problem names the file, sheet and cell (`seguimiento.xlsx:Plan 2!F9`): a workbook of another
/// module, an id that is not the tracking file's, a date that is not one or is in the future, an update
/// dated before the item's last one, a milestone done before it started, a status or number that is not
/// one, a link that is not a web address. The `tequio` sheet is read here; the rows in
/// `TrackingImporter+Rows.swift`.
public struct TrackingImporter: Sendable {
    public let module: Module
    /// When the updates are imported (`2026-04-02T10:00:00Z`); no date of a workbook may be after its day.
    public let imported: String
    let today: CalendarDate?
    let catalogue: StringCatalogue

    public init(module: Module, imported: String, catalogue: StringCatalogue) {
        self.module = module
        self.imported = imported
        self.today = CalendarDate(iso: String(imported.prefix(10)))
        self.catalogue = catalogue
    }

    /// One plan sheet of a workbook, and the tracking file it updates.
    public struct PlanSheet: Sendable {
        public var planID: String
        /// `seguimiento-<plan id>.xml`, made from the id (never a path read from the workbook).
        public var fileName: String
        public var sheetName: String
        /// The `plan` row of the `tequio` sheet.
        public var location: SourceLocation
        var layout: TrackingLayout
        var firsts: (commitments: Int, milestones: Int, indicators: Int)
        var language: String
    }

    /// What a plan sheet did to its tracking file.
    public struct Applied: Sendable {
        public var plan: TrackedPlan
        public var sheet: String
        public var updates = 0
        public var changes = 0
        public var unchanged = 0
    }

    public static func isTrackingWorkbook(_ document: SpreadsheetDocument) -> Bool { WorkbookFormat.of(document) == TrackingKey.formatValue }

    /// The plan sheets of a workbook, once its `tequio` sheet is checked against the module.
    public func planSheets(_ document: SpreadsheetDocument) -> ([PlanSheet], [Diagnostic]) {
        let file = document.path
        guard Self.isTrackingWorkbook(document), let sheet = document.sheet(named: TrackingLayout.metadataSheetName) else {
            let what = document.kind == .csv ? "a CSV file has no 'tequio' sheet; import the workbook itself (.xlsx or .ods)" : "it has no 'tequio' sheet naming a tracking workbook"
            return ([], [.error(TrackDiagnosticID.notAWorkbook, "not a tracking workbook made by `tequio track init`: \(what)", at: SourceLocation(file: file))])
        }
        let m = TrackingMetadata(sheet)
        func at(_ cell: CellAddress) -> SourceLocation { SourceLocation(file: "\(file):\(m.sheetName)!\(cell)") }
        var diagnostics = m.problems.map { Diagnostic.error(TrackDiagnosticID.notAWorkbook, $0.message, at: at(CellAddress(row: $0.row, column: $0.column))) }
        func value(_ key: String) -> TrackingMetadata.Value? {
            guard let v = m.values[key], !v.text.isEmpty else {
                diagnostics.append(
                    .error(
                        TrackDiagnosticID.notAWorkbook, "the row '\(key)' is missing or empty; this sheet identifies the workbook and must not be changed",
                        at: SourceLocation(file: "\(file):\(m.sheetName)")))
                return nil
            }
            return v
        }
        guard let moduleID = value(TrackingKey.module), let version = value(TrackingKey.moduleVersion), let language = value(TrackingKey.language)
        else { return ([], diagnostics) }
        guard moduleID.text == module.id, version.text == module.version else {
            let wrong = moduleID.text == module.id ? version : moduleID
            diagnostics.append(
                .error(
                    TrackDiagnosticID.wrongModule,
                    "this workbook is for module '\(moduleID.text)' \(version.text), not '\(module.id)' \(module.version): import it with --module pointing at that module",
                    at: at(wrong.cell)))
            return ([], diagnostics)
        }
        if m.plans.isEmpty && m.problems.isEmpty {
            diagnostics.append(.error(TrackDiagnosticID.notAWorkbook, "no 'plan' row: the workbook names no plan", at: SourceLocation(file: "\(file):\(m.sheetName)")))
        }
        var seen = Set<String>()
        var result: [PlanSheet] = []
        for plan in m.plans {
            guard document.sheet(named: plan.sheet) != nil, seen.insert(plan.sheet).inserted, seen.insert("\u{0}" + plan.id).inserted else {
                diagnostics.append(
                    .error(TrackDiagnosticID.notAWorkbook, "the workbook has no sheet '\(plan.sheet)' for plan '\(plan.id)', or names it twice", at: at(CellAddress(row: plan.row, column: 1))))
                continue
            }
            result.append(
                PlanSheet(
                    planID: plan.id, fileName: plan.fileName, sheetName: plan.sheet, location: at(CellAddress(row: plan.row, column: 2)),
                    layout: plan.layout, firsts: plan.firsts, language: language.text))
        }
        return (diagnostics.hasErrors ? [] : result, diagnostics)
    }

    /// Applies one plan sheet to its tracking file (already read and checked).
    public func apply(_ planSheet: PlanSheet, from document: SpreadsheetDocument, to located: TrackingReader.Located) -> (Applied?, [Diagnostic]) {
        let plan = located.plan
        guard plan.id == planSheet.planID else {
            return (nil, [.error(TrackDiagnosticID.otherPlan, "the tracking file \(located.rootLocation.file) is for plan '\(plan.id)', not '\(planSheet.planID)'", at: planSheet.location)])
        }
        guard plan.moduleID == module.id, plan.moduleVersion == module.version else {
            return (
                nil,
                [
                    .error(
                        TrackDiagnosticID.wrongModule, "the tracking file is for module '\(plan.moduleID)' \(plan.moduleVersion), not '\(module.id)' \(module.version)",
                        at: located.rootLocation)
                ]
            )
        }
        guard let sheet = document.sheet(named: planSheet.sheetName) else { return (nil, []) }
        var rows = RowImport(
            importer: self, cells: TrackingCells(sheet: sheet, file: document.path, words: TrackingWords(catalogue, language: planSheet.language)),
            applied: Applied(plan: plan, sheet: planSheet.sheetName), source: URL(fileURLWithPath: document.path).lastPathComponent)
        rows.read(planSheet)
        let diagnostics = rows.cells.diagnostics
        return (diagnostics.hasErrors ? nil : rows.applied, diagnostics)
    }
}
