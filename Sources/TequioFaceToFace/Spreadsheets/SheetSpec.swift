import TequioModel

/// A format-neutral description of one sheet: the XLSX and ODS writers render the same spec, so both
/// files have the same cells, help, widths and checks.
struct SheetSpec: Sendable {
    enum Style: Int, Sendable, CaseIterable {
        /// Plain text.
        case normal
        /// A bold label (`Mesa de trabajo`).
        case label
        /// A cell to fill in beside a label: boxed, text format.
        case input
        /// A matrix or member header: bold, wrapped, shaded, boxed.
        case header
        /// A cell to write in: text format (so `=`, `+`, `-` stay text), wrapped, top-aligned, boxed.
        case data
        /// Small grey explanation.
        case hint
        /// A sheet title.
        case title
        /// Wrapped text without a box (help sheet).
        case wrapped
        /// An answer a protected sheet leaves open: boxed, shaded, centred, any value (a score, Sí/No).
        case answer
        /// A text answer a protected sheet leaves open: boxed, shaded, wrapped, text format.
        case answerText
        /// A date answer a protected sheet leaves open: boxed, shaded, shown as `2025-03-31`.
        case answerDate

        /// The styles of every workbook. The answer styles are added only to a workbook that uses them,
        /// so the blank matrix workbooks keep their bytes.
        static let basic: [Style] = [.normal, .label, .input, .header, .data, .hint, .title, .wrapped]

        /// Left open when the sheet is protected.
        var isUnlocked: Bool { self == .answer || self == .answerText || self == .answerDate }
    }

    struct Column: Sendable {
        /// Width in characters of the default font.
        var width: Double
        /// The style of cells in this column that have none of their own (rows beyond those written).
        var defaultStyle: Style?
    }

    struct Cell: Sendable {
        var text: String
        var style: Style
    }

    struct Validation: Sendable {
        enum Kind: Sendable, Equatable {
            case maxLength(Int)
            case list([String])
            /// A date from 2000 to 2099.
            case date
            /// A whole number in the range (a percentage).
            case wholeNumber(ClosedRange<Int>)
            /// Any number, whole or not.
            case number
        }
        var kind: Kind
        var range: CellRange
        var errorTitle: String
        var errorMessage: String
        /// A list that refuses other values (by default a list only warns).
        var strict = false
        /// The ODS validation's name, for lists other than the sectors.
        var name: String? = nil
    }

    var name: String
    var columns: [Column] = []
    var cells: [CellAddress: Cell] = [:]
    /// Styled empty cells (boxes to write in) up to this many rows, per column, by style.
    var blankCells: [CellAddress: Style] = [:]
    var rowHeights: [Int: Double] = [:]
    var comments: [CellAddress: String] = [:]
    var validations: [Validation] = []
    /// Rows frozen at the top (and repeated on each printed page).
    var frozenRows = 0
    var isProtected = false
    /// Not shown among the sheet tabs (the scoring workbook's `tequio` sheet).
    var isHidden = false
    var landscape = true
    /// True for the sheet that opens first.
    var isActive = false

    /// Rows that have any cell, styled blank cell or height, in order.
    var lastRow: Int {
        max(cells.keys.map(\.row).max() ?? 0, blankCells.keys.map(\.row).max() ?? 0)
    }

    /// Every position with content or a style, in row then column order.
    var positions: [CellAddress] { Set(cells.keys).union(blankCells.keys).sorted() }

    func style(at address: CellAddress) -> Style? { cells[address]?.style ?? blankCells[address] }
}

/// What the XLSX and ODS writers render: sheets, and the document's title, language and identifier.
protocol SpreadsheetWorkbook: Sendable {
    var sheets: [SheetSpec] { get }
    var title: String { get }
    var language: String { get }
    /// `dc:identifier` of the XLSX core properties.
    var identifier: String { get }
}

