import Foundation
import XCTest

@testable import PDFSupport

/// The output stage's read-back of a PDF (`PDFReadBack`): a sound file passes with its page count;
/// each kind of damage a writer could do is found, and libqpdf finds the same files damaged.
final class PDFReadBackTests: XCTestCase {
    /// A two-page file as `PDFFileWriter` writes it, with `change` applied to its objects first.
    private func file(_ change: (inout [Int: PDFFile.Entry]) -> Void = { _ in }) throws -> Data {
        func dictionary(_ entries: [(String, PDFObject)]) -> PDFFile.Entry { .object(.dictionary(PDFDictionary(entries))) }
        var objects: [Int: PDFFile.Entry] = [
            1: dictionary([("Type", .name("Catalog")), ("Pages", .reference(2)), ("Lang", .text("es"))]),
            2: dictionary([("Type", .name("Pages")), ("Kids", .array([.reference(3), .reference(4)])), ("Count", .integer(2))]),
            5: .stream(PDFFile.Stream(dictionary: PDFDictionary(), data: Array("BT ET".utf8)[...])),
            6: .written(Array("<</Type/StructElem/S/P/K[ 1 2]/Alt(Título \\(uno\\))>>".utf8)),
        ]
        for (n, width) in [(3, 612), (4, 792)] {
            objects[n] = dictionary([
                ("Type", .name("Page")), ("Parent", .reference(2)), ("Contents", .reference(5)),
                ("MediaBox", .array([.integer(0), .integer(0), .integer(width), .integer(612)])),
            ])
        }
        change(&objects)
        return Data(try PDFFileWriter.write(objects, root: 1, info: nil))
    }

    func testASoundFileIsReadWhole() throws {
        let pdf = try file()
        let check = PDFReadBack(pdf)
        XCTAssertEqual(check.problems, [])
        XCTAssertEqual(check.pageCount, 2)
        XCTAssertEqual(PDFCheck(pdf).problems, [])
    }

    func testDamageIsFound() throws {
        let sound = try file()
        let objectStream = try XCTUnwrap(sound.range(of: Data("/Type/ObjStm".utf8)))
        let data = try XCTUnwrap(sound.range(of: Data("stream\n".utf8), in: objectStream.upperBound..<sound.count))
        var flipped = sound
        flipped[data.upperBound + 10] ^= 0xFF
        // `startxref` pointing a byte too far.
        let text = String(decoding: sound, as: UTF8.self)
        let xref = try XCTUnwrap(text.range(of: "startxref\n", options: .backwards))
        let offset = try XCTUnwrap(Int(text[xref.upperBound...].prefix { $0.isNumber }))
        let shifted = Data(text.replacingOccurrences(of: "startxref\n\(offset)\n", with: "startxref\n\(offset + 1)\n").utf8)
        let cases: [(String, Data)] = [
            ("cut short", sound.prefix(sound.count / 2)),
            ("a byte changed in an object stream's compressed data", flipped),
            ("startxref a byte off", shifted),
            ("no PDF at all", Data("%PDF-1.5 nothing".utf8)),
        ]
        for (name, pdf) in cases {
            XCTAssertFalse(PDFReadBack(pdf).problems.isEmpty, name)
            XCTAssertFalse(PDFCheck(pdf).problems.isEmpty, "libqpdf finds it too: \(name)")
        }
    }

    /// What a writer's bug would leave: an object with broken syntax, a reference to nothing, a page
    /// without its size, a page tree that miscounts.
    func testWhatAWriterCouldGetWrongIsNamed() throws {
        let cases: [(String, (inout [Int: PDFFile.Entry]) -> Void)] = [
            ("expected an object", { $0[6] = .written(Array("<</Type/StructElem/K[ 1 2>>".utf8)) }),
            ("expected the end of a string", { $0[6] = .written(Array("<</Alt(Título>>".utf8)) }),
            ("object 99", { $0[6] = .written(Array("<</P 99 0 R>>".utf8)) }),
            ("/MediaBox", { $0[4] = .object(.dictionary(PDFDictionary([("Type", .name("Page")), ("Parent", .reference(2))]))) }),
            ("counts 3 pages", {
                $0[2] = .object(.dictionary(PDFDictionary([("Type", .name("Pages")), ("Kids", .array([.reference(3), .reference(4)])), ("Count", .integer(3))])))
            }),
        ]
        for (expected, change) in cases {
            let problems = PDFReadBack(try file(change)).problems
            XCTAssertEqual(problems.count, 1, expected)
            XCTAssertTrue(problems.joined().contains(expected), "\(expected): \(problems)")
        }
    }
}
