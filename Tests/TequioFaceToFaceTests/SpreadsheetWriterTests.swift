import Foundation
import TequioModel
import XCTest
import XMLSupport
import ZipSupport

@testable import TequioFaceToFace
@testable import TequioReaders

/// Shared set-up: the example module and the official schemas (`schemas/official`).
enum Fixture {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let officialSchemas = packageRoot.appendingPathComponent("schemas/official")
    /// `templates/strings`, as the commands load it.
    static let catalogue = try! StringCatalogue(templatesFolder: packageRoot.appendingPathComponent("templates"))

    nonisolated(unsafe) private static var cached: Module?

    static func module() throws -> Module {
        if let cached { return cached }
        XMLLibrary.initialize()
        let result = ModuleReader(schemas: SchemaSet(directory: packageRoot.appendingPathComponent("schemas")))
            .read(packageRoot.appendingPathComponent("modules/oaxaca-agua"))
        guard let module = result.module else {
            throw XCTSkip("example module does not load: \(result.diagnostics.map(\.formatted))")
        }
        cached = module
        return module
    }

    static func parse(_ data: Data, _ path: String) throws -> ParsedXMLDocument {
        let result = SafeXMLParser.parse(data, path: path)
        guard let document = result.document else {
            XCTFail("\(path) does not parse: \(result.diagnostics.map(\.formatted))")
            throw XCTSkip("unparsable")
        }
        return document
    }
}

final class SpreadsheetWriterTests: XCTestCase {
    func testSpreadsheetMLPartsAreValidAgainstSMLXSD() throws {
        let module = try Fixture.module()
        let parts = try BlankSpreadsheets.xlsxParts(module, matrix: module.matrices[0], language: "es", catalogue: Fixture.catalogue)
        let sml = try XSDSchema(contentsOf: Fixture.officialSchemas.appendingPathComponent("ooxml/sml.xsd"))
        let xmlParts = parts.sortedPaths.filter { $0.hasPrefix("xl/") && $0.hasSuffix(".xml") && !$0.contains("_rels") }
        XCTAssertTrue(xmlParts.contains("xl/worksheets/sheet1.xml"))
        XCTAssertTrue(xmlParts.contains("xl/comments1.xml"))
        for path in xmlParts {
            let problems = sml.validate(try Fixture.parse(parts[path]!, path))
            XCTAssertEqual(problems.map(\.formatted), [], path)
        }
        let types = try XSDSchema(contentsOf: Fixture.officialSchemas.appendingPathComponent("ooxml/opc-xsd/opc-contentTypes.xsd"))
        XCTAssertEqual(types.validate(try Fixture.parse(parts["[Content_Types].xml"]!, "ct")).map(\.formatted), [])
        let rels = try XSDSchema(contentsOf: Fixture.officialSchemas.appendingPathComponent("ooxml/opc-xsd/opc-relationships.xsd"))
        for path in parts.sortedPaths where path.hasSuffix(".rels") {
            XCTAssertEqual(rels.validate(try Fixture.parse(parts[path]!, path)).map(\.formatted), [], path)
        }
    }

