/// A PDF's objects by number, read through its cross-reference table (ISO 32000-1 §7.5.4), with each
/// stream's data as it was (still compressed). Reads what cairo writes: one table, generation 0.
struct PDFFile {
    struct Stream {
        var dictionary: PDFDictionary
        var data: ArraySlice<UInt8>
    }

    enum Entry {
        case object(PDFObject)
        case stream(Stream)
        /// An object other than a stream, already in PDF syntax: what `DirectCanvas` writes by the
        /// thousand (structure elements), without a `PDFObject` tree for each.
        case written([UInt8])
    }

    var objects: [Int: Entry] = [:]
    var trailer: PDFDictionary
    /// The number the next added object gets.
    private(set) var nextNumber = 1

    init(_ bytes: [UInt8]) throws {
        guard bytes.starts(with: Array("%PDF-".utf8)) else { throw PDFError("PDF syntax: not a PDF (no %PDF- header)") }
        var parser = PDFParser(bytes, at: try Self.startXref(bytes))
        try parser.keyword("xref")
        var offsets: [Int: Int] = [:]
        while !parser.skip("trailer") {
            let first = try parser.object().integer
            let count = try parser.object().integer
            guard let first, let count, first >= 0, count >= 0 else { throw parser.error("a cross-reference subsection") }
            for number in first..<(first + count) {
                let offset = try parser.object().integer
                _ = try parser.object()
                parser.skipSpace()
                guard let offset, parser.position < bytes.count else { throw parser.error("a cross-reference entry") }
                let kind = bytes[parser.position]
                parser.position += 1
                if kind == UInt8(ascii: "n") { offsets[number] = offset }
            }
        }
        parser.skipSpace()
        guard parser.position < bytes.count, bytes[parser.position] == UInt8(ascii: "<") else { throw parser.error("the trailer dictionary") }
        trailer = try parser.dictionary()
        for (number, offset) in offsets {
            objects[number] = try Self.entry(number, at: offset, in: bytes, offsets: offsets)
        }
        nextNumber = max(trailer["Size"]?.integer ?? 0, (objects.keys.max() ?? 0) + 1)
    }

    /// Adds `object` under a new number and returns the number.
    mutating func add(_ object: PDFObject) -> Int {
        objects[nextNumber] = .object(object)
        nextNumber += 1
        return nextNumber - 1
    }

    /// The object `reference` names, or the object itself when it is not a reference.
    func resolve(_ object: PDFObject?) -> PDFObject? {
        guard let object else { return nil }
        guard case .reference(let n) = object else { return object }
        if case .object(let o)? = objects[n] { return o }
        return nil
    }

    /// The offset `startxref` gives, from the last kilobyte.
    static func startXref(_ bytes: [UInt8]) throws -> Int {
        let tail = Array(bytes.suffix(1024))
        let keyword = Array("startxref".utf8)
        guard let at = (0...max(0, tail.count - keyword.count)).last(where: { tail[$0...].starts(with: keyword) }) else {
            throw PDFError("PDF syntax: no startxref")
        }
        var parser = PDFParser(tail, at: at + keyword.count)
        guard let offset = try parser.object().integer, offset < bytes.count else { throw PDFError("PDF syntax: startxref out of the file") }
        return offset
    }

    static func entry(_ number: Int, at offset: Int, in bytes: [UInt8], offsets: [Int: Int]) throws -> Entry {
        guard offset < bytes.count else { throw PDFError("PDF syntax: object \(number) out of the file") }
        var parser = PDFParser(bytes, at: offset)
        guard try parser.objectHeader() == number else { throw parser.error("object \(number)", at: offset) }
        let object = try parser.object()
        guard parser.skip("stream") else {
            try parser.keyword("endobj")
            return .object(object)
        }
        guard case .dictionary(let dictionary) = object else { throw parser.error("a stream dictionary", at: offset) }
        // The data starts after the end of line that follows `stream` (CR LF or LF).
        if parser.position < bytes.count && bytes[parser.position] == 0x0D { parser.position += 1 }
        if parser.position < bytes.count && bytes[parser.position] == 0x0A { parser.position += 1 }
        let start = parser.position
        let length: Int?
        switch dictionary["Length"] {
        case .reference(let n)?:
            guard let at = offsets[n] else { throw parser.error("the length of stream \(number)") }
            var lengthParser = PDFParser(bytes, at: at)
            _ = try lengthParser.objectHeader()
            length = try lengthParser.object().integer
        case let value?: length = value.integer
        case nil: length = nil
        }
        guard let length, length >= 0, start + length <= bytes.count else { throw parser.error("the length of stream \(number)") }
        parser.position = start + length
        guard parser.skip("endstream") else { throw parser.error("'endstream' after the \(length) bytes of stream \(number)") }
        try parser.keyword("endobj")
        return .stream(Stream(dictionary: dictionary, data: bytes[start..<(start + length)]))
    }
}
