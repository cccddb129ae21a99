import Foundation
import TequioModel
import TequioReaders
import XMLSupport

/// Turns filled spreadsheets into completed matrices, checked against the module.
///
/// Two kinds of input:
/// - **A Tequio workbook** (built by `tequio build --target sheets` or in the print kit): it has a
///   `tequio` sheet naming the module, version, matrix and language, which must match the module.
///   Each table sheet keeps the layout of `WorkbookLayout`: table name in B1, municipality in D1, the
///   header in row 2 (matrix columns, then member name, sector and role), data from row 3.
/// - **A plain table** (a CSV file, or an `.xlsx`/`.ods` without a `tequio` sheet): each sheet is one
///   table named after the sheet (or the file); its first non-empty row is the header.
///
/// In both, header cells may be the column ids or the labels in any of the module's languages
/// (letter case, accents and extra spaces do not matter). A renamed, unknown, repeated or missing
/// column is an error naming the cell. Merged cells over what is read, formulas without a stored
/// value, error values and cells over a column's maximum length are errors; formulas with a stored
/// value are imported as that value with a warning (never evaluated). Text that looks like a formula
/// (`=HYPERLINK(…)`, `+…`, `-…`, `@…`) stays text. Empty rows are skipped.
///
/// Here: which sheets are tables and how each is read. The `tequio` sheet is checked in
/// `MatrixImporter+Metadata.swift`; each table sheet is imported by `SheetImport` (its header, rows and
/// members), which reads cells in `SheetImport+Cells.swift`.
public struct MatrixImporter: Sendable {
    /// Most filled rows (and most members) in one table: a working table's matrix has tens of rows.
    public static let maxRows = SpreadsheetFile.maxRows
    /// Most bytes of text in one cell: what the completed-matrix reader accepts in one text node.
    public static let maxTextBytes = XMLParseLimits().maxTextBytes

    public let module: Module
    /// The matrix of plain tables; nil: the module's first matrix.
    public var matrixID: String?
    /// Table name and municipality for a plain file with one table (a CSV, most often).
    public var tableName: String?
    public var municipality: String?
    /// `created` and `modified` of the imported matrices (UTC, `2026-11-29T09:12:44Z`).
    public var timestamp: String
    /// The workbooks' words (help sheet, member headers, sectors), recognised in every language.
    public let catalogue: StringCatalogue

    public init(
        module: Module, matrixID: String? = nil, tableName: String? = nil, municipality: String? = nil, timestamp: String,
        catalogue: StringCatalogue
    ) {
        self.module = module
        self.matrixID = matrixID
        self.tableName = tableName
        self.municipality = municipality
        self.timestamp = timestamp
        self.catalogue = catalogue
    }

    /// A completed matrix and where it came from.
    public struct Imported: Sendable {
        public var matrix: CompletedMatrix
        public var definition: MatrixDefinition
        public var file: String
        public var sheet: String
    }

    public func importDocument(_ document: SpreadsheetDocument) -> (matrices: [Imported], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let file = document.path
        var mode: Mode
        var sheets = document.sheets
        if document.kind != .csv, let metadata = document.sheet(named: WorkbookLayout.metadataSheetName) {
            guard let (definition, language) = readMetadata(metadata, file: file, into: &diagnostics) else {
                return ([], diagnostics)
            }
            mode = .workbook(definition, language)
            let helpNames = Set(SheetStrings.all(catalogue).map(\.helpSheetName))
            sheets = sheets.filter { $0.name != WorkbookLayout.metadataSheetName && !helpNames.contains($0.name) }
        } else {
            guard let definition = matrixID.map({ module.matrix(id: $0) }) ?? module.primaryMatrix else {
                let message = matrixID.map { "module '\(module.id)' has no matrix '\($0)'" } ?? "module '\(module.id)' declares no matrix"
                return ([], [.error(ImportDiagnosticID.unknownMatrix, message, at: SourceLocation(file: file))])
            }
            mode = .plain(definition)
            for sheet in sheets where sheet.hidden && !sheet.isEmpty {
                diagnostics.append(
                    .warning(
                        ImportDiagnosticID.hiddenSheet,
                        "sheet '\(sheet.name)' is hidden and was not imported; show it (right-click a sheet tab › Unhide) if it holds a table",
                        at: SourceLocation(file: file)))
            }
            sheets = sheets.filter { !$0.hidden }
            if document.kind != .csv {
                diagnostics.append(
                    Diagnostic(
                        .note, ImportDiagnosticID.noMetadata,
                        "no '\(WorkbookLayout.metadataSheetName)' sheet: the module and version cannot be verified; each sheet's first row is read as the header of matrix '\(definition.id)'",
                        at: SourceLocation(file: file)))
            }
        }
        var imported: [Imported] = []
        var empty: [String] = []
        let single = sheets.filter { !$0.isEmpty }.count == 1
        for sheet in sheets {
            var reader = SheetImport(
                importer: self, mode: mode, sheet: sheet, file: file, isCSV: document.kind == .csv, single: single)
            let result = reader.run()
            diagnostics += reader.diagnostics
            switch result {
            case .matrix(let m): imported.append(Imported(matrix: m, definition: mode.definition, file: file, sheet: sheet.name))
            case .empty: empty.append(sheet.name)
            case .skipped, .failed: break
            }
        }
        if !empty.isEmpty && document.kind != .csv && !imported.isEmpty {
            diagnostics.append(
                Diagnostic(
                    .note, ImportDiagnosticID.emptySheet,
                    "skipped \(empty.count) empty sheet\(empty.count == 1 ? "" : "s"): \(empty.map { "'\($0)'" }.joined(separator: ", "))",
                    at: SourceLocation(file: file)))
        }
        if imported.isEmpty && !diagnostics.hasErrors {
            diagnostics.append(
                .error(ImportDiagnosticID.nothingToImport, "no filled table found: every sheet is empty", at: SourceLocation(file: file)))
        }
        return (imported, diagnostics)
    }

    enum Mode {
        case workbook(MatrixDefinition, String)
        case plain(MatrixDefinition)

        var definition: MatrixDefinition {
            switch self {
            case .workbook(let d, _), .plain(let d): d
            }
        }
    }
}
