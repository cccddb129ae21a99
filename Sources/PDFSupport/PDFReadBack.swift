import Foundation

/// Reads a PDF back as a viewer finds its objects, to check a file `PDFFileWriter` wrote before it
/// replaces the old one (ISO 32000-1 §7.5.5–7.5.8): `startxref`, the cross-reference stream, every
/// object it lists (at its offset, or at its place in its object stream, decompressed), every stream's
/// length, every reference (it must name an object), the catalogue and the page tree. The reader is
/// `PDFParser`, which shares no code with the writer's (`PDFObject.write`); content streams are not
/// decoded. A tenth of the time libqpdf took to read the same objects; the tests check every file with
/// libqpdf (`PDFCheck`).
public struct PDFReadBack: Sendable {
    /// Pages the page tree holds.
    public var pageCount = 0
    /// What is wrong, at most a few; empty for a sound file.
    public var problems: [String] = []

    public init(_ pdf: Data) {
        do {
            pageCount = try Self.read(Array(pdf))
        } catch {
            problems = ["\(error)"]
        }
    }

    /// Where an object is: read from the file (a stream's dictionary for a stream), or in an object
    /// stream's data, made only when the page tree needs it.
    private enum Place {
        case inFile(PDFObject)
        case packed(objectStream: Int, offset: Int)
    }

    private struct Location: Equatable {
        var stream: Int
        var index: Int
    }

    private static func read(_ bytes: [UInt8]) throws -> Int {
        guard bytes.starts(with: Array("%PDF-1.".utf8)) else { throw PDFError("PDF syntax: no %PDF-1. header") }
        guard bytes.suffix(6).elementsEqual("%%EOF\n".utf8) else { throw PDFError("PDF syntax: the file does not end with %%EOF") }
        let start = try PDFFile.startXref(bytes)
        var header = PDFParser(bytes, at: start)
        guard case .stream(let xref) = try PDFFile.entry(try header.objectHeader(), at: start, in: bytes, offsets: [:]),
            xref.dictionary["Type"] == .name("XRef")
        else { throw PDFError("PDF syntax: no cross-reference stream at byte \(start)") }
        guard let size = xref.dictionary["Size"]?.integer, let widths = xref.dictionary["W"]?.array?.compactMap(\.integer), widths.count == 3,
            widths.allSatisfy({ (0...8).contains($0) }), let root = xref.dictionary["Root"]?.reference
        else { throw PDFError("PDF syntax: the cross-reference stream's /Size, /W or /Root") }
        let table = try Deflate.decompress(xref.data)
        let rowLength = widths.reduce(0, +)
        guard rowLength > 0, table.count == size * rowLength else {
            throw PDFError("PDF syntax: the cross-reference stream has \(table.count) bytes for \(size) entries of \(rowLength)")
        }

        func field(_ n: Int, _ i: Int) -> Int {
            let start = n * rowLength + (i == 0 ? 0 : i == 1 ? widths[0] : widths[0] + widths[1])
            var value = 0
            for b in table[start..<(start + widths[i])] { value = value << 8 | Int(b) }
            // A missing first field means type 1 (ISO 32000-1 table 17).
            return i == 0 && widths[0] == 0 ? 1 : value
        }
        // Every object, where the table says it is: its syntax checked and its references noted, but
        // only the page tree's objects made (`PDFParser.skipObject`).
        var objectStreams: [[UInt8]] = []
        var places: [Place?] = Array(repeating: nil, count: size)
        var streams: [Int: PDFFile.Stream] = [:]
        var packed: [Int: Location] = [:]
        var referenced: [Int] = []
        func note(_ n: Int) { referenced.append(n) }
        for n in 0..<size {
            let type = field(n, 0)
            switch type {
            case 0: continue
            case 1:
                let offset = field(n, 1)
                guard offset < bytes.count else { throw PDFError("PDF syntax: object \(n) at byte \(offset), past the file's end") }
                let object: PDFObject
                switch try PDFFile.entry(n, at: offset, in: bytes, offsets: [:]) {
                case .object(let o): object = o
                case .stream(let s):
                    object = .dictionary(s.dictionary)
                    streams[n] = s
                case .written(let w): throw PDFError("PDF syntax: object \(n) read as \(w.count) bytes")  // not made by a reader
                }
                object.forEachReference(note)
                places[n] = .inFile(object)
            case 2: packed[n] = Location(stream: field(n, 1), index: field(n, 2))
            default: throw PDFError("PDF syntax: entry \(n) of the cross-reference stream has type \(type)")
            }
        }
        for stream in Set(packed.values.map(\.stream)).sorted() {
            guard let objectStream = streams[stream] else { throw PDFError("PDF syntax: object \(stream) is not an object stream") }
            let (data, offsets) = try unpack(stream, objectStream)
            objectStreams.append(data)
            for (index, (n, offset)) in offsets.enumerated() {
                guard n < size, packed[n] == Location(stream: stream, index: index) else {
                    throw PDFError("PDF syntax: object \(n) is number \(index) of object stream \(stream), not where the table says")
                }
                var parser = PDFParser(data, at: offset)
                try parser.skipObject(note)
                places[n] = .packed(objectStream: objectStreams.count - 1, offset: offset)
            }
        }
        if let missing = packed.keys.sorted().first(where: { places[$0] == nil }) {
            throw PDFError("PDF syntax: object \(missing) is not in its object stream \(packed[missing]!.stream)")
        }
        if let dangling = referenced.first(where: { $0 >= size || places[$0] == nil }) {
            throw PDFError("PDF syntax: a reference to object \(dangling), which the file does not have")
        }
        func object(_ n: Int) throws -> PDFObject? {
            switch n < size ? places[n] : nil {
            case .inFile(let object)?: return object
            case .packed(let s, let offset)?:
                var parser = PDFParser(objectStreams[s], at: offset)
                return try parser.object()
            case nil: return nil
            }
        }
        return try pages(root: root, object)
    }

