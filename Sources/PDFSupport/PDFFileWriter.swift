import TequioModel

/// Writes objects as a compact PDF 1.5 file (ISO 32000-1 §7.5.7–7.5.8): streams as they are, every other
/// object in compressed object streams, and a compressed cross-reference stream. The /ID is computed
/// from the content, so the same objects give the same bytes.
struct PDFFileWriter {
    /// Objects per object stream, as qpdf writes them.
    static let objectsPerStream = 100

    /// - Parameters:
    ///   - objects: by number, from 1; numbers need not be contiguous.
    ///   - root: the catalogue's number; `info`: the document information's.
    static func write(_ objects: [Int: PDFFile.Entry], root: Int, info: Int?) throws -> [UInt8] {
        var out: [UInt8] = Array("%PDF-1.5\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
        let numbers = objects.keys.sorted()
        var next = (numbers.last ?? 0) + 1
        // Where each object is: an offset in the file, or its object stream and index in it.
        var offsets: [Int: Int] = [:]
        var packed: [Int: (stream: Int, index: Int)] = [:]

        var plain: [(Int, PDFFile.Entry)] = []
        for n in numbers {
            switch objects[n]! {
            case .object, .written: plain.append((n, objects[n]!))
            case .stream(let s):
                offsets[n] = out.count
                var dictionary = s.dictionary
                var data = Array(s.data)
                if dictionary["Filter"] == nil {
                    data = try Deflate.compress(data)
                    dictionary["Filter"] = .name("FlateDecode")
                }
                writeStream(n, dictionary, data, to: &out)
            }
        }
        for chunk in stride(from: 0, to: plain.count, by: objectsPerStream).map({ plain[$0..<min($0 + objectsPerStream, plain.count)] }) {
            let number = next
            next += 1
            var header: [UInt8] = []
            var body: [UInt8] = []
            for (index, (n, entry)) in chunk.enumerated() {
                header.append(contentsOf: "\(n) \(body.count) ".utf8)
                switch entry {
                case .object(let o): o.write(to: &body)
                case .written(let bytes): body.append(contentsOf: bytes)
                case .stream: preconditionFailure("a stream in an object stream")
                }
                body.append(0x0A)
                packed[n] = (number, index)
            }
            offsets[number] = out.count
            let dictionary = PDFDictionary([
                ("Type", .name("ObjStm")), ("N", .integer(chunk.count)), ("First", .integer(header.count)), ("Filter", .name("FlateDecode")),
            ])
            writeStream(number, dictionary, try Deflate.compress(header + body), to: &out)
        }

        let xref = next
        let size = xref + 1
        offsets[xref] = out.count
        // Bytes for the largest offset (every offset and stream number is below the file's length).
        var width = 1
        while out.count >> (8 * width) > 0 { width += 1 }
        var table: [UInt8] = []
        func field(_ value: Int, _ bytes: Int) {
            for shift in stride(from: (bytes - 1) * 8, through: 0, by: -8) { table.append(UInt8((value >> shift) & 0xFF)) }
        }
        for n in 0..<size {
            if let offset = offsets[n] {
                field(1, 1); field(offset, width); field(0, 2)
            } else if let (stream, index) = packed[n] {
                field(2, 1); field(stream, width); field(index, 2)
            } else {
                field(0, 1); field(0, width); field(n == 0 ? 65_535 : 0, 2)
            }
        }
        let id = PDFObject.string(Array("<\(StableHash.hex128(out))>".utf8))
        var dictionary = PDFDictionary([
            ("Type", .name("XRef")), ("Size", .integer(size)), ("W", .array([.integer(1), .integer(width), .integer(2)])),
            ("Root", .reference(root)), ("ID", .array([id, id])), ("Filter", .name("FlateDecode")),
        ])
        if let info { dictionary["Info"] = .reference(info) }
        writeStream(xref, dictionary, try Deflate.compress(table), to: &out)
        out.append(contentsOf: "startxref\n\(offsets[xref]!)\n%%EOF\n".utf8)
        return out
    }

    private static func writeStream(_ number: Int, _ dictionary: PDFDictionary, _ data: [UInt8], to out: inout [UInt8]) {
        var d = dictionary
        d["Length"] = .integer(data.count)
        out.append(contentsOf: "\(number) 0 obj\n".utf8)
        PDFObject.dictionary(d).write(to: &out)
        out.append(contentsOf: "\nstream\n".utf8)
        out.append(contentsOf: data)
        out.append(contentsOf: "\nendstream\nendobj\n".utf8)
    }
}
