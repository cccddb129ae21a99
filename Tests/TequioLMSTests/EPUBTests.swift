import Foundation
import TequioModel
import XCTest
import XMLSupport

@testable import TequioLMS

/// The structure epubcheck expects, checked in process (the full epubcheck run is in
/// `tests/lms/test_epub.py`).
final class EPUBTests: XCTestCase {
    static let opf = "http://www.idpf.org/2007/opf"
    static let dc = "http://purl.org/dc/elements/1.1/"

    func testMimetypeIsFirstStoredAndWithoutExtraField() throws {
        let writer = EPUBWriter()
        let (zip, entries, _) = try LMSFixture.zipRoundTrip(try writer.render(LMSFixture.input), firstEntry: writer.firstEntry)
        XCTAssertEqual(entries.first, "mimetype")
        let header = [UInt8](zip.prefix(38 + 20))
        XCTAssertEqual(Array(header[0..<4]), [0x50, 0x4B, 0x03, 0x04], "a local file header first")
        XCTAssertEqual(UInt16(header[8]) | UInt16(header[9]) << 8, 0, "stored, not deflated")
        XCTAssertEqual(UInt16(header[26]) | UInt16(header[27]) << 8, 8, "name length")
        XCTAssertEqual(UInt16(header[28]) | UInt16(header[29]) << 8, 0, "no extra field")
        XCTAssertEqual(String(decoding: header[30..<38], as: UTF8.self), "mimetype")
        XCTAssertEqual(String(decoding: header[38..<58], as: UTF8.self), "application/epub+zip")
    }

    func testPackageDocumentNavigationAndContent() throws {
        let module = LMSFixture.input.module
        let tree = try EPUBWriter().render(LMSFixture.input)
        let container = try LMSFixture.parse(tree["META-INF/container.xml"], "container.xml")
        let rootfile = try XCTUnwrap(container.root.descendants.first { $0.name == "rootfile" })
        XCTAssertEqual(rootfile.attribute("full-path"), "EPUB/package.opf")

        let opf = try LMSFixture.root(tree["EPUB/package.opf"], "package.opf")
        let metadata = try XCTUnwrap(opf.element(named: "metadata"))
        XCTAssertEqual(metadata.elements.filter { $0.name == "language" && $0.namespace == Self.dc }.map(\.text), module.languages)
        XCTAssertEqual(metadata.elements.filter { $0.attribute("property") == "dcterms:modified" }.map(\.text), ["2025-11-29T00:00:00Z"])
        let identifier = try XCTUnwrap(metadata.elements.first { $0.name == "identifier" })
        XCTAssertEqual(identifier.attribute("id"), opf.attribute("unique-identifier"))
        let properties = metadata.elements.compactMap { $0.attribute("property") }
        for p in ["schema:accessMode", "schema:accessModeSufficient", "schema:accessibilityFeature",
                  "schema:accessibilityHazard", "schema:accessibilitySummary"] {
            XCTAssertTrue(properties.contains(p), "accessibility metadata \(p)")
        }

        // Every manifest item exists, every file under EPUB/ is in the manifest, the spine reads them all.
        let items = try XCTUnwrap(opf.element(named: "manifest")).elements(named: "item")
        let hrefs = items.compactMap { $0.attribute("href").flatMap(PackageChecks.resolve) }
        XCTAssertEqual(Set(hrefs.map { "EPUB/\($0)" }), Set(tree.sortedPaths.filter { $0.hasPrefix("EPUB/") && $0 != "EPUB/package.opf" }))
        XCTAssertEqual(items.filter { $0.attribute("properties") == "nav" }.count, 1)
        let ids = Set(items.compactMap { $0.attribute("id") })
        let spine = try XCTUnwrap(opf.element(named: "spine")).elements(named: "itemref").compactMap { $0.attribute("idref") }
        XCTAssertTrue(spine.allSatisfy(ids.contains))
        let chapters = 1 + module.units.count + module.matrices.count + (module.glossary.isEmpty ? 0 : 1)
        XCTAssertEqual(spine.count, chapters * module.languages.count, "every chapter in every language")

        // Every content document parses and every image it shows is in the book with a text alternative.
        for path in tree.sortedPaths where path.hasSuffix(".xhtml") {
            let page = try LMSFixture.root(tree[path], path)
            XCTAssertNotNil(page.attribute("lang"), path)
            for img in page.descendants where img.name == "img" {
                let src = try XCTUnwrap(img.attribute("src"))
                let target = URL(fileURLWithPath: "/EPUB/text/").appendingPathComponent(src.removingPercentEncoding!).standardized.path
                XCTAssertNotNil(tree[String(target.dropFirst())], "\(path): \(src)")
                XCTAssertFalse((img.attribute("alt") ?? "").isEmpty, "\(path): \(src) has alt text")
            }
            for a in page.descendants where a.name == "a" {
                let href = try XCTUnwrap(a.attribute("href"))
                if href.hasPrefix("http") || href.hasPrefix("mailto:") { continue }
                let file = String(href.prefix { $0 != "#" })
                let base = path.hasSuffix("nav.xhtml") ? "EPUB/" : "EPUB/text/"
                XCTAssertNotNil(tree[base + file], "\(path): link \(href)")
            }
        }
    }

