import Foundation
import TequioModel
import TequioReaders
import XMLSupport

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

    func location(_ row: Int?) -> SourceLocation {
        SourceLocation(file: file, line: row.flatMap { sheet.lines[$0] } ?? 0)
    }

    func place(_ cell: CellAddress) -> String {
        isCSV ? "cell \(cell)" : "sheet '\(sheet.name)': cell \(cell)"
    }

    func place(row: Int) -> String {
        isCSV ? "row \(row + 1)" : "sheet '\(sheet.name)': row \(row + 1)"
    }

    mutating func error(_ id: ImportDiagnosticID, _ message: String, row: Int?) {
        diagnostics.append(.error(id, message, at: location(row)))
    }

    mutating func warning(_ id: ImportDiagnosticID, _ message: String, row: Int?) {
        diagnostics.append(.warning(id, message, at: location(row)))
    }

    func label(_ column: MatrixDefinition.Column, _ language: String) -> String {
        column.label.resolved(language, fallbacks: module.languages) ?? column.id
    }

    static func quoted(_ text: String, _ limit: Int = 60) -> String {
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
        var titleAt: Int?
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
            } else if matchTitle(key) {
                if titleAt != nil {
                    error(ImportDiagnosticID.duplicateColumn, "\(place(address)): column \(Self.quoted(raw)) appears twice", row: headerRow)
                    continue
                }
                titleAt = address.column
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
        let strings = SheetStrings(importer.catalogue, language: language)
        let memberNames: [MemberField: String] = [.name: strings.memberName, .sector: strings.memberSector, .role: strings.memberRole]
        if case .workbook = mode {
            let layout = WorkbookLayout(module: module, matrix: definition, language: language, tables: 1, catalogue: importer.catalogue)
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
        let readColumns = Set(columnAt.values).union(memberAt.values).union(titleAt.map { [$0] } ?? [])
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
            let title = titleAt.map { self.title(at: CellAddress(row: row, column: $0), hasProblem: !cells.isEmpty, language: language) } ?? ""
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
                rows.append(CompletedMatrix.Row(cells: cells, title: title.isEmpty ? nil : title))
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
            for column in columnsByRow[row]! where !readColumns.contains(column) {
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
}
