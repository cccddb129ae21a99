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

    public init(module: Module, matrixID: String? = nil, tableName: String? = nil, municipality: String? = nil, timestamp: String) {
        self.module = module
        self.matrixID = matrixID
        self.tableName = tableName
        self.municipality = municipality
        self.timestamp = timestamp
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
            let helpNames = Set(SheetStrings.all.map(\.helpSheetName))
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

    /// Checks the `tequio` sheet against the module; returns the matrix and language.
    private func readMetadata(_ sheet: Sheet, file: String, into diagnostics: inout [Diagnostic]) -> (MatrixDefinition, String)? {
        var values: [String: (String, CellAddress)] = [:]
        for (address, cell) in sheet.cells where address.column == 0 {
            let key = cell.text.trimmingCharacters(in: .whitespacesAndNewlines)
            let valueAddress = CellAddress(row: address.row, column: 1)
            values[key] = (sheet[valueAddress].trimmingCharacters(in: .whitespacesAndNewlines), valueAddress)
        }
        let at = SourceLocation(file: file)
        let prefix = "sheet '\(sheet.name)'"
        func value(_ key: String) -> (String, CellAddress)? {
            guard let v = values[key], !v.0.isEmpty else {
                diagnostics.append(
                    .error(ImportDiagnosticID.badMetadata, "\(prefix): the row '\(key)' is missing or empty; this sheet identifies the module and must not be changed", at: at))
                return nil
            }
            return v
        }
        guard let format = value(MetadataKey.format) else { return nil }
        guard format.0 == MetadataKey.formatValue else {
            diagnostics.append(
                .error(ImportDiagnosticID.badMetadata, "\(prefix): cell \(format.1): format '\(format.0)' is not '\(MetadataKey.formatValue)'", at: at))
            return nil
        }
        guard let moduleID = value(MetadataKey.module), let version = value(MetadataKey.moduleVersion),
            let matrix = value(MetadataKey.matrix), let language = value(MetadataKey.language)
        else { return nil }
        guard moduleID.0 == module.id else {
            diagnostics.append(
                .error(
                    ImportDiagnosticID.wrongModule,
                    "\(prefix): cell \(moduleID.1): this spreadsheet is for module '\(moduleID.0)', not '\(module.id)'; import it with --module pointing at '\(moduleID.0)'",
                    at: at))
            return nil
        }
        guard version.0 == module.version else {
            diagnostics.append(
                .error(
                    ImportDiagnosticID.wrongVersion,
                    "\(prefix): cell \(version.1): this spreadsheet was made for version \(version.0) of '\(module.id)', but the module is version \(module.version); import it with that version of the module, or copy the table into a new blank spreadsheet",
                    at: at))
            return nil
        }
        guard let definition = module.matrix(id: matrix.0) else {
            diagnostics.append(
                .error(
                    ImportDiagnosticID.unknownMatrix,
                    "\(prefix): cell \(matrix.1): module '\(module.id)' has no matrix '\(matrix.0)' (it has: \(module.matrices.map(\.id).joined(separator: ", ")))",
                    at: at))
            return nil
        }
        guard language.0.range(of: #"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$"#, options: .regularExpression) != nil else {
            diagnostics.append(
                .error(ImportDiagnosticID.badMetadata, "\(prefix): cell \(language.1): '\(language.0)' is not a language tag", at: at))
            return nil
        }
        return (definition, language.0)
    }
}

/// Header matching: letter case, accents, question and exclamation marks, repeated spaces and a
/// trailing `*`, `:` or `.` do not matter.
enum HeaderKey {
    static func fold(_ text: String) -> String {
        var s = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        s.removeAll { "¿?¡!".contains($0) }
        s = s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        while let last = s.last, last == "*" || last == ":" || last == "." {
            s.removeLast()
            s = s.trimmingCharacters(in: .whitespaces)
        }
        return s
    }
}

/// The import of one sheet.
struct SheetImport {
    enum Outcome {
        case matrix(CompletedMatrix)
        case empty
        case skipped
        case failed
    }

    enum MemberField: CaseIterable { case name, sector, role }

    let importer: MatrixImporter
    let mode: MatrixImporter.Mode
    let sheet: Sheet
    let file: String
    let isCSV: Bool
    /// True when this is the only non-empty sheet of its file (table name options apply).
    let single: Bool
    var diagnostics: [Diagnostic] = []

