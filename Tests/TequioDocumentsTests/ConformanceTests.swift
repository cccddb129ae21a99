import Foundation
import TequioModel
import XCTest
import XMLSupport
import ZipSupport

@testable import TequioDocuments

/// Every DOCX part against the ECMA-376 schemas and every ODT part against the ODF 1.3 RELAX NG
/// schemas (`schemas/official`), plus the package checks the schemas miss.
final class ConformanceTests: XCTestCase {
    static let ooxml = Fixtures.officialSchemas.appendingPathComponent("ooxml")
    static let odf = Fixtures.officialSchemas.appendingPathComponent("odf1.3")

    /// Compiled once: the schemas are large.
    nonisolated(unsafe) static var compiled: [String: AnyObject] = [:]

    static func xsd(_ path: String) throws -> XSDSchema {
        if let s = compiled[path] as? XSDSchema { return s }
        let s = try XSDSchema(contentsOf: ooxml.appendingPathComponent(path))
        compiled[path] = s
        return s
    }

    static func rng(_ name: String) throws -> RelaxNGSchema {
        if let s = compiled[name] as? RelaxNGSchema { return s }
        let s = try RelaxNGSchema(contentsOf: odf.appendingPathComponent(name))
        compiled[name] = s
        return s
    }

    /// `opc-coreProperties.xsd` as carried in `schemas/official` (its Dublin Core imports point at local
    /// stand-ins, see the README there).
    static func coreProperties() throws -> XSDSchema {
        if let s = compiled["core"] as? XSDSchema { return s }
        let s = try XSDSchema(contentsOf: ooxml.appendingPathComponent("opc-xsd/opc-coreProperties.xsd"))
        compiled["core"] = s
        return s
    }

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
        result.append(("empty", PlanLayout.layout(ActionPlan(matrix: empty, module: Fixtures.module, source: "empty.xml"))))
        result.append(("compendium", PlanLayout.layout(Compendium(plans: try Fixtures.examplePlans + [HostileText.plan()], module: Fixtures.module))))
        return result
    }

    /// Schema validation of one part; an empty list when it is valid.
    func problems(_ schema: AnyObject, _ tree: FileTree, _ path: String, in document: String) throws -> [String] {
        let parsed = try parsePart(tree, path)
        let diagnostics = (schema as? XSDSchema)?.validate(parsed) ?? (schema as! RelaxNGSchema).validate(parsed)
        return diagnostics.filter { $0.severity == .error }.prefix(5).map { "\(document): \($0.formatted)" }
    }

    func testEveryDocxPartIsValidAgainstTheOOXMLSchemasAndThePackageChecks() throws {
        let wml = try Self.xsd("wml-driver.xsd")
        let types = try Self.xsd("opc-xsd/opc-contentTypes.xsd")
        let rels = try Self.xsd("opc-xsd/opc-relationships.xsd")
        let app = try Self.xsd("shared-documentPropertiesExtended.xsd")
        let core = try Self.coreProperties()
        var all: [String] = []
        for (name, layout) in try Self.layouts() {
            let tree = try DocumentRenderer.render(layout, as: .docx, options: Fixtures.options).tree
            for path in tree.sortedPaths {
                if path.hasPrefix("word/") && path.hasSuffix(".xml") {
                    all += try problems(wml, tree, path, in: name)
                } else if path.hasSuffix(".rels") {
                    all += try problems(rels, tree, path, in: name)
                }
            }
            all += try problems(types, tree, "[Content_Types].xml", in: name)
            all += try problems(app, tree, "docProps/app.xml", in: name)
            all += try problems(core, tree, "docProps/core.xml", in: name)
            all += try PackageChecks.docx(tree).map { "\(name): \($0)" }
        }
        XCTAssertEqual(all, [])
    }

    func testEveryOdtPartIsValidAgainstTheODFSchemasAndThePackageChecks() throws {
        let schema = try Self.rng("OpenDocument-v1.3-schema.rng")
        let manifest = try Self.rng("OpenDocument-v1.3-manifest-schema.rng")
        var all: [String] = []
        for (name, layout) in try Self.layouts() {
            let rendered = try DocumentRenderer.render(layout, as: .odt, options: Fixtures.options)
            let tree = try rendered.tree
            for path in ["content.xml", "styles.xml", "meta.xml"] { all += try problems(schema, tree, path, in: name) }
            all += try problems(manifest, tree, "META-INF/manifest.xml", in: name)
            all += try PackageChecks.odt(tree).map { "\(name): \($0)" }
            all += PackageChecks.odtArchive(try rendered.data(timestamp: Date(timeIntervalSince1970: 1_764_374_400))).map { "\(name): \($0)" }
        }
        XCTAssertEqual(all, [])
    }

    func testThePackageChecksCatchWhatTheSchemasMiss() throws {
        var tree = try DocumentRenderer.render(PlanLayout.layout(try Fixtures.smallPlan), as: .docx, options: Fixtures.options).tree
        let document = String(decoding: tree["word/document.xml"]!, as: UTF8.self)
        // A cell without a paragraph, and a list pointing to a missing numbering.
        var broken = document.replacingOccurrences(of: "<w:numId w:val=\"2\"/>", with: "<w:numId w:val=\"99\"/>")
        if let r = broken.range(of: #"</w:tcPr><w:p>"#) {
            let end = broken.range(of: "</w:p></w:tc>", range: r.upperBound..<broken.endIndex)!
            broken.replaceSubrange(r.lowerBound..<end.upperBound, with: "</w:tcPr></w:tc>")
        }
        tree["word/document.xml"] = Data(broken.utf8)
        tree["word/media/extra.bin"] = Data([0])
        let problems = try PackageChecks.docx(tree)
        XCTAssertTrue(problems.contains("w:numId 99 has no w:num"), "\(problems)")
        XCTAssertTrue(problems.contains { $0.hasSuffix("has no w:p") }, "\(problems)")
        XCTAssertTrue(problems.contains("word/media/extra.bin has no content type"), "\(problems)")

        var odt = try DocumentRenderer.render(PlanLayout.layout(try Fixtures.smallPlan), as: .odt, options: Fixtures.options).tree
        odt["Pictures/unlisted.png"] = Data([1, 2, 3])
        XCTAssertEqual(try PackageChecks.odt(odt), ["Pictures/unlisted.png is not in the manifest"])
        // A zip whose first entry is not mimetype.
        let plain = try ArchiveWriter.data(for: odt, options: ArchiveOptions(timestamp: Date(timeIntervalSince1970: 0)))
        XCTAssertFalse(PackageChecks.odtArchive(plain).isEmpty)
    }

    func testDocxHasRealWordStylesNumberingAndALandscapeMatrixSection() throws {
        let tree = try DocumentRenderer.render(PlanLayout.layout(try Fixtures.smallPlan), as: .docx, options: Fixtures.options).tree
        let styles = try parsePart(tree, "word/styles.xml").root!
        let w = PackageChecks.w
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
