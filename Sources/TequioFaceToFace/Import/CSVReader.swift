import Foundation
import TequioModel

/// Reads a CSV file as one sheet: strict UTF-8 with or without a byte-order mark, fields separated by
/// `,`, `;` or tab (whichever the first line uses most outside quotes), double-quoted fields that may
/// hold separators, quotes (`""`) and line breaks. Every row remembers the line it starts on.
struct CSVReader {
    let data: Data
    let path: String
    /// The sheet's name: the file name without its extension.
    let sheetName: String
    static let maxBytes = 32 << 20

    func read() throws -> SpreadsheetDocument {
        guard data.count <= Self.maxBytes else {
            throw SpreadsheetReadError([
                .error(ImportDiagnosticID.tooManyCells, "file is \(data.count) bytes, over the limit of \(Self.maxBytes)", at: SourceLocation(file: path))
            ])
        }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let line = Self.lineOfFirstInvalidByte(bytes)
            throw SpreadsheetReadError([
                .error(
                    ImportDiagnosticID.notUTF8,
                    "file is not valid UTF-8; save it as “CSV UTF-8” (Excel) or with the UTF-8 character set (LibreOffice)",
                    at: SourceLocation(file: path, line: line))
            ])
        }
        let scalars = Array(text.unicodeScalars)
        let separator = Self.detectSeparator(scalars)
        var sheet = Sheet(name: sheetName)
        var row = 0
        var column = 0
        var field = String.UnicodeScalarView()
        var line = 1
        var rowLine = 1
        var i = 0
        var quoted = false
        var rowHasContent = false

        func endField() {
            if !field.isEmpty {
                sheet.cells[CellAddress(row: row, column: column)] = SheetCell(text: String(field))
                rowHasContent = true
            }
            field = String.UnicodeScalarView()
            column += 1
        }
        func endRow() {
            endField()
            sheet.lines[row] = rowLine
            row += 1
            column = 0
            rowHasContent = false
        }

        while i < scalars.count {
            let c = scalars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < scalars.count, scalars[i + 1] == "\"" {
                        field.append("\"")
                        i += 2
                        continue
                    }
                    quoted = false
                    i += 1
                    // After a closing quote only a separator or the end of the record may follow.
                    if i < scalars.count, scalars[i] != separator, scalars[i] != "\n", scalars[i] != "\r" {
                        throw syntax("unexpected character after a closing quote", line: line)
                    }
                    continue
                }
                if c == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" {
                    i += 1
                    continue
                }
                if c == "\n" { line += 1 }
                field.append(c == "\r" ? "\n" : c)
                i += 1
                continue
            }
            switch c {
            case separator:
                endField()
            case "\r", "\n":
                if c == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" { i += 1 }
                endRow()
                line += 1
                rowLine = line
            case "\"" where field.isEmpty:
                quoted = true
            default:
                if c == "\"" { throw syntax("a quote inside an unquoted field; put the whole field in quotes and double the quote", line: line) }
                field.append(c)
            }
            i += 1
        }
        if quoted { throw syntax("a quoted field is not closed", line: rowLine) }
        if !field.isEmpty || column > 0 { endRow() }
        _ = rowHasContent
        return SpreadsheetDocument(kind: .csv, path: path, sheets: [sheet])
    }

    private func syntax(_ message: String, line: Int) -> SpreadsheetReadError {
        SpreadsheetReadError([.error(ImportDiagnosticID.csvSyntax, message, at: SourceLocation(file: path, line: line))])
    }

    /// `,`, `;` or tab: the one found most often outside quotes on the first line (`,` on a tie).
    static func detectSeparator(_ scalars: [Unicode.Scalar]) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for c in scalars {
            if c == "\"" { quoted.toggle() }
            if !quoted && (c == "\n" || c == "\r") { break }
            if !quoted, counts[c] != nil { counts[c]! += 1 }
        }
        let best = [",", ";", "\t"].map { Unicode.Scalar($0)! }.max { counts[$0]! < counts[$1]! }!
        return counts[best]! > 0 ? best : ","
    }

    static func lineOfFirstInvalidByte(_ data: Data) -> Int {
        var line = 1
        var i = data.startIndex
        while i < data.endIndex {
            let end = min(data.endIndex, i + 4)
            // Advance over valid sequences by trying to decode growing prefixes.
            if data[i] < 0x80 {
                if data[i] == 0x0A { line += 1 }
                i += 1
                continue
            }
            var ok = false
            for length in 2...4 where i + length <= end {
                if String(validating: data[i..<(i + length)], as: UTF8.self) != nil {
                    i += length
                    ok = true
                    break
                }
            }
            if !ok { return line }
        }
        return line
    }
}