    /// The decompressed data of object stream `number`, and where each of its objects starts in it.
    private static func unpack(_ number: Int, _ stream: PDFFile.Stream) throws -> (data: [UInt8], offsets: [(Int, Int)]) {
        let d = stream.dictionary
        guard d["Type"] == .name("ObjStm"), d["Filter"] == .name("FlateDecode"), let count = d["N"]?.integer, let first = d["First"]?.integer, count >= 0
        else { throw PDFError("PDF syntax: object \(number) is not an object stream") }
        let data = try Deflate.decompress(stream.data)
        var header = PDFParser(data)
        var offsets: [(Int, Int)] = []
        for _ in 0..<count {
            guard let n = try header.object().integer, let offset = try header.object().integer, offset >= 0, first + offset < data.count else {
                throw PDFError("PDF syntax: the header of object stream \(number)")
            }
            offsets.append((n, first + offset))
        }
        return (data, offsets)
    }

    /// The pages of the page tree under the catalogue `root` (each with a /MediaBox of four numbers).
    private static func pages(root: Int, _ object: (Int) throws -> PDFObject?) throws -> Int {
        guard let catalogue = try object(root)?.dictionary, catalogue["Type"] == .name("Catalog"), let top = catalogue["Pages"]?.reference else {
            throw PDFError("PDF syntax: no catalogue with /Pages")
        }
        var count = 0
        var visited = Set<Int>()
        func visit(_ n: Int, depth: Int) throws {
            guard depth < 32, visited.insert(n).inserted, let node = try object(n)?.dictionary else {
                throw PDFError("PDF syntax: object \(n) in the page tree")
            }
            if node["Type"] == .name("Page") {
                guard let box = node["MediaBox"]?.array, box.count == 4, box.allSatisfy({ $0.number != nil }) else {
                    throw PDFError("PDF syntax: page object \(n) has no /MediaBox")
                }
                count += 1
            } else if node["Type"] == .name("Pages") {
                guard let kids = node["Kids"]?.array, let declared = node["Count"]?.integer else { throw PDFError("PDF syntax: pages object \(n)") }
                let before = count
                for kid in kids {
                    guard let k = kid.reference else { throw PDFError("PDF syntax: pages object \(n) has a kid that is no reference") }
                    try visit(k, depth: depth + 1)
                }
                guard count - before == declared else { throw PDFError("PDF syntax: pages object \(n) counts \(declared) pages and holds \(count - before)") }
            } else {
                throw PDFError("PDF syntax: object \(n) in the page tree is neither /Page nor /Pages")
            }
        }
        try visit(top, depth: 0)
        guard count > 0 else { throw PDFError("the PDF has no pages") }
        return count
    }
}