    func testTheMatrixIsABlankPrintableTableWithItsInstructions() throws {
        let module = LMSFixture.input.module
        let matrix = try XCTUnwrap(module.primaryMatrix)
        let tree = try EPUBWriter().render(LMSFixture.input)
        for lang in module.languages {
            let page = try LMSFixture.root(tree["EPUB/text/\(lang)-matrix-1.xhtml"], "matrix")
            let table = try XCTUnwrap(page.descendants.first { $0.name == "table" && $0.attribute("class") == "blank-matrix" })
            let headers = table.descendants.filter { $0.name == "th" }.map(\.text)
            XCTAssertEqual(headers.count, matrix.columns.count)
            for (header, column) in zip(headers, matrix.columns) { XCTAssertTrue(header.hasPrefix(column.label[lang]!)) }
            let cells = table.descendants.filter { $0.name == "td" }
            XCTAssertEqual(cells.count, EPUBContent.blankRows * matrix.columns.count)
            XCTAssertTrue(cells.allSatisfy { $0.text.isEmpty || $0.text.hasPrefix(EPUBStrings.get("rowN", lang, "")) }, "blank cells")
            let text = page.text
            for column in matrix.columns where !(column.help[lang] ?? "").isEmpty {
                XCTAssertTrue(text.contains(column.help[lang]!), "help of \(column.id) in \(lang)")
            }
        }
    }

    func testRichTextIsEscapedAndTermsLinkToTheGlossary() throws {
        var input = LMSFixture.input
        let hostile = "<script>alert('x')</script> & \u{01}«agua»"
        input.module.units[0].title["es"] = hostile
        input.module.units[0].summary = ["es": "Vea <b>esto</b>"]
        let tree = try EPUBWriter().render(input)
        let page = try LMSFixture.root(tree["EPUB/text/es-unit-001.xhtml"], "unit")
        XCTAssertTrue(page.descendants.contains { $0.name == "h1" && $0.text == "<script>alert('x')</script> & «agua»" })
        XCTAssertFalse(page.descendants.contains { $0.name == "script" || $0.name == "b" })

        let glossaryTerms = Set(input.module.glossary.map(\.id))
        let termLinks = tree.sortedPaths.filter { $0.hasPrefix("EPUB/text/es-unit") }.flatMap { path in
            ((try? LMSFixture.root(tree[path], path))?.descendants ?? []).filter { $0.attribute("class") == "term" }
        }
        XCTAssertFalse(termLinks.isEmpty, "the example module uses glossary terms")
        for link in termLinks {
            let href = try XCTUnwrap(link.attribute("href"))
            XCTAssertTrue(href.hasPrefix("es-glossary.xhtml#term-"), href)
            XCTAssertTrue(glossaryTerms.contains(String(href.dropFirst("es-glossary.xhtml#term-".count))))
        }
    }
}