extension SpreadsheetWorkbook {
    /// The cell styles to declare: the basic ones, the answer styles when a sheet uses them, and the
    /// date answers' after them when a sheet has one (so the other workbooks keep their bytes).
    func styles(_ sheets: [SheetSpec]) -> [SheetSpec.Style] {
        func uses(_ wanted: (SheetSpec.Style) -> Bool) -> Bool {
            sheets.contains { sheet in
                sheet.cells.values.contains { wanted($0.style) } || sheet.blankCells.values.contains(where: wanted)
                    || sheet.columns.contains { $0.defaultStyle.map(wanted) == true }
            }
        }
        if uses({ $0 == .answerDate }) { return SheetSpec.Style.allCases }
        return uses(\.isUnlocked) ? SheetSpec.Style.basic + [.answer, .answerText] : SheetSpec.Style.basic
    }
}

/// The blank workbook for one matrix in one language, as sheet specs.
struct BlankWorkbook: SpreadsheetWorkbook {
    let layout: WorkbookLayout

    var title: String { "\(layout.moduleTitle) · \(layout.matrixTitle)" }
    var language: String { layout.language }
    var identifier: String { "\(layout.module.id) \(layout.module.version) \(layout.matrix.id)" }

    var sheets: [SheetSpec] {
        var result = layout.tableSheetNames.enumerated().map { tableSheet(named: $0.element, active: $0.offset == 0) }
        result.append(helpSheet())
        result.append(metadataSheet())
        return result
    }

    func tableSheet(named name: String, active: Bool) -> SheetSpec {
        let s = layout.strings
        var sheet = SheetSpec(name: name)
        sheet.isActive = active
        sheet.frozenRows = 2
        for column in layout.matrix.columns {
            sheet.columns.append(.init(width: layout.matrixColumnWidth(column), defaultStyle: .data))
        }
        sheet.columns.append(.init(width: WorkbookLayout.titleWidth, defaultStyle: .data))
        sheet.columns.append(.init(width: WorkbookLayout.spacerWidth, defaultStyle: nil))
        sheet.columns.append(.init(width: WorkbookLayout.memberNameWidth, defaultStyle: .data))
        sheet.columns.append(.init(width: WorkbookLayout.memberSectorWidth, defaultStyle: .data))
        sheet.columns.append(.init(width: WorkbookLayout.memberRoleWidth, defaultStyle: .data))

        sheet.cells[WorkbookLayout.tableNameLabel] = .init(text: s.tableName, style: .label)
        sheet.blankCells[WorkbookLayout.tableNameCell] = .input
        sheet.cells[WorkbookLayout.municipalityLabel] = .init(text: s.municipality, style: .label)
        sheet.blankCells[WorkbookLayout.municipalityCell] = .input
        if let hint = layout.hintCell { sheet.cells[hint] = .init(text: s.hint, style: .hint) }
        sheet.rowHeights[WorkbookLayout.identityRow] = 42
        sheet.rowHeights[WorkbookLayout.headerRow] = 48

        let header = WorkbookLayout.headerRow
        let first = WorkbookLayout.firstDataRow
        let last = first + WorkbookLayout.formattedRows - 1
        for (index, column) in layout.matrix.columns.enumerated() {
            let address = CellAddress(row: header, column: index)
            sheet.cells[address] = .init(text: layout.label(column), style: .header)
            sheet.comments[address] = layout.help(column)
            for row in first...last { sheet.blankCells[CellAddress(row: row, column: index)] = .data }
            if let max = column.maxLength {
                sheet.validations.append(
                    .init(
                        kind: .maxLength(max),
                        range: CellRange(CellAddress(row: first, column: index), CellAddress(row: 999, column: index)),
                        errorTitle: s.tooLongTitle, errorMessage: s.tooLong(max)))
            }
        }
        let title = CellAddress(row: header, column: layout.titleColumn)
        sheet.cells[title] = .init(text: s.shortTitle, style: .header)
        sheet.comments[title] = layout.titleHelp
        for row in first...last { sheet.blankCells[CellAddress(row: row, column: layout.titleColumn)] = .data }
        let maxTitle = CompletedMatrix.Row.maxTitleLength
        sheet.validations.append(
            .init(
                kind: .maxLength(maxTitle),
                range: CellRange(CellAddress(row: first, column: layout.titleColumn), CellAddress(row: 999, column: layout.titleColumn)),
                errorTitle: s.tooLongTitle, errorMessage: s.tooLong(maxTitle)))
        let memberColumns = [
            (layout.memberNameColumn, s.memberName), (layout.memberSectorColumn, s.memberSector),
            (layout.memberRoleColumn, s.memberRole),
        ]
        for (column, text) in memberColumns {
            sheet.cells[CellAddress(row: header, column: column)] = .init(text: text, style: .header)
            for row in first..<(first + WorkbookLayout.memberRows) {
                sheet.blankCells[CellAddress(row: row, column: column)] = .data
            }
        }
        // Row 1 cells outside the identity boxes: plain, not the boxed style of their column.
        for column in 0...layout.lastColumn {
            let address = CellAddress(row: WorkbookLayout.identityRow, column: column)
            if sheet.style(at: address) == nil { sheet.blankCells[address] = .normal }
        }
        sheet.validations.append(
            .init(
                kind: .list(s.sectors),
                range: CellRange(
                    CellAddress(row: first, column: layout.memberSectorColumn),
                    CellAddress(row: 199, column: layout.memberSectorColumn)),
                errorTitle: s.sectorTitle, errorMessage: s.sectorMessage))
        return sheet
    }

