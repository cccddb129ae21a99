import Foundation
import TequioModel

/// Reads a CSV file as one sheet: strict UTF-8 with or without a byte-order mark, fields separated by
/// `,`, `;` or tab (whichever the first line uses most outside quotes), double-quoted fields that may
/// hold separators, quotes (`""`) and line breaks. Every row remembers the line it starts on and how
/// many fields it has.
///
/// The bytes are parsed as they are (separators, quotes and line ends are ASCII, which UTF-8 never uses
/// inside a multi-byte character), and reading stops at the first row over `maxRows`, so a huge file
/// costs neither time nor memory before it is refused.
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

    func read() throws -> SpreadsheetDocument {
        guard data.count <= Self.maxBytes else { throw Self.tooLarge(data.count, path: path) }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if Self.looksLikeUTF16(bytes) {
            throw SpreadsheetReadError([
                .error(
                    ImportDiagnosticID.notUTF8,
                    "the file is UTF-16 (Excel's “Unicode Text”), not UTF-8; save it as “CSV UTF-8 (comma delimited)” in Excel, or as CSV with the UTF-8 character set in LibreOffice",
                    at: SourceLocation(file: path, line: 1))
            ])
        }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            let line = Self.lineOfFirstInvalidByte(bytes)
            throw SpreadsheetReadError([
                .error(
                    ImportDiagnosticID.notUTF8,
                    "file is not valid UTF-8; save it as “CSV UTF-8” (Excel) or with the UTF-8 character set (LibreOffice)",
                    at: SourceLocation(file: path, line: line))
            ])
        }
        return try bytes.withUnsafeBytes { raw in
            try parse(raw.bindMemory(to: UInt8.self))
        }
    }

    private func parse(_ b: UnsafeBufferPointer<UInt8>) throws -> SpreadsheetDocument {
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        let separator = Self.detectSeparator(b)
        var sheet = Sheet(name: sheetName)
        var row = 0
        var column = 0
        var field: [UInt8] = []
        var line = 1
        var rowLine = 1
        var i = 0
        var quoted = false
        var rowsWithContent = 0
        var rowHasContent = false
        let n = b.count

        func endField() {
            if !field.isEmpty {
                sheet.cells[CellAddress(row: row, column: column)] = SheetCell(text: String(decoding: field, as: UTF8.self))
                rowHasContent = true
                field.removeAll(keepingCapacity: true)
            }
            column += 1
        }
        func endRow() throws {
            endField()
            sheet.lines[row] = rowLine
            sheet.fieldCounts[row] = column
            if rowHasContent {
                rowsWithContent += 1
                if rowsWithContent > Self.maxRows {
                    throw SpreadsheetReadError([
                        .error(
                            ImportDiagnosticID.tooManyRows,
                            "more than \(SpreadsheetFile.maxRows) rows under the header; a working table's matrix has tens of rows: is this the right file? Split it into one file per table",
                            at: SourceLocation(file: path, line: rowLine))
                    ])
                }
            }
            row += 1
            column = 0
            rowHasContent = false
        }

        while i < n {
            let c = b[i]
            if quoted {
                if c == quote {
                    if i + 1 < n, b[i + 1] == quote {
                        field.append(quote)
                        i += 2
                        continue
                    }
                    quoted = false
                    i += 1
                    // After a closing quote only a separator or the end of the record may follow.
                    if i < n, b[i] != separator, b[i] != lf, b[i] != cr {
                        throw syntax("unexpected character after a closing quote", line: line)
                    }
                    continue
                }
                if c == cr, i + 1 < n, b[i + 1] == lf {
                    i += 1
                    continue
                }
                if c == lf { line += 1 }
                field.append(c == cr ? lf : c)
                i += 1
                continue
            }
            switch c {
            case separator:
                endField()
            case cr, lf:
                if c == cr, i + 1 < n, b[i + 1] == lf { i += 1 }
                try endRow()
                line += 1
                rowLine = line
            case quote where field.isEmpty:
                quoted = true
            default:
                if c == quote { throw syntax("a quote inside an unquoted field; put the whole field in quotes and double the quote", line: line) }
                field.append(c)
            }
            i += 1
        }
        if quoted { throw syntax("a quoted field is not closed", line: rowLine) }
        if !field.isEmpty || column > 0 { try endRow() }
        return SpreadsheetDocument(kind: .csv, path: path, sheets: [sheet])
    }

    static func tooLarge(_ size: Int, path: String) -> SpreadsheetReadError {
        SpreadsheetReadError([
            .error(
                ImportDiagnosticID.tooLarge,
                "the file is \(ByteCount.text(size)), over the limit of \(ByteCount.text(maxBytes)) for one table; a working table's matrix is a few hundred kilobytes: is this the right file? Split it into one file per table",
                at: SourceLocation(file: path))
        ])
    }

    /// A byte-order mark of UTF-16, or NUL bytes between most characters of the first line.
    static func looksLikeUTF16(_ data: Data) -> Bool {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) { return true }
        let head = data.prefix(200)
        guard head.count >= 4 else { return false }
        let zeros = head.filter { $0 == 0 }.count
        return zeros * 3 >= head.count
    }

    private func syntax(_ message: String, line: Int) -> SpreadsheetReadError {
        SpreadsheetReadError([.error(ImportDiagnosticID.csvSyntax, message, at: SourceLocation(file: path, line: line))])
    }

    /// `,`, `;` or tab: the one found most often outside quotes on the first line (`,` on a tie).
    static func detectSeparator(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        let candidates = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]
        var counts = [0, 0, 0]
        var quoted = false
        for c in bytes {
            if c == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted && (c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r")) { break }
            if !quoted, let k = candidates.firstIndex(of: c) { counts[k] += 1 }
        }
        var best = 0
        for k in 1..<3 where counts[k] > counts[best] { best = k }
        return counts[best] > 0 ? candidates[best] : candidates[0]
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
