import Foundation
import TequioModel
import XCTest

@testable import XMLSupport

final class SchemaAndWriterTests: XCTestCase {
    private func schema(_ rng: String) throws -> RelaxNGSchema {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("t-\(UUID().uuidString).rng")
        try rng.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        return try RelaxNGSchema(contentsOf: url)
    }

    func testRelaxNGValidationReportsEveryErrorWithItsElementPosition() throws {
        let rng = try schema("""
            <element name="a" xmlns="http://relaxng.org/ns/structure/1.0">
              <zeroOrMore><element name="b"><attribute name="n"><text/></attribute></element></zeroOrMore>
            </element>
            """)
        let doc = try XCTUnwrap(SafeXMLParser.parse(Data("<a>\n <b n=\"1\"/>\n <c/>\n</a>".utf8), path: "m.xml").document)
        let diagnostics = rng.validate(doc)
        XCTAssertTrue(diagnostics.hasErrors)
        XCTAssertEqual(diagnostics.first?.identifier, "xml.schema")
        XCTAssertEqual(diagnostics.first?.location?.description, "m.xml:3:2")
        let good = try XCTUnwrap(SafeXMLParser.parse(Data("<a><b n=\"x\"/></a>".utf8), path: "ok.xml").document)
        XCTAssertEqual(rng.validate(good), [])
    }

    func testWriterEscapesByConstructionAndDropsForbiddenCharacters() throws {
        let w = XMLWriter()
        w.start("cell", ["column": "a\"b<&>"])
        w.text("<script>alert('x')</script> & \u{1}\u{B}\u{FFFE} 💧 ñ")
        w.end()
        let data = try w.finish()
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
        XCTAssertFalse(text.contains("<script>"))
        let parsed = try XCTUnwrap(SafeXMLParser.parse(data, path: "w.xml").document?.root)
        XCTAssertEqual(parsed.attribute("column"), "a\"b<&>")
        XCTAssertEqual(parsed.text, "<script>alert('x')</script> &  💧 ñ")
    }

    func testSanitizedKeepsTabsAndNewlines() {
        XCTAssertEqual(XMLText.sanitized("a\tb\nc\r\u{0}d"), "a\tb\nc\rd")
    }
}
