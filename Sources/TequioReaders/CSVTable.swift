/// A CSV file (RFC 4180: comma-separated, double-quoted fields, `""` for a quote) with the line on
/// which each record starts, for diagnostics.
struct CSVTable {
    struct Record {
        var fields: [String]
        var line: Int
    }

    var records: [Record]

    enum ParseError: Error {
        case unterminatedQuote(line: Int)
        case unexpectedQuote(line: Int, column: Int)
    }

    /// Parses `text`; a trailing newline does not make an empty record, blank lines are skipped.
    static func parse(_ text: String) throws -> CSVTable {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var column = 0
        var recordLine = 1
        var inQuotes = false
        var afterQuote = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func endRecord() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(fields: fields, line: recordLine)) }
            fields = []
        }

        while let c = pending ?? iterator.next() {
            pending = nil
            column += 1
            if inQuotes {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" {
                            field.unicodeScalars.append("\"")
                            column += 1
                        } else {
                            inQuotes = false
                            afterQuote = true
                            pending = next
                        }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" {
                        line += 1
                        column = 0
                    }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case ",":
                fields.append(field)
                field = ""
                afterQuote = false
            case "\r":
                continue
            case "\n":
                endRecord()
                afterQuote = false
                line += 1
                column = 0
                recordLine = line
            case "\"":
                guard field.isEmpty, !afterQuote else { throw ParseError.unexpectedQuote(line: line, column: column) }
                inQuotes = true
            default:
                if afterQuote { throw ParseError.unexpectedQuote(line: line, column: column) }
                field.unicodeScalars.append(c)
            }
        }
        if inQuotes { throw ParseError.unterminatedQuote(line: recordLine) }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return CSVTable(records: records)
    }
}
