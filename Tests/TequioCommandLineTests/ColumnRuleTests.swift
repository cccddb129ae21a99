import Foundation
import TequioDocuments
import TequioModel
import XCTest
import XMLSupport

@testable import TequioPackageCheck
@testable import TequioReaders

/// The column rule of `docs/diagnostics.md`: a column counts characters (code points), not bytes, in
/// every reader. Each line below has non-ASCII text before the place the diagnostic points at, so a
/// reader that counted bytes would say a larger column.
final class ColumnRuleTests: XCTestCase {
    /// `Añadir` is 6 characters and 7 bytes; `¿Qué? ` adds 6 characters and 8 bytes.
    let line = "<p>Añadir <term/></p>"

    func testAnElementIsPlacedByCharacters() throws {
        let xml = "<r>\n¿Qué? \(line)\n</r>"
        let parsed = SafeXMLParser.parse(Data(xml.utf8), path: "a.xml")
        let term = try XCTUnwrap(parsed.document?.root.element(named: "p")?.element(named: "term"), "\(parsed.diagnostics)")
        XCTAssertEqual(term.location.description, "a.xml:2:17")
    }

    func testLibxml2ErrorsArePlacedByCharacters() {
        // libxml2 reports a mismatched end tag at the character after it: `</q>` ends at character 16.
        let parsed = SafeXMLParser.parse(Data("<r><p>Añadir</q></r>".utf8), path: "a.xml")
        XCTAssertEqual(parsed.diagnostics.first?.location?.description, "a.xml:1:17", "\(parsed.diagnostics.map(\.formatted))")
    }

    func testABadByteIsPlacedByCharacters() {
        let parsed = SafeXMLParser.parse(Data("<r>ñé".utf8) + Data([0xFF]) + Data("</r>".utf8), path: "a.xml")
        XCTAssertEqual(parsed.diagnostics.map(\.formatted), ["a.xml:1:6: error: file is not valid UTF-8 (byte 0xFF) [xml.not-utf8]"])
    }

    func testACSVQuoteIsPlacedByCharacters() {
        XCTAssertThrowsError(try CSVTable.read(Data("municipio,sí\nAñadir,\"sí\"x\n".utf8), options: CSVTable.Options(maxBytes: 1 << 20))) {
            XCTAssertEqual($0 as? CSVTable.ReadError, .textAfterClosingQuote(line: 2, column: 12), "the character after the closing quote")
        }
    }

    func testAWebBundleReferenceIsPlacedByCharacters() {
        let html = "<html>\r\n<p>Añadir <img src=\"/a.png\"></p>\r\n</html>"
        let index = html.range(of: "/a.png")!.lowerBound
        XCTAssertEqual(WebBundleRules.position(of: index, in: html, path: "w.zip!index.html").description, "w.zip!index.html:2:21")
    }

    func testAStyleSheetProblemIsPlacedByCharacters() {
        XCTAssertEqual(StyleSheetCheck.problem("p { content: \"Añadir\"; } @import \"x.css\";")?.line, 1)
        XCTAssertEqual(StyleSheetCheck.problem("p { content: \"Añadir\"; } @import \"x.css\";")?.column, 26)
    }
}
