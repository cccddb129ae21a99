import TequioModel

/// What a reader gets out of a spreadsheet file, before any meaning is given to it: sheets of text
/// cells. XLSX, ODS and CSV readers all produce this.
public struct SpreadsheetDocument: Sendable {
    public enum Kind: String, Sendable { case xlsx, ods, csv }

    public var kind: Kind
    /// The file name used in messages (`plan.xlsx`).
    public var path: String
    public var sheets: [Sheet]

    public init(kind: Kind, path: String, sheets: [Sheet]) {
        self.kind = kind
        self.path = path
        self.sheets = sheets
    }

    public func sheet(named name: String) -> Sheet? { sheets.first { $0.name == name } }
}

/// One sheet: non-empty cells by address, merged ranges, and (for CSV) the line each row starts on.
public struct Sheet: Sendable {
    public var name: String
    public var cells: [CellAddress: SheetCell]
    public var merges: [CellRange]
    public var hidden: Bool
    /// For CSV: the 1-based line of each row, for `file:line` locations.
    public var lines: [Int: Int]
    /// For CSV: how many fields each row has (to explain a short row).
    public var fieldCounts: [Int: Int] = [:]
    /// For CSV: where each field of each row starts, for `file:line:col` locations.
    public var fieldStarts: [Int: [CSVTable.Position]] = [:]

    public init(name: String, cells: [CellAddress: SheetCell] = [:], merges: [CellRange] = [], hidden: Bool = false, lines: [Int: Int] = [:]) {
        self.name = name
        self.cells = cells
        self.merges = merges
        self.hidden = hidden
        self.lines = lines
    }

    /// The text at `address`, or `""`.
    public subscript(address: CellAddress) -> String { cells[address]?.text ?? "" }

    /// For CSV: `file:line:col` of the field at `address`; only the line for a field the row lacks.
    public func location(_ address: CellAddress, file: String) -> SourceLocation {
        if let starts = fieldStarts[address.row], starts.indices.contains(address.column) {
            return SourceLocation(file: file, line: starts[address.column].line, column: starts[address.column].column)
        }
        return SourceLocation(file: file, line: lines[address.row] ?? 0)
    }

    public var isEmpty: Bool { cells.values.allSatisfy { $0.text.allSatisfy(\.isWhitespace) } }
    public var lastRow: Int { cells.keys.map(\.row).max() ?? -1 }
}

/// A cell as stored: its text (for a formula, the value last calculated by the spreadsheet program,
/// never evaluated here), and what kind of value it was.
public struct SheetCell: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case text
        case number
        case boolean
        /// An error value such as `#REF!`.
        case error
    }

    public var text: String
    public var kind: Kind
    /// The formula, when the cell holds one (`=A1&B1`, `of:=[.A1]&[.B1]`).
    public var formula: String?
    /// False for a formula whose result the file does not contain.
    public var hasCachedValue: Bool
    /// The day of an ODS date cell (`2025-03-31`), whatever its text shows. An XLSX date is a number of
    /// days (`kind == .number`): only the reader of that cell knows it is a date.
    public var date: String?

    public init(text: String, kind: Kind = .text, formula: String? = nil, hasCachedValue: Bool = true, date: String? = nil) {
        self.text = text
        self.kind = kind
        self.formula = formula
        self.hasCachedValue = hasCachedValue
        self.date = date
    }
}

/// Why a spreadsheet could not be read at all.
public struct SpreadsheetReadError: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
