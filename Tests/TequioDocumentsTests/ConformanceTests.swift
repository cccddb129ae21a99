import Foundation
import TequioModel
import XCTest
import XMLSupport

@testable import TequioDocuments

/// Every rendered DOCX and ODT through the product's checker (`TequioPackageCheck`, as `tequio check`
/// runs it): each part against its official schema (`schemas/official`) and the package rules schemas
/// miss; then what Tequio promises beyond any valid document.
final class ConformanceTests: XCTestCase {
    static let w = DocumentText.w
    static let text = DocumentText.text
    static let table = DocumentText.table

    /// The documents under test: each example plan, the small fixture, the hostile plan and the
    /// compendium of the examples.
    static func layouts() throws -> [(String, DocumentLayout)] {
        var result = try Fixtures.examplePlans.map { ($0.baseName, PlanLayout.layout($0)) }
        result.append(("small", PlanLayout.layout(try Fixtures.smallPlan)))
        result.append(("hostile", PlanLayout.layout(HostileText.plan())))
        var empty = HostileText.matrix()
        empty.rows = []
        empty.members = []
        empty.tableName = ""
        empty.language = "en"
        result.append(("empty", PlanLayout.layout(ActionPlan(matrix: empty, module: Fixtures.module, catalogue: Fixtures.catalogue, source: "empty.xml"))))
        result.append(("compendium", PlanLayout.layout(Compendium(plans: try Fixtures.examplePlans + [HostileText.plan()], module: Fixtures.module, catalogue: Fixtures.catalogue))))
        return result
    }

    func testEveryDocxPassesThePackageChecks() throws {
        var all: [String] = []
        for (name, layout) in try Self.layouts() {
            let rendered = try DocumentRenderer.render(layout, as: .docx, options: Fixtures.options)
            all += try Fixtures.check(rendered, as: "\(name).docx").diagnostics.map(\.formatted)
            // Tequio's own promises: every table repeats its first row on each page, and the parts are
            // plain ECMA-376 (no Markup Compatibility extensions, which the checker would set aside).
            let tree = try rendered.tree
            let document = try parsePart(tree, "word/document.xml").root!
            for (t, tbl) in document.descendants("tbl", Self.w).enumerated() {
                let first = tbl.elements.first { $0.name == "tr" }
                if first?.descendants("tblHeader", Self.w).isEmpty != false { all.append("\(name): table \(t + 1): the first row does not repeat (w:tblHeader)") }
            }
            for path in tree.sortedPaths where path.hasSuffix(".xml") || path.hasSuffix(".rels") {
                if String(decoding: tree[path]!, as: UTF8.self).contains(ForeignMarkup.markupCompatibility) { all.append("\(name): \(path) uses Markup Compatibility") }
            }
        }
        XCTAssertEqual(all, [])
    }

    func testEveryOdtPassesThePackageChecks() throws {
        var all: [String] = []
        for (name, layout) in try Self.layouts() {
            let rendered = try DocumentRenderer.render(layout, as: .odt, options: Fixtures.options)
            all += try Fixtures.check(rendered, as: "\(name).odt").diagnostics.map(\.formatted)
            // Tequio's own promises: table headers repeat, every list names its list style, and the parts
            // are ODF 1.3 without extensions (the checker sets foreign markup aside and reads 1.2 as 1.3).
            let tree = try rendered.tree
            let content = try parsePart(tree, "content.xml").root!
            for (t, tbl) in content.descendants("table", Self.table).enumerated() where !tbl.elements.contains(where: { $0.name == "table-header-rows" }) {
                all.append("\(name): table \(t + 1) has no table:table-header-rows")
            }
            for list in content.descendants("list", Self.text) where list.attribute("style-name", namespace: Self.text) == nil {
                all.append("\(name): a text:list has no list style")
            }
            for path in ["content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"] {
                let root = try parsePart(tree, path).root!
                let version = root.attributes.first { $0.name == "version" }?.value
                if version != "1.3" { all.append("\(name): \(path) is ODF \(version ?? "without a version"), not 1.3") }
                let namespaces = Set(root.descendants.flatMap { [$0.namespace] + $0.attributes.map(\.namespace) }.compactMap { $0 })
                for ns in namespaces.sorted() where !Self.odfNamespace(ns) { all.append("\(name): \(path) uses foreign markup (\(ns))") }
            }
        }
        XCTAssertEqual(all, [])
    }

    /// The namespaces of ODF 1.3 itself (its own and the W3C ones it imports) that Tequio writes.
    static func odfNamespace(_ ns: String) -> Bool {
        ns.hasPrefix("urn:oasis:names:tc:opendocument:xmlns:")
            || ["http://www.w3.org/1999/xlink", "http://purl.org/dc/elements/1.1/", "http://www.w3.org/XML/1998/namespace"].contains(ns)
    }

