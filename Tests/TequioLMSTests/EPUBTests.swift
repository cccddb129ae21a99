import Foundation
import TequioModel
import TequioPackageCheck
import XCTest
import XMLSupport

@testable import TequioLMS

/// The structure epubcheck expects, checked in process (the full epubcheck run is in
/// `tests/lms/test_epub.py`).
final class EPUBTests: XCTestCase {
    static let opf = "http://www.idpf.org/2007/opf"
    static let dc = "http://purl.org/dc/elements/1.1/"

    /// The book through the product's checker (`tequio check`): the container, `mimetype` first, stored
    /// and without an extra field, the package document's metadata, every manifest item in the zip and
    /// every file of the zip in the manifest, the spine, the navigation document.
    func testTheBookPassesThePackageChecks() throws {
        let writer = EPUBWriter()
        let tree = try writer.render(LMSFixture.input)
        XCTAssertEqual(writer.firstEntry, "mimetype")
        XCTAssertEqual(try LMSFixture.check(tree, as: .epub, firstEntry: writer.firstEntry).diagnostics.map(\.formatted), [])
        // Zipped without the writer's first entry, the book breaks the mimetype rule, and the check says so.
        let unordered = try LMSFixture.check(tree, as: .epub).diagnostics
        XCTAssertEqual(Set(unordered.map(\.identifier)), ["package.mimetype"], "\(unordered.map(\.formatted))")
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

        // The spine reads every chapter (that the manifest and the zip agree, and the spine names manifest
        // items, is testTheBookPassesThePackageChecks).
        let spine = try XCTUnwrap(opf.element(named: "spine")).elements(named: "itemref").compactMap { $0.attribute("idref") }
        let chapters = 1 + module.units.count + module.matrices.count + (module.glossary.isEmpty ? 0 : 1)
        XCTAssertEqual(spine.count, 1 + chapters * module.languages.count, "the cover, then every chapter in every language")

        // The cover: an image the package names as its cover, and the first page.
        let manifest = try XCTUnwrap(opf.element(named: "manifest")).elements(named: "item")
        let cover = try XCTUnwrap(manifest.first { $0.attribute("properties") == "cover-image" })
        XCTAssertEqual(cover.attribute("href"), "cover.svg")
        XCTAssertEqual(cover.attribute("media-type"), "image/svg+xml")
        let svg = try LMSFixture.root(tree["EPUB/cover.svg"], "cover.svg")
        XCTAssertTrue(svg.descendants.contains { $0.name == "title" && $0.text == module.metadata.title["es"] })
        let first = manifest.first { $0.attribute("id") == spine.first }
        XCTAssertEqual(first?.attribute("href"), "text/cover.xhtml")

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
            // blank but for the row's number and the column's name, shown when the table reflows on a phone
            for (i, cell) in cells.enumerated() {
                let column = matrix.columns[i % matrix.columns.count], row = i / matrix.columns.count
                let number = i % matrix.columns.count == 0 ? LMSFixture.input.catalogue.text("common.rowN", lang, String(row + 1)) : ""
                XCTAssertEqual(cell.text, number + column.label[lang]!)
                XCTAssertEqual(cell.elements.last?.attribute("class"), "column")
            }
            let text = page.text
            for column in matrix.columns where !(column.help[lang] ?? "").isEmpty {
                XCTAssertTrue(text.contains(column.help[lang]!), "help of \(column.id) in \(lang)")
            }
        }
    }

    /// The book is the participants': the slides' speaker notes are for the facilitator guide only.
    func testTheBookLeavesOutTheSpeakerNotes() throws {
        let module = LMSFixture.input.module
        let notes = module.units.flatMap(\.blocks).flatMap { b -> [Slide] in
            if case .presentation(let p) = b { return p.slides } else { return [] }
        }.compactMap(\.notes)
        XCTAssertFalse(notes.isEmpty, "the example module has speaker notes")
        let tree = try EPUBWriter().render(LMSFixture.input)
        let book = tree.sortedPaths.filter { $0.hasSuffix(".xhtml") }.map { String(decoding: tree[$0]!, as: UTF8.self) }.joined()
        XCTAssertFalse(book.contains("Abra preguntando quién ha participado"))
        XCTAssertFalse(book.contains(LMSFixture.input.catalogue.text("player.notes", "es")))
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
