import Foundation
import TequioModel
import XCTest

@testable import XMLSupport

final class SafeXMLParserTests: XCTestCase {
    private func parse(_ text: String, limits: XMLParseLimits = .init()) -> XMLParseResult {
        SafeXMLParser.parse(Data(text.utf8), path: "in.xml", limits: limits)
    }

    func testElementsKeepLineAndColumnOfTheirStartTag() throws {
        let result = parse("<a xmlns=\"urn:x\">\n  <b id=\"1\">uno</b>\n    <c\n   x=\"y\"/><d/></a>")
        let root = try XCTUnwrap(result.document?.root)
        XCTAssertEqual(root.name, "a")
        XCTAssertEqual(root.namespace, "urn:x")
        XCTAssertEqual(root.location.description, "in.xml:1:1")
        let b = try XCTUnwrap(root.element(named: "b"))
        XCTAssertEqual(b.location.description, "in.xml:2:3")
        XCTAssertEqual(b.attribute("id"), "1")
        XCTAssertEqual(b.text, "uno")
        XCTAssertEqual(root.element(named: "c")?.location.description, "in.xml:3:5")
        XCTAssertEqual(root.element(named: "d")?.location.description, "in.xml:4:11")
    }

    func testColumnsCountCharactersNotBytes() throws {
        let root = try XCTUnwrap(parse("<a><b>ñandú</b><c/></a>").document?.root)
        XCTAssertEqual(root.element(named: "c")?.location.column, 16)
    }

    func testMalformedXMLIsAnErrorWithPosition() {
        let result = parse("<a>\n  <b></c>\n</a>")
        XCTAssertNil(result.document)
        let first = result.diagnostics.first
        XCTAssertEqual(first?.identifier, "xml.malformed")
        XCTAssertEqual(first?.location?.line, 2)
        XCTAssertGreaterThan(first?.location?.column ?? 0, 0)
    }

    func testBytesThatAreNotUTF8AreRejectedWithTheirPosition() {
        var data = Data("<a>\nagua ".utf8)
        data.append(0xE9)  // é in Latin-1
        data.append(contentsOf: Array("</a>".utf8))
        let result = SafeXMLParser.parse(data, path: "latin1.xml")
        XCTAssertNil(result.document)
        XCTAssertEqual(result.diagnostics.map(\.identifier), ["xml.not-utf8"])
        XCTAssertEqual(result.diagnostics.first?.location?.description, "latin1.xml:2:6")
    }

    func testExternalEntityToEtcPasswdIsNeverLoaded() {
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <a>&x;</a>
            """
        let result = parse(text)
        XCTAssertNil(result.document)
        XCTAssertEqual(result.diagnostics.map(\.identifier), ["xml.doctype-forbidden"])
        XCTAssertEqual(result.diagnostics.first?.location?.line, 2)
        XCTAssertFalse(result.diagnostics.map(\.message).joined().contains("root:"))
    }

    func testBillionLaughsIsRejectedBeforeAnyExpansion() {
        var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        for i in 1...9 {
            text += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1 == 0 ? "" : String(i - 1));", count: 10) + "\">\n"
        }
        text += "]>\n<lolz>&lol9;</lolz>"
        let result = parse(text)
        XCTAssertNil(result.document)
        XCTAssertEqual(result.diagnostics.map(\.identifier), ["xml.doctype-forbidden"])
    }

    func testFileOverTheByteCapIsRejectedBeforeParsing() {
        let big = "<a>" + String(repeating: "x", count: 50 << 20) + "</a>"
        let result = parse(big)
        XCTAssertNil(result.document)
        XCTAssertEqual(result.diagnostics.map(\.identifier), ["xml.too-large"])
    }

    func testTextNodeOverTheTextCapIsRejected() {
        let big = "<a>" + String(repeating: "x", count: 5 << 20) + "</a>"
        let result = parse(big, limits: XMLParseLimits(maxFileBytes: 64 << 20, maxTextBytes: 4 << 20))
        XCTAssertNil(result.document)
        XCTAssertEqual(result.diagnostics.map(\.identifier), ["xml.text-too-large"])
    }

    func testTenThousandDeepNestingIsRejected() {
        let deep = String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
        let result = parse(deep)
        XCTAssertNil(result.document)
        XCTAssertEqual(result.diagnostics.first?.identifier, "xml.too-deep")
    }

    func testEmptyInputIsAnError() {
        XCTAssertNil(parse("").document)
        XCTAssertFalse(parse("").diagnostics.isEmpty)
    }
}