    /// The package rules find what the schemas let through: the diagnostics are the rules', none is
    /// `xml.schema`.
    func testThePackageChecksCatchWhatTheSchemasMiss() throws {
        var tree = try DocumentRenderer.render(PlanLayout.layout(try Fixtures.smallPlan), as: .docx, options: Fixtures.options).tree
        let document = String(decoding: tree["word/document.xml"]!, as: UTF8.self)
        // A cell without a paragraph, and a list pointing to a missing numbering.
        var broken = document.replacingOccurrences(of: "<w:numId w:val=\"2\"/>", with: "<w:numId w:val=\"99\"/>")
        XCTAssertNotEqual(broken, document)
        let r = try XCTUnwrap(broken.range(of: #"</w:tcPr><w:p>"#))
        let end = try XCTUnwrap(broken.range(of: "</w:p></w:tc>", range: r.upperBound..<broken.endIndex))
        broken.replaceSubrange(r.lowerBound..<end.upperBound, with: "</w:tcPr></w:tc>")
        tree["word/document.xml"] = Data(broken.utf8)
        tree["word/media/extra.bin"] = Data([0])
        let docx = try Fixtures.check(.package(tree, firstEntry: nil), as: "broken.docx").diagnostics
        XCTAssertEqual(docx.map { "\($0.severity) \($0.identifier) \($0.location?.file ?? ""): \($0.message)" }, [
            "error package.content-type broken.docx!word/media/extra.bin: word/media/extra.bin has no content type in [Content_Types].xml: Word calls the file damaged",
            "error package.table broken.docx!word/document.xml: table 1, row 1, cell 1 has no paragraph (w:p): Word calls the file damaged",
            "error package.dangling-ref broken.docx!word/document.xml: w:numId 99 has no w:num in word/numbering.xml",
        ])

        var odt = try DocumentRenderer.render(PlanLayout.layout(try Fixtures.smallPlan), as: .odt, options: Fixtures.options).tree
        odt["Pictures/unlisted.png"] = Data([1, 2, 3])
        let unlisted = try Fixtures.check(.package(odt, firstEntry: "mimetype"), as: "unlisted.odt").diagnostics
        XCTAssertEqual(unlisted.map { "\($0.identifier) \($0.location?.file ?? ""): \($0.message)" }, [
            "package.unlisted-file unlisted.odt!Pictures/unlisted.png: Pictures/unlisted.png is in the zip but not in META-INF/manifest.xml: LibreOffice calls the file damaged"
        ])
        // A zip whose first entry is not mimetype.
        odt["Pictures/unlisted.png"] = nil
        let plain = try Fixtures.check(.package(odt, firstEntry: nil), as: "plain.odt").diagnostics
        XCTAssertEqual(Set(plain.map(\.identifier)), ["package.mimetype"], "\(plain.map(\.formatted))")
        XCTAssertTrue(plain.contains { $0.message.hasPrefix("mimetype must be the first entry of the zip") }, "\(plain.map(\.formatted))")
    }

    func testDocxHasRealWordStylesNumberingAndALandscapeMatrixSection() throws {
        let tree = try DocumentRenderer.render(PlanLayout.layout(try Fixtures.smallPlan), as: .docx, options: Fixtures.options).tree
        let styles = try parsePart(tree, "word/styles.xml").root!
        let w = Self.w
        let names = Set(styles.descendants("name", w).compactMap { $0.attribute("val", namespace: w) })
        for name in ["Normal", "Title", "Subtitle", "heading 1", "heading 2", "heading 3", "List Number", "List Bullet", "toc 1", "header", "footer", "Tequio Table"] {
            XCTAssertTrue(names.contains(name), "style \(name) is missing")
        }
        let document = try parsePart(tree, "word/document.xml").root!
        let sizes = document.descendants("pgSz", w).map { $0.attribute("orient", namespace: w) ?? "portrait" }
        XCTAssertEqual(sizes, ["portrait", "landscape", "portrait"])
        XCTAssertEqual(document.descendants("titlePg", w).count, 1)
        let table = try XCTUnwrap(document.descendants("tbl", w).first)
        XCTAssertEqual(table.descendants("gridCol", w).count, 6)
        XCTAssertEqual(table.descendants("tblHeader", w).count, 1)
        let footer = String(decoding: tree["word/footer1.xml"]!, as: UTF8.self)
        XCTAssertTrue(footer.contains(" PAGE ") && footer.contains(" NUMPAGES ") && footer.contains("Página "))
        let core = String(decoding: tree["docProps/core.xml"]!, as: UTF8.self)
        XCTAssertTrue(core.contains("<dc:language>es</dc:language>"))
        XCTAssertTrue(core.contains("<dc:title>Plan de acción: Mesa 9 · Prueba</dc:title>"))
        XCTAssertTrue(core.contains("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2012-01-20T15:15:00Z</dcterms:modified>"))
    }

    func testOdtHasNamedStylesALandscapeMasterPageAndRepeatedHeaderRows() throws {
        let tree = try DocumentRenderer.render(PlanLayout.layout(try Fixtures.smallPlan), as: .odt, options: Fixtures.options).tree
        let styles = String(decoding: tree["styles.xml"]!, as: UTF8.self)
        for needle in [
            #"style:name="Heading_20_1""#, #"style:name="Title""#, #"style:master-page style:name="Landscape""#,
            #"style:print-orientation="landscape""#, #"text:list-style style:name="Tequio_20_Numbered""#, "<text:page-number",
        ] {
            XCTAssertTrue(styles.contains(needle), "styles.xml lacks \(needle)")
        }
        let content = String(decoding: tree["content.xml"]!, as: UTF8.self)
        XCTAssertTrue(content.contains("<table:table-header-rows>"))
        XCTAssertTrue(content.contains(#"text:style-name="Heading_20_1.land""#))
        XCTAssertTrue(content.contains(#"text:style-name="Heading_20_1.port""#))
        let meta = String(decoding: tree["meta.xml"]!, as: UTF8.self)
        XCTAssertTrue(meta.contains("<dc:language>es</dc:language>") && meta.contains("<dc:date>2012-01-20T15:15:00Z</dc:date>"))
    }
}