    init(importer: MatrixImporter, mode: MatrixImporter.Mode, sheet: Sheet, file: String, isCSV: Bool, single: Bool) {
        self.importer = importer
        self.mode = mode
        self.sheet = sheet
        self.file = file
        self.isCSV = isCSV
        self.single = single
    }

    var definition: MatrixDefinition { mode.definition }
    var module: Module { importer.module }

    // MARK: Messages

    private func location(_ row: Int?) -> SourceLocation {
        SourceLocation(file: file, line: row.flatMap { sheet.lines[$0] } ?? 0)
    }

    private func place(_ cell: CellAddress) -> String {
        isCSV ? "cell \(cell)" : "sheet '\(sheet.name)': cell \(cell)"
    }

    private func place(row: Int) -> String {
        isCSV ? "row \(row + 1)" : "sheet '\(sheet.name)': row \(row + 1)"
    }

    private mutating func error(_ id: String, _ message: String, row: Int?) {
        diagnostics.append(.error(id, message, at: location(row)))
    }

    private mutating func warning(_ id: String, _ message: String, row: Int?) {
        diagnostics.append(.warning(id, message, at: location(row)))
    }

    private func label(_ column: MatrixDefinition.Column, _ language: String) -> String {
        column.label.resolved(language, fallbacks: module.languages) ?? column.id
    }

    private static func quoted(_ text: String, _ limit: Int = 60) -> String {
        let flat = text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
        return "'" + CellText.printable(flat) + "'"
    }

    // MARK: Run

