import Foundation
import TequioModel

/// Reads a CSV file as one sheet through `CSVTable`: strict UTF-8 with or without a byte-order mark,
/// fields separated by `,`, `;` or tab (whichever the first line uses most outside quotes),
/// double-quoted fields that may hold separators, quotes (`""`) and line breaks. Every row remembers
/// the line it starts on and how many fields it has.
///
/// Reading stops at the first row over `maxRows`, so a huge file costs neither time nor memory before
/// it is refused.
struct CSVReader {
    let data: Data
    let path: String
    /// The sheet's name: the file name without its extension.
    let sheetName: String
    /// Largest file read: what the completed-matrix reader accepts (the output is never smaller than
    /// the text it holds).
    static let maxBytes = 16 << 20
    /// Most rows with content, the header included.
    static let maxRows = SpreadsheetFile.maxRows + 1
    static let options = CSVTable.Options(separators: [",", ";", "\t"], maxBytes: maxBytes, maxRecordsWithContent: maxRows)

    /// Reads the file at `url`, refused by its size before it is read.
    static func read(_ url: URL, path: String, sheetName: String) throws -> SpreadsheetDocument {
        let data: Data
        do throws(CSVTable.ReadError) {
            data = try CSVTable.contents(of: url, maxBytes: maxBytes)
        } catch {
            throw SpreadsheetReadError([diagnostic(error, path: path)])
        }
        return try CSVReader(data: data, path: path, sheetName: sheetName).read()
    }

    func read() throws -> SpreadsheetDocument {
        let table: CSVTable
        do throws(CSVTable.ReadError) {
            table = try CSVTable.read(data, options: Self.options)
        } catch {
            throw SpreadsheetReadError([Self.diagnostic(error, path: path)])
        }
        var sheet = Sheet(name: sheetName)
        for (row, record) in table.records.enumerated() {
            sheet.lines[row] = record.line
            sheet.fieldCounts[row] = record.fieldCount
            sheet.fieldStarts[row] = record.starts
            for field in record.values {
                sheet.cells[CellAddress(row: row, column: field.index)] = SheetCell(text: field.text)
            }
        }
        return SpreadsheetDocument(kind: .csv, path: path, sheets: [sheet])
    }

    static func diagnostic(_ error: CSVTable.ReadError, path: String) -> Diagnostic {
        func syntax(_ message: String, line: Int) -> Diagnostic {
            .error(ImportDiagnosticID.csvSyntax, message, at: SourceLocation(file: path, line: line))
        }
        switch error {
        case .tooLarge(let size):
            return .error(
                ImportDiagnosticID.tooLarge,
                "the file is \(ByteCount.text(size)), over the limit of \(ByteCount.text(maxBytes)) for one table; a working table's matrix is a few hundred kilobytes: is this the right file? Split it into one file per table",
                at: SourceLocation(file: path))
        case .unreadable:
            return .error(ImportDiagnosticID.io, "cannot read the file", at: SourceLocation(file: path))
        case .utf16:
            return .error(
                ImportDiagnosticID.notUTF8,
                "the file is UTF-16 (Excel's “Unicode Text”), not UTF-8; save it as “CSV UTF-8 (comma delimited)” in Excel, or as CSV with the UTF-8 character set in LibreOffice",
                at: SourceLocation(file: path, line: 1))
        case .notUTF8(let line, _):
            return .error(
                ImportDiagnosticID.notUTF8,
                "file is not valid UTF-8; save it as “CSV UTF-8” (Excel) or with the UTF-8 character set (LibreOffice)",
                at: SourceLocation(file: path, line: line))
        case .unclosedQuote(let line):
            return syntax("a quoted field is not closed", line: line)
        case .quoteInUnquotedField(let line, _):
            return syntax("a quote inside an unquoted field; put the whole field in quotes and double the quote", line: line)
        case .textAfterClosingQuote(let line, _):
            return syntax("unexpected character after a closing quote", line: line)
        case .tooManyRecords(let line):
            return .error(
                ImportDiagnosticID.tooManyRows,
                "more than \(SpreadsheetFile.maxRows) rows under the header: is this the right file? A working table's matrix has tens of rows (split the file into one per table); a score CSV has a line per plan and item (split it into one per evaluator)",
                at: SourceLocation(file: path, line: line))
        }
    }
}

/// Sizes for messages: `16 MiB`, `20.3 MiB`, `512 KiB`.
public enum ByteCount {
    public static func text(_ bytes: Int) -> String {
        if bytes >= 1 << 20 {
            let mib = Double(bytes) / Double(1 << 20)
            return mib == mib.rounded() ? "\(Int(mib)) MiB" : String(format: "%.2f MiB", mib)
        }
        if bytes >= 1 << 10 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}