    func helpSheet() -> SheetSpec {
        let s = layout.strings
        var sheet = SheetSpec(name: s.helpSheetName)
        sheet.columns = [
            .init(width: 34, defaultStyle: nil), .init(width: 70, defaultStyle: nil),
            .init(width: 13, defaultStyle: nil), .init(width: 13, defaultStyle: nil),
        ]
        sheet.cells[CellAddress(row: 0, column: 0)] = .init(text: title, style: .title)
        sheet.cells[CellAddress(row: 1, column: 0)] = .init(text: s.helpIntro, style: .hint)
        let headerRow = 3
        for (i, text) in [s.helpColumn, s.helpText, s.helpRequired, s.helpMaximum].enumerated() {
            sheet.cells[CellAddress(row: headerRow, column: i)] = .init(text: text, style: .header)
        }
        for (i, column) in layout.matrix.columns.enumerated() {
            let row = headerRow + 1 + i
            sheet.cells[CellAddress(row: row, column: 0)] = .init(text: layout.label(column), style: .label)
            sheet.cells[CellAddress(row: row, column: 1)] = .init(
                text: column.help.resolved(layout.language, fallbacks: layout.module.languages) ?? "", style: .wrapped)
            sheet.cells[CellAddress(row: row, column: 2)] = .init(text: column.required ? s.yes : s.no, style: .wrapped)
            if let max = column.maxLength {
                sheet.cells[CellAddress(row: row, column: 3)] = .init(text: String(max), style: .wrapped)
            }
        }
        let titleRow = headerRow + 1 + layout.matrix.columns.count
        sheet.cells[CellAddress(row: titleRow, column: 0)] = .init(text: s.shortTitle, style: .label)
        sheet.cells[CellAddress(row: titleRow, column: 1)] = .init(text: s.titleHelp, style: .wrapped)
        sheet.cells[CellAddress(row: titleRow, column: 2)] = .init(text: s.no, style: .wrapped)
        sheet.cells[CellAddress(row: titleRow, column: 3)] = .init(text: String(CompletedMatrix.Row.maxTitleLength), style: .wrapped)
        sheet.landscape = false
        return sheet
    }

    func metadataSheet() -> SheetSpec {
        var sheet = SheetSpec(name: WorkbookLayout.metadataSheetName)
        sheet.columns = [.init(width: 18, defaultStyle: nil), .init(width: 40, defaultStyle: nil)]
        sheet.cells[CellAddress(row: 0, column: 0)] = .init(text: layout.strings.metadataNote, style: .hint)
        for (i, entry) in layout.metadata.enumerated() {
            let row = WorkbookLayout.metadataFirstRow + i
            sheet.cells[CellAddress(row: row, column: 0)] = .init(text: entry.key, style: .label)
            sheet.cells[CellAddress(row: row, column: 1)] = .init(text: entry.value, style: .normal)
        }
        sheet.isProtected = true
        sheet.landscape = false
        return sheet
    }
}