    func testODSPartsAreValidAgainstODF13() throws {
        let module = try Fixture.module()
        let parts = try BlankSpreadsheets.odsParts(module, matrix: module.matrices[0], language: "en", catalogue: Fixture.catalogue)
        let odf = try RelaxNGSchema(contentsOf: Fixture.officialSchemas.appendingPathComponent("odf1.3/OpenDocument-v1.3-schema.rng"))
        for path in ["content.xml", "styles.xml", "meta.xml", "settings.xml"] {
            XCTAssertEqual(odf.validate(try Fixture.parse(parts[path]!, path)).map(\.formatted), [], path)
        }
        let manifest = try RelaxNGSchema(
            contentsOf: Fixture.officialSchemas.appendingPathComponent("odf1.3/OpenDocument-v1.3-manifest-schema.rng"))
        XCTAssertEqual(manifest.validate(try Fixture.parse(parts["META-INF/manifest.xml"]!, "manifest")).map(\.formatted), [])
        let content = String(decoding: parts["content.xml"]!, as: UTF8.self)
        XCTAssertTrue(content.contains("<table:table-header-rows>"))
        XCTAssertTrue(content.contains("<office:annotation"))
        XCTAssertTrue(content.contains(#"table:condition="of:cell-content-text-length()&lt;=2000""#))
    }

    func testFilesAreByteIdenticalAndODSStartsWithAStoredMimetype() throws {
        let module = try Fixture.module()
        let date = Date(timeIntervalSince1970: 1_764_374_400)
        let a = try BlankSpreadsheets.render(module, options: .init(), date: date, catalogue: Fixture.catalogue)
        let b = try BlankSpreadsheets.render(module, options: .init(), date: date, catalogue: Fixture.catalogue)
        XCTAssertEqual(a.keys.sorted(), [
            "oaxaca-agua-1.0.0-plan-en.ods", "oaxaca-agua-1.0.0-plan-en.xlsx", "oaxaca-agua-1.0.0-plan-es.ods",
            "oaxaca-agua-1.0.0-plan-es.xlsx",
        ])
        XCTAssertEqual(a, b)
        let ods = [UInt8](a["oaxaca-agua-1.0.0-plan-es.ods"]!)
        XCTAssertEqual(Array(ods[0..<4]), [0x50, 0x4B, 0x03, 0x04])
        XCTAssertEqual(UInt16(ods[8]) | UInt16(ods[9]) << 8, 0, "mimetype must be stored")
        XCTAssertEqual(String(decoding: ods[30..<38], as: UTF8.self), "mimetype")
        XCTAssertEqual(UInt16(ods[28]) | UInt16(ods[29]) << 8, 0, "no extra field")
    }

    func testTheReadersSeeWhatTheWritersWrote() throws {
        let module = try Fixture.module()
        for (language, first, header) in [("es", "Mesa 1", "Problemas y prioridades de reforma"), ("en", "Table 1", "Problems and reform priorities")] {
            let xlsx = try BlankSpreadsheets.xlsxParts(
                module, matrix: module.matrices[0], language: language, options: .init(tables: 3), catalogue: Fixture.catalogue)
            let ods = try BlankSpreadsheets.odsParts(
                module, matrix: module.matrices[0], language: language, options: .init(tables: 3), catalogue: Fixture.catalogue)
            let documents = [
                try XLSXReader(files: xlsx, path: "b.xlsx", limits: SpreadsheetFile.xmlLimits).read(),
                try ODSReader(files: ods, path: "b.ods", limits: SpreadsheetFile.xmlLimits).read(),
            ]
            for document in documents {
                XCTAssertEqual(document.sheets.count, 5)
                XCTAssertEqual(document.sheets[0].name, first)
                let sheet = document.sheets[0]
                XCTAssertEqual(sheet[CellAddress(row: 1, column: 0)], header, "comments are not cell text")
                let words = SheetStrings(Fixture.catalogue, language: language)
                XCTAssertEqual(sheet[CellAddress(row: 1, column: 6)], words.shortTitle, "the short title after the six matrix columns")
                XCTAssertEqual(sheet[CellAddress(row: 1, column: 9)], words.memberSector)
                XCTAssertEqual(document.sheet(named: "tequio")?[CellAddress(row: 3, column: 1)], "oaxaca-agua")
            }
        }
    }

    func testCellAddressesAndOOXMLEscapes() {
        XCTAssertEqual(CellAddress(a1: "C5"), CellAddress(row: 4, column: 2))
        XCTAssertEqual(CellAddress(a1: "$AA$10")?.description, "AA10")
        XCTAssertNil(CellAddress(a1: "5C"))
        XCTAssertEqual(CellRange(a1: "B6:A5")?.description, "A5:B6")
        XCTAssertEqual(CellAddress.columnName(26), "AA")
        XCTAssertEqual(OOXMLText.unescape("a_x000D_b_x005F_x0041_"), "a\rb_x0041_")
        XCTAssertEqual(OOXMLText.unescape(OOXMLText.escape("keep _x0041_ literal")), "keep _x0041_ literal")
    }
}