    mutating func run() -> Outcome {
        guard !sheet.isEmpty else { return .empty }
        let errorsBefore = diagnostics.filter { $0.severity == .error }.count
        let headerRow: Int
        switch mode {
        case .workbook: headerRow = WorkbookLayout.headerRow
        case .plain:
            headerRow = sheet.cells.filter { !$0.value.text.allSatisfy(\.isWhitespace) }.keys.map(\.row).min() ?? 0
        }

        // Header: which sheet column holds each matrix column and member field.
        var columnAt: [String: Int] = [:]
        var memberAt: [MemberField: Int] = [:]
        var headerCells: [String: CellAddress] = [:]
        var languageVotes: [String: Int] = [:]
        var unknown: [(CellAddress, String)] = []
        let headerAddresses = sheet.cells.keys.filter { $0.row == headerRow }.sorted()
        for address in headerAddresses {
            let raw = sheet[address].trimmingCharacters(in: .whitespacesAndNewlines)
            guard !raw.isEmpty else { continue }
            let key = HeaderKey.fold(raw)
            if let (column, languages) = matchColumn(key) {
                if let previous = headerCells[column.id] {
                    error(
                        ImportDiagnosticID.duplicateColumn,
                        "\(place(address)): column \(Self.quoted(raw)) is already in cell \(previous); keep one", row: headerRow)
                    continue
                }
                columnAt[column.id] = address.column
                headerCells[column.id] = address
                for l in languages { languageVotes[l, default: 0] += 1 }
            } else if let field = matchMember(key) {
                if memberAt[field] != nil {
                    error(ImportDiagnosticID.duplicateColumn, "\(place(address)): column \(Self.quoted(raw)) appears twice", row: headerRow)
                    continue
                }
                memberAt[field] = address.column
            } else {
                unknown.append((address, raw))
            }
        }
        if columnAt.isEmpty && memberAt.isEmpty && unknown.isEmpty {
            // Workbook sheet with nothing in row 2 but something elsewhere.
            warning(
                ImportDiagnosticID.noHeader,
                "\(place(row: headerRow)): no matrix header; the sheet was skipped", row: headerRow)
            return .skipped
        }
        if columnAt.isEmpty && !isCSV, case .plain = mode {
            warning(
                ImportDiagnosticID.noHeader,
                "\(place(row: headerRow)): no column of matrix '\(definition.id)' in the first row; the sheet was skipped", row: headerRow)
            return .skipped
        }
        let language: String
        switch mode {
        case .workbook(_, let l): language = l
        case .plain:
            language = languageVotes.max { $0.value == $1.value ? $0.key > $1.key : $0.value < $1.value }?.key ?? module.mainLanguage
        }
        let expected = definition.columns.map { label($0, language) }.map { "'\($0)'" }.joined(separator: ", ")
        for (address, raw) in unknown {
            error(
                ImportDiagnosticID.unknownColumn,
                "\(place(address)): \(Self.quoted(raw)) is not a column of matrix '\(definition.id)'; was it renamed? The columns are \(expected)",
                row: headerRow)
        }
        for (index, column) in definition.columns.enumerated() where columnAt[column.id] == nil {
            let whereTo: String
            if case .workbook = mode {
                whereTo = " (it belongs in cell \(CellAddress(row: headerRow, column: index)))"
            } else {
                whereTo = ""
            }
            error(
                ImportDiagnosticID.missingColumn,
                "\(place(row: headerRow)): column '\(label(column, language))' is missing\(whereTo)", row: headerRow)
        }
        let strings = SheetStrings.for(language)
        let memberNames: [MemberField: String] = [.name: strings.memberName, .sector: strings.memberSector, .role: strings.memberRole]
        if case .workbook = mode {
            let layout = WorkbookLayout(module: module, matrix: definition, language: language, tables: 1)
            let positions: [MemberField: Int] = [
                .name: layout.memberNameColumn, .sector: layout.memberSectorColumn, .role: layout.memberRoleColumn,
            ]
            for field in MemberField.allCases where memberAt[field] == nil {
                error(
                    ImportDiagnosticID.missingColumn,
                    "\(place(row: headerRow)): column '\(memberNames[field]!)' is missing (it belongs in cell \(CellAddress(row: headerRow, column: positions[field]!)))",
                    row: headerRow)
            }
        } else if !memberAt.isEmpty && memberAt[.name] == nil {
            error(ImportDiagnosticID.missingColumn, "\(place(row: headerRow)): member columns need a '\(strings.memberName)' column", row: headerRow)
        }

        // Merged cells over anything read.
        let readColumns = Set(columnAt.values).union(memberAt.values)
        for merge in sheet.merges {
            var touches = (merge.first.column...merge.last.column).contains { readColumns.contains($0) } && merge.last.row >= headerRow
            if case .workbook = mode {
                for cell in [WorkbookLayout.tableNameCell, WorkbookLayout.municipalityCell] where merge.contains(cell) { touches = true }
            }
            if touches {
                error(
                    ImportDiagnosticID.mergedCells,
                    "\(isCSV ? "" : "sheet '\(sheet.name)': ")cells \(merge) are merged; unmerge them so that each column keeps its own text",
                    row: merge.first.row)
            }
        }
        guard diagnostics.filter({ $0.severity == .error }).count == errorsBefore else { return .failed }

        // Table identity.
        var tableName = ""
        var municipality = ""
        if case .workbook = mode {
            tableName = value(at: WorkbookLayout.tableNameCell).trimmingCharacters(in: .whitespacesAndNewlines)
            municipality = value(at: WorkbookLayout.municipalityCell).trimmingCharacters(in: .whitespacesAndNewlines)
        } else if single {
            tableName = option(importer.tableName ?? "", "--table")
            municipality = option(importer.municipality ?? "", "--municipality")
        }

        // Rows: only those that hold cells, in order (a stray cell far down costs nothing).
        var rows: [CompletedMatrix.Row] = []
        var members: [CompletedMatrix.Member] = []
        let readColumnSet = Set(columnAt.values).union(memberAt.values)
        var columnsByRow: [Int: [Int]] = [:]
        for address in sheet.cells.keys where address.row > headerRow { columnsByRow[address.row, default: []].append(address.column) }
        let rowIndexes = columnsByRow.keys.sorted()
        var ignored: [CellAddress] = []
        for row in rowIndexes {
            var cells: [String: String] = [:]
            for column in definition.columns {
                let address = CellAddress(row: row, column: columnAt[column.id]!)
                let text = value(at: address)
                guard !text.allSatisfy(\.isWhitespace) else { continue }
                if let max = column.maxLength, text.count > max, text.utf8.count <= MatrixImporter.maxTextBytes {
                    error(
                        ImportDiagnosticID.tooLong,
                        "\(place(address)): '\(label(column, language))' has \(text.count) characters, over the maximum of \(max); shorten it and import again",
                        row: row)
                }
                cells[column.id] = text
            }
            if !cells.isEmpty {
                let missing = definition.columns.filter { $0.required && cells[$0.id] == nil }
                for column in missing {
                    var why = ""
                    if isCSV, let fields = sheet.fieldCounts[row], let headerFields = sheet.fieldCounts[headerRow], fields < headerFields {
                        why = " (line \(sheet.lines[row] ?? row + 1) has \(fields) field\(fields == 1 ? "" : "s"), the header \(headerFields): are separators missing?)"
                    }
                    error(
                        ImportDiagnosticID.missingRequired,
                        "\(place(CellAddress(row: row, column: columnAt[column.id]!))): the required column '\(label(column, language))' is empty in this row\(why); fill it in, or delete the row's other cells if the row is not meant to be imported",
                        row: row)
                }
                rows.append(CompletedMatrix.Row(cells: cells))
                if rows.count > MatrixImporter.maxRows {
                    error(
                        ImportDiagnosticID.tooManyRows,
                        "\(place(row: row)): more than \(MatrixImporter.maxRows) filled rows in one table; a working table's matrix has tens of rows: is this the right file? Split it into one file per table",
                        row: row)
                    return .failed
                }
            }
            if let nameColumn = memberAt[.name], let member = member(row: row, nameColumn: nameColumn, memberAt: memberAt, strings: strings) {
                members.append(member)
                if members.count > MatrixImporter.maxRows {
                    error(ImportDiagnosticID.tooManyRows, "\(place(row: row)): more than \(MatrixImporter.maxRows) members in one table", row: row)
                    return .failed
                }
            }
            for column in columnsByRow[row]! where !readColumnSet.contains(column) {
                let address = CellAddress(row: row, column: column)
                if !sheet[address].allSatisfy(\.isWhitespace) { ignored.append(address) }
            }
        }
        if !ignored.isEmpty {
            ignored.sort()
            let list = ignored.prefix(5).map { "\($0) \(Self.quoted(sheet[$0], 30))" }.joined(separator: ", ")
            warning(
                ImportDiagnosticID.ignoredCells,
                "\(isCSV ? "" : "sheet '\(sheet.name)': ")\(ignored.count) cell\(ignored.count == 1 ? "" : "s") outside the table's columns \(ignored.count == 1 ? "was" : "were") not imported: \(list)\(ignored.count > 5 ? ", …" : ""); move the text into a column of the matrix if it belongs to the plan",
                row: ignored[0].row)
        }
        guard diagnostics.filter({ $0.severity == .error }).count == errorsBefore else { return .failed }
        if rows.isEmpty && members.isEmpty && tableName.isEmpty && municipality.isEmpty { return .empty }
        if tableName.isEmpty { tableName = CellText(sheet.name).text.trimmingCharacters(in: .whitespacesAndNewlines) }
        if tableName.isEmpty {
            error(ImportDiagnosticID.noTableName, "\(place(row: headerRow)): the table has no name; give it one with --table", row: headerRow)
            return .failed
        }
        return .matrix(
            CompletedMatrix(
                moduleID: module.id, moduleVersion: module.version, matrixID: definition.id, language: language, draft: 1,
                created: importer.timestamp, modified: importer.timestamp, tableName: tableName, municipality: municipality,
                members: members, rows: rows))
    }

