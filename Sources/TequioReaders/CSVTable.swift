import Foundation
import XMLSupport

/// The one CSV reader: a module's data files (`ModuleBuilder`, comma-separated) and filled tables
/// (`CSVReader`, comma, semicolon or tab) are both read here.
///
/// RFC 4180 fields: double-quoted fields may hold separators, quotes (`""`) and line breaks. Strict
/// UTF-8, with or without a byte-order mark; a UTF-16 file is named as such. A record ends at LF,
/// CRLF or a lone CR; inside quotes, CRLF and a lone CR become LF. Every record remembers the line it
/// starts on, how many fields it has and where each starts; only its non-empty fields are stored.
///
/// The bytes are parsed as they are (separators, quotes and line ends are ASCII, which UTF-8 never uses
/// inside a multi-byte character), and reading stops at the first record over
/// `Options.maxRecordsWithContent`, so a huge file costs neither time nor memory before it is refused.
public struct CSVTable: Sendable {
    /// A field that is not empty, by its 0-based position in the record.
    public struct Field: Sendable, Equatable {
        public var index: Int
        public var text: String
    }

    /// A place in the file: 1-based line and column, the column in Unicode scalars.
    public struct Position: Sendable, Equatable {
        public var line: Int
        public var column: Int
    }

    public struct Record: Sendable {
        /// The 1-based line on which the record starts.
        public var line: Int
        /// How many fields the record has, empty ones included: a blank line has one.
        public var fieldCount: Int
        /// The fields that are not empty, in order.
        public var values: [Field]
        /// Where each field starts (at its opening quote, if quoted), empty ones included: a field after
        /// a quoted line break starts on a later line than its record.
        public var starts: [Position]

        /// Every field, empty ones included.
        public var fields: [String] {
            var all = Array(repeating: "", count: fieldCount)
            for value in values { all[value.index] = value.text }
            return all
        }

        /// One empty field: a blank line (or a line holding only `""`).
        public var isBlank: Bool { fieldCount == 1 && values.isEmpty }
    }

    public struct Options: Sendable {
        /// The separators a file may use; with more than one, the one the first line uses most outside
        /// quotes (the first of them on a tie, or when the line has none).
        public var separators: [UInt8]
        /// Largest file read, in bytes.
        public var maxBytes: Int
        /// Most records with a non-empty field; nil for no limit.
        public var maxRecordsWithContent: Int?

        public init(separators: [Unicode.Scalar] = [","], maxBytes: Int, maxRecordsWithContent: Int? = nil) {
            self.separators = separators.map { UInt8(ascii: $0) }
            self.maxBytes = maxBytes
            self.maxRecordsWithContent = maxRecordsWithContent
        }
    }

    /// Why a file is not read. Each caller words its own message; lines and columns are 1-based,
    /// columns in Unicode scalars.
    public enum ReadError: Error, Equatable, Sendable {
        /// Over `Options.maxBytes`.
        case tooLarge(bytes: Int)
        /// The file could not be read.
        case unreadable
        /// A UTF-16 byte-order mark, or NUL bytes between most characters of the start.
        case utf16
        case notUTF8(line: Int, column: Int)
        /// A quoted field runs to the end of the file; the line is the record's.
        case unclosedQuote(line: Int)
        /// A quote after the start of a field that did not start with one.
        case quoteInUnquotedField(line: Int, column: Int)
        /// Something other than a separator or a line end right after a closing quote.
        case textAfterClosingQuote(line: Int, column: Int)
        /// The record that goes over `Options.maxRecordsWithContent`.
        case tooManyRecords(line: Int)
    }

    public var records: [Record]
    /// The separator used (detected when `Options.separators` offers more than one).
    public var separator: UInt8

    /// Reads the file at `url`: refused by its size before it is read.
    public static func read(contentsOf url: URL, options: Options) throws(ReadError) -> CSVTable {
        try read(try contents(of: url, maxBytes: options.maxBytes), options: options)
    }

    /// The bytes of the file at `url`, refused by its size before they are read.
    public static func contents(of url: URL, maxBytes: Int) throws(ReadError) -> Data {
        let size = try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize
        if let size, size > maxBytes { throw .tooLarge(bytes: size) }
        // An empty file is not read through Foundation, which leaks 4 KiB on each (see SafeXMLParser.readFile).
        guard let data = size == 0 ? Data() : FileManager.default.contents(atPath: url.path) else { throw .unreadable }
        return data
    }

