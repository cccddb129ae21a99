import Foundation
import XCTest

@testable import PDFSupport

/// The rewrite's own PDF reading and writing: objects read as written, written back compactly, files
/// with object streams that libqpdf reads.
final class PDFSyntaxTests: XCTestCase {
    private func parse(_ text: String) throws -> PDFObject {
        var parser = PDFParser(Array(text.utf8))
        return try parser.object()
    }

    private func written(_ object: PDFObject) -> String {
        var out: [UInt8] = []
        object.write(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    func testEveryKindOfObjectIsReadAndWrittenBackCompactly() throws {
        let text = """
            << /Type /Page % a comment cairo writes
               /MediaBox [ 0 0 612 792.5 ]
               /Parent 1 0 R
               /Title (Plan \\(borrador\\) de acción)
               /Hex <FEFF 0041>
               /Kids [ 2 0 R 3 0 R /Name 4 -5 +.5 ]
               /Flag true /Nothing null
               /Nested << /A#20B [ [ ] << >> ] >>
            >>
            """
        let object = try parse(text)
        XCTAssertEqual(
            written(object),
            "<</Type/Page/MediaBox[0 0 612 792.5]/Parent 1 0 R/Title(Plan \\(borrador\\) de acción)/Hex<FEFF 0041>"
                + "/Kids[2 0 R 3 0 R/Name 4 -5 +.5]/Flag true/Nothing null/Nested<</A#20B[[]<<>>]>>>>")
        XCTAssertEqual(try parse(written(object)), object, "what is written reads back the same")
        XCTAssertEqual(object.dictionary?["Parent"], .reference(1))
        XCTAssertEqual(object.dictionary?["MediaBox"]?.array?.last?.number, 792.5)
    }

    func testAKeyWrittenTwiceKeepsItsLastValue() throws {
        let object = try parse("<< /Subtype /Type3 /FontMatrix [ 1 0 0 1 0 0 ] /Subtype /Type3 /Encoding 5 0 R /FontMatrix [ 2 0 0 2 0 0 ] >>")
        XCTAssertEqual(written(object), "<</Subtype/Type3/FontMatrix[2 0 0 2 0 0]/Encoding 5 0 R>>")
    }

    func testDamagedSyntaxIsRefusedWithItsOffset() {
        for (text, offset) in [("<< /A (unclosed >>", 6), ("[ 1 2", 5), ("<< /A 1 /B >>", 11), ("<< 1 2 >>", 3), ("<AB-CD>", 3), ("{ }", 0)] {
            XCTAssertThrowsError(try parse(text), text) { error in
                XCTAssertTrue("\(error)".hasSuffix("at byte \(offset)"), "\(text): \(error)")
            }
        }
    }

    func testNumbersAndTextAreWrittenTheWayReadersExpect() {
        XCTAssertEqual(written(.real(612)), "612")
        XCTAssertEqual(written(.real(-3.5)), "-3.5")
        XCTAssertEqual(written(.real(0.05)), "0.05")
        XCTAssertEqual(written(.real(-0.001)), "0")
        XCTAssertEqual(written(.real(701.999)), "702")
        XCTAssertEqual(written(.text("es-MX")), "(es-MX)")
        XCTAssertEqual(written(.text("a(b)\\")), "(a\\(b\\)\\\\)")
        XCTAssertEqual(written(.text("ñ")), "<FEFF00F1>")
        XCTAssertEqual(written(.array([.name("XYZ"), .integer(0), .string(Array("(a)".utf8)), .integer(1), .null])), "[/XYZ 0(a)1 null]")
    }

    func testAStreamWhoseLengthDoesNotMatchIsRefused() {
        let body = "1 0 obj\n<< /Length 50 >>\nstream\nshort\nendstream\nendobj\n"
        let pdf = "%PDF-1.5\n" + body + "xref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 2 >>\nstartxref\n\(9 + body.utf8.count)\n%%EOF\n"
        XCTAssertThrowsError(try PDFFile(Array(pdf.utf8))) { XCTAssertTrue("\($0)".contains("bytes of stream 1"), "\($0)") }
        XCTAssertThrowsError(try PDFFile(Array("%PDF-1.5\nno table".utf8))) { XCTAssertTrue("\($0)".contains("startxref"), "\($0)") }
    }

    func testTheFileWrittenHasObjectStreamsThatLibqpdfReads() throws {
        // More objects than fit one object stream, a stream without a filter (compressed on the way),
        // and a catalogue with a page tree.
        var objects: [Int: PDFFile.Entry] = [
            1: .object(.dictionary(PDFDictionary([("Type", .name("Catalog")), ("Pages", .reference(2))]))),
            2: .object(.dictionary(PDFDictionary([("Type", .name("Pages")), ("Kids", .array([.reference(3)])), ("Count", .integer(1))]))),
            3: .object(
                .dictionary(
                    PDFDictionary([
                        ("Type", .name("Page")), ("Parent", .reference(2)), ("MediaBox", .array([0, 0, 595, 842].map { .integer($0) })),
                        ("Contents", .reference(4)),
                    ]))),
            4: .stream(PDFFile.Stream(dictionary: PDFDictionary(), data: ArraySlice(Array("0 0 m 100 100 l S".utf8)))),
        ]
        for n in 10..<260 { objects[n] = .object(.array([.integer(n), .text("objeto \(n)")])) }
        let bytes = try PDFFileWriter.write(objects, root: 1, info: nil)
        XCTAssertEqual(bytes, try PDFFileWriter.write(objects, root: 1, info: nil), "the same objects give the same bytes")
        let check = PDFCheck(Data(bytes))
        XCTAssertEqual(check.problems, [])
        XCTAssertEqual(check.pageSizes.map(\.width), [595])
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self).components(separatedBy: "/Type/ObjStm").count - 1, 3, "253 objects: 3 object streams")
    }
}