    private func matchColumn(_ key: String) -> (MatrixDefinition.Column, [String])? {
        for column in definition.columns {
            if HeaderKey.fold(column.id) == key { return (column, []) }
            let languages = column.label.values.filter { HeaderKey.fold($0.value) == key }.map(\.key)
            if !languages.isEmpty { return (column, languages) }
        }
        return nil
    }

    private func matchMember(_ key: String) -> MemberField? {
        for s in SheetStrings.all {
            if HeaderKey.fold(s.memberName) == key { return .name }
            if HeaderKey.fold(s.memberSector) == key { return .sector }
            if HeaderKey.fold(s.memberRole) == key { return .role }
        }
        switch key {
        case "member-name", "member": return .name
        case "member-sector": return .sector
        case "member-role", "role": return .role
        default: return nil
        }
    }

    private mutating func member(
        row: Int, nameColumn: Int, memberAt: [MemberField: Int], strings: SheetStrings
    ) -> CompletedMatrix.Member? {
        let nameAddress = CellAddress(row: row, column: nameColumn)
        let name = value(at: nameAddress).trimmingCharacters(in: .whitespacesAndNewlines)
        let sectorAddress = memberAt[.sector].map { CellAddress(row: row, column: $0) }
        let sectorText = sectorAddress.map { value(at: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let role = memberAt[.role].map { value(at: CellAddress(row: row, column: $0)) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if name.isEmpty {
            if !sectorText.isEmpty || !role.isEmpty {
                warning(ImportDiagnosticID.memberWithoutName, "\(place(nameAddress)): a member without a name was left out", row: row)
            }
            return nil
        }
        var sector = CompletedMatrix.Sector.other
        if let found = Self.sector(sectorText) {
            sector = found
        } else if let sectorAddress {
            let choices = strings.sectors.map { "'\($0)'" }.joined(separator: ", ")
            warning(
                ImportDiagnosticID.unknownSector,
                sectorText.isEmpty
                    ? "\(place(sectorAddress)): no sector for \(Self.quoted(name)); recorded as '\(strings.sectorLabel(.other))' (choose one of \(choices))"
                    : "\(place(sectorAddress)): \(Self.quoted(sectorText)) is not a sector; recorded as '\(strings.sectorLabel(.other))' (choose one of \(choices))",
                row: row)
        }
        return CompletedMatrix.Member(name: name, sector: sector, role: role.isEmpty ? nil : role)
    }

    static func sector(_ text: String) -> CompletedMatrix.Sector? {
        let key = HeaderKey.fold(text)
        guard !key.isEmpty else { return nil }
        for sector in CompletedMatrix.Sector.allCases {
            if key == sector.rawValue { return sector }
            for s in SheetStrings.all where HeaderKey.fold(s.sectorLabel(sector)) == key { return sector }
        }
        return nil
    }

    /// The value of a command-line option given as table text, cleaned like a cell, with a warning.
    private mutating func option(_ raw: String, _ name: String) -> String {
        let clean = CellText(raw)
        if clean.changed {
            warning(ImportDiagnosticID.removedCharacters, "\(name): \(clean.account); the text was imported as \(Self.quoted(clean.text))", row: nil)
        }
        if clean.text.utf8.count > MatrixImporter.maxTextBytes {
            error(ImportDiagnosticID.tooLong, "\(name): over \(ByteCount.text(MatrixImporter.maxTextBytes)) of text", row: nil)
            return ""
        }
        return clean.text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The text of a cell that is read: line breaks as `\n`; a formula gives its stored value, with a
    /// warning; an error value or a formula without a stored value is an error.
    private mutating func value(at address: CellAddress) -> String {
        guard let cell = sheet.cells[address] else { return "" }
        if cell.kind == .error {
            error(
                ImportDiagnosticID.errorValue,
                "\(place(address)): the cell shows the error \(Self.quoted(cell.text, 20)); correct it in the spreadsheet", row: address.row)
            return ""
        }
        if let formula = cell.formula {
            guard cell.hasCachedValue else {
                error(
                    ImportDiagnosticID.formulaWithoutValue,
                    "\(place(address)): the formula \(Self.quoted(formula, 40)) has no stored value (formulas are never evaluated); open and save the file in Excel or LibreOffice, or type the text instead",
                    row: address.row)
                return ""
            }
            warning(
                ImportDiagnosticID.formula,
                "\(place(address)): the formula \(Self.quoted(formula, 40)) was not evaluated; its stored value \(Self.quoted(cell.text)) was imported",
                row: address.row)
        }
        let text = cell.text.utf8.contains(0x0D)
            ? cell.text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : cell.text
        let clean = CellText(text)
        if clean.changed {
            warning(
                ImportDiagnosticID.removedCharacters,
                "\(place(address)): \(clean.account); the text was imported as \(Self.quoted(clean.text))", row: address.row)
        }
        if clean.text.utf8.count > MatrixImporter.maxTextBytes {
            // What the completed-matrix reader accepts in one text node (matrix cells, names, roles).
            error(
                ImportDiagnosticID.tooLong,
                "\(place(address)): the cell holds \(ByteCount.text(clean.text.utf8.count)) of text, over the limit of \(ByteCount.text(MatrixImporter.maxTextBytes)) for one cell; shorten it and import again",
                row: address.row)
        }
        return clean.text
    }
}