    public static func read(_ data: Data, options: Options) throws(ReadError) -> CSVTable {
        guard data.count <= options.maxBytes else { throw .tooLarge(bytes: data.count) }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if looksLikeUTF16(bytes) { throw .utf16 }
        if let bad = UTF8Check.firstInvalidByte(in: bytes) { throw .notUTF8(line: bad.line, column: bad.column) }
        let result = bytes.withUnsafeBytes { raw in
            let buffer = raw.bindMemory(to: UInt8.self)
            let separator = detectSeparator(buffer, among: options.separators)
            return Result { () throws(ReadError) in
                CSVTable(records: try parse(buffer, separator: separator, maxRecords: options.maxRecordsWithContent), separator: separator)
            }
        }
        return try result.get()
    }

    private static func parse(_ b: UnsafeBufferPointer<UInt8>, separator: UInt8, maxRecords: Int?) throws(ReadError) -> [Record] {
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var records: [Record] = []
        var values: [Field] = []
        var starts: [Position] = []
        var fieldStart = Position(line: 1, column: 1)
        var fieldIndex = 0
        var field: [UInt8] = []
        var line = 1
        var lineStart = 0
        var recordLine = 1
        var recordsWithContent = 0
        var quoted = false
        var i = 0
        let n = b.count
        // The last column counted, so that counting every field's start costs one pass over the line.
        var counted = (byte: 0, column: 1)

        /// The column of byte `at` on its line, in Unicode scalars.
        func column(_ at: Int) -> Int {
            if counted.byte < lineStart || counted.byte > at { counted = (lineStart, 1) }
            for k in counted.byte..<at where b[k] & 0xC0 != 0x80 { counted.column += 1 }
            counted.byte = at
            return counted.column
        }
        func endField() {
            if !field.isEmpty {
                values.append(Field(index: fieldIndex, text: String(decoding: field, as: UTF8.self)))
                field.removeAll(keepingCapacity: true)
            }
            starts.append(fieldStart)
            fieldIndex += 1
        }
        func endRecord() throws(ReadError) {
            endField()
            if !values.isEmpty, let maxRecords {
                recordsWithContent += 1
                if recordsWithContent > maxRecords { throw .tooManyRecords(line: recordLine) }
            }
            records.append(Record(line: recordLine, fieldCount: fieldIndex, values: values, starts: starts))
            values = []
            starts = []
            fieldIndex = 0
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
                    if i < n, b[i] != separator, b[i] != lf, b[i] != cr { throw .textAfterClosingQuote(line: line, column: column(i)) }
                    continue
                }
                if c == cr, i + 1 < n, b[i + 1] == lf {
                    i += 1
                    continue
                }
                if c == lf {
                    line += 1
                    lineStart = i + 1
                }
                field.append(c == cr ? lf : c)
                i += 1
                continue
            }
            switch c {
            case separator:
                endField()
                fieldStart = Position(line: line, column: column(i + 1))
            case cr, lf:
                if c == cr, i + 1 < n, b[i + 1] == lf { i += 1 }
                try endRecord()
                line += 1
                lineStart = i + 1
                recordLine = line
                fieldStart = Position(line: line, column: 1)
            case quote where field.isEmpty:
                quoted = true
            case quote:
                throw .quoteInUnquotedField(line: line, column: column(i))
            default:
                field.append(c)
            }
            i += 1
        }
        if quoted { throw .unclosedQuote(line: recordLine) }
        if !field.isEmpty || fieldIndex > 0 { try endRecord() }
        return records
    }

    /// A byte-order mark of UTF-16, or NUL bytes between most characters of the first line.
    static func looksLikeUTF16(_ data: Data) -> Bool {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) { return true }
        let head = data.prefix(200)
        guard head.count >= 4 else { return false }
        let zeros = head.filter { $0 == 0 }.count
        return zeros * 3 >= head.count
    }

    /// Of `candidates`, the one found most often outside quotes on the first line (the first on a tie).
    static func detectSeparator(_ bytes: UnsafeBufferPointer<UInt8>, among candidates: [UInt8]) -> UInt8 {
        guard candidates.count > 1 else { return candidates.first ?? UInt8(ascii: ",") }
        var counts = Array(repeating: 0, count: candidates.count)
        var quoted = false
        for c in bytes {
            if c == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted && (c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r")) { break }
            if !quoted, let k = candidates.firstIndex(of: c) { counts[k] += 1 }
        }
        var best = 0
        for k in 1..<candidates.count where counts[k] > counts[best] { best = k }
        return counts[best] > 0 ? candidates[best] : candidates[0]
    }
}
