import TequioModel
import TequioReaders

/// Which of Tequio's workbooks a spreadsheet is: the value of the `format` row of its `tequio` sheet
/// (`tequio-blank-matrix-1`, `tequio-scoring-workbook-1`, `tequio-tracking-workbook-1`), or nil.
public enum WorkbookFormat {
    public static func of(_ document: SpreadsheetDocument) -> String? {
        guard document.kind != .csv, let sheet = document.sheet(named: WorkbookLayout.metadataSheetName) else { return nil }
        for (address, cell) in sheet.cells.sorted(by: { $0.key < $1.key }) where address.column == 0 {
            if cell.text.trimmingCharacters(in: .whitespacesAndNewlines) == MetadataKey.format {
                return sheet[CellAddress(row: address.row, column: 1)].trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        return nil
    }
}

/// Reading a `tequio` sheet: a key in column A, its values from column B, each trimmed and without the
/// characters XML cannot hold.
extension Sheet {
    /// The rows that have a key, in order.
    var keyRows: [Int] { Set(cells.keys.filter { $0.column == 0 }.map(\.row)).sorted() }

    func metadataText(_ row: Int, _ column: Int) -> String {
        CellText(self[CellAddress(row: row, column: column)]).text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
