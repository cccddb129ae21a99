import Foundation
import TequioModel
import TequioReaders
import XCTest
import XMLSupport
import ZipSupport

@testable import TequioDocuments

/// Golden files, reproducibility, HTML and Markdown, reference documents.
final class OutputTests: XCTestCase {
    func testDocumentAndContentMatchTheGoldenFiles() throws {
        let layout = PlanLayout.layout(try Fixtures.smallPlan)
        let docx = try DocumentRenderer.render(layout, as: .docx, options: Fixtures.options).tree
        try assertGolden(CanonicalXML.dump(try parsePart(docx, "word/document.xml").root), "small-plan.document.xml.txt")
        let odt = try DocumentRenderer.render(layout, as: .odt, options: Fixtures.options).tree
        try assertGolden(CanonicalXML.dump(try parsePart(odt, "content.xml").root), "small-plan.content.xml.txt")
        let md = try DocumentRenderer.render(layout, as: .md, options: Fixtures.options).fileData
        try assertGolden(String(decoding: md, as: UTF8.self), "small-plan.md")
    }

    /// Renders every format of a plan and the compendium to bytes, as written on disk.
    private func allBytes() throws -> [Data] {
        var result: [Data] = []
        let plan = try Fixtures.smallPlan
        let compendium = Compendium(plans: try Fixtures.examplePlans, module: Fixtures.module, catalogue: Fixtures.catalogue)
        for layout in [PlanLayout.layout(plan), PlanLayout.layout(compendium)] {
            for format in DocumentFormat.allCases {
                let rendered = try DocumentRenderer.render(layout, as: format, options: Fixtures.options)
                let time = DocumentRenderer.timestamp(sourceDateEpoch: nil, modified: layout.properties.modified)
                result.append(try rendered.data(timestamp: time))
            }
        }
        return result
    }

    func testDocumentsAreByteIdenticalAcrossRunsAndTimeZones() throws {
        let utc = try withTimeZone("UTC") { try allBytes() }
        let kiritimati = try withTimeZone("Pacific/Kiritimati") { try allBytes() }
        let mexico = try withTimeZone("America/Mexico_City") { try allBytes() }
        XCTAssertEqual(utc.count, 2 * DocumentFormat.allCases.count)
        XCTAssertEqual(utc, kiritimati)
        XCTAssertEqual(utc, mexico)
        XCTAssertEqual(utc, try allBytes())
    }

    func testLongDocumentsWrittenInParallelChunksGiveTheSameBytesAsOnePass() throws {
        let compendium = Compendium(
            plans: try Fixtures.examplePlans + [try Fixtures.smallPlan, HostileText.plan()], module: Fixtures.module,
            catalogue: Fixtures.catalogue)
        let layout = PlanLayout.layout(compendium)
        XCTAssertGreaterThan(ChunkPlan.ranges(layout.blocks, threshold: 10).count, 2)
        let whole = try DocxBody.render(layout, branding: Fixtures.branding, threshold: .max)
        let chunked = try DocxBody.render(layout, branding: Fixtures.branding, threshold: 10)
        XCTAssertEqual(whole.numberedLists, chunked.numberedLists)
        XCTAssertTrue(whole.document == chunked.document, "DOCX chunks differ from one pass")
        let odtWhole = try OdtBody.render(layout, branding: Fixtures.branding, threshold: .max)
        let odtChunked = try OdtBody.render(layout, branding: Fixtures.branding, threshold: 10)
        XCTAssertTrue(odtWhole == odtChunked, "ODT chunks differ from one pass")
    }

    func testZipTimesComeFromSourceDateEpochElseFromTheMatrix() throws {
        let plan = try Fixtures.smallPlan
        XCTAssertEqual(DocumentRenderer.timestamp(sourceDateEpoch: nil, modified: plan.modified), plan.modified!.date)
        let epoch = Date(timeIntervalSince1970: 1_764_374_400)
        XCTAssertEqual(DocumentRenderer.timestamp(sourceDateEpoch: epoch, modified: plan.modified), epoch)
        XCTAssertEqual(DocumentRenderer.timestamp(sourceDateEpoch: nil, modified: nil), ArchiveOptions.earliestTimestamp)
    }

    func testHTMLIsSelfContainedWithPrintRulesForALandscapeMatrix() throws {
        let html = String(decoding: try DocumentRenderer.render(PlanLayout.layout(try Fixtures.smallPlan), as: .html, options: Fixtures.options).fileData, as: UTF8.self)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"es\">"))
        for needle in ["@page matrix { size: letter landscape", "section.matrix { page: matrix; }", "<thead>", "counter(page)", "src=\"data:image/svg+xml;base64,", "<meta name=\"author\" content=\"Mesa 9 · Prueba\">",
                       "tr { break-inside: avoid; }", "<table class=\"signatures\">", "table.signatures td { height: 40pt; }"] {
            XCTAssertTrue(html.contains(needle), "missing \(needle)")
        }
        XCTAssertNil(html.range(of: #"(src|href)="(https?:|//)"#, options: .regularExpression), "the document loads something from outside")
        XCTAssertFalse(html.contains("<script"))
    }

    func testMarkdownHasAGFMTableAndNumberedActions() throws {
        let md = String(decoding: try DocumentRenderer.render(PlanLayout.layout(try Fixtures.smallPlan), as: .md, options: Fixtures.options).fileData, as: UTF8.self)
        XCTAssertTrue(md.hasPrefix("*Programa para mejorar"))
        XCTAssertTrue(md.contains("| Problemas y prioridades de reforma | ¿Quién se beneficia del problema? |"))
        XCTAssertTrue(md.contains("| Las tarifas no se publican. Nadie sabe cómo se calculan. | Quien cobra sin recibo. | Las familias.<br>Los comercios pequeños. | 1\\. Publicar la tarifa en la ventanilla.<br>2\\. Entregar recibos con desglose. |"))
        XCTAssertTrue(md.contains("#### Acciones del gobierno\n\n1. Publicar la tarifa en la ventanilla.\n2. Entregar recibos con desglose.\n"))
    }

    func testAReferenceDocxReplacesOurStylesAndKeepsTheDocumentValid() throws {
        let folder = try Fixtures.temporaryFolder(self)
        // A reference made from our own output, with a red Heading 1, a vendor attribute and a new style.
        var reference = try DocumentRenderer.render(PlanLayout.layout(try Fixtures.smallPlan), as: .docx, options: Fixtures.options).tree
        var styles = String(decoding: reference["word/styles.xml"]!, as: UTF8.self)
        styles = styles.replacingOccurrences(
            of: #"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#,
            with: #"<w:styles xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#)
        let heading = try XCTUnwrap(styles.range(of: #"<w:style w:type="paragraph" w:styleId="Heading1">"#))
        styles.replaceSubrange(heading, with: #"<w:style w:type="paragraph" w:styleId="Heading1" w14:custom="1"><w:name w:val="heading 1"/><w:rPr><w:color w:val="FF0000"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Unused">"#)
        styles = styles.replacingOccurrences(of: "</w:styles>", with: #"<w:style w:type="paragraph" w:styleId="Custom"><w:name w:val="Custom"/></w:style></w:styles>"#)
        reference["word/styles.xml"] = Data(styles.utf8)
        let url = folder.appendingPathComponent("reference.docx")
        try ArchiveWriter.write(reference, to: url)

        var options = Fixtures.options
        options.docxReference = try DocxReference(contentsOf: url)
        let rendered = try DocumentRenderer.render(PlanLayout.layout(try Fixtures.smallPlan), as: .docx, options: options)
        let tree = try rendered.tree
        let result = String(decoding: tree["word/styles.xml"]!, as: UTF8.self)
        XCTAssertTrue(result.contains(#"<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"></w:name><w:rPr><w:color w:val="FF0000"></w:color></w:rPr></w:style>"#), result)
        XCTAssertTrue(result.contains(#"w:styleId="Custom""#))
        XCTAssertFalse(result.contains("w14"))
        XCTAssertEqual(try Fixtures.check(rendered, as: "referenced.docx").diagnostics.map(\.formatted), [])

        try Data("not a zip".utf8).write(to: folder.appendingPathComponent("bad.docx"))
        XCTAssertThrowsError(try DocxReference(contentsOf: folder.appendingPathComponent("bad.docx"))) { error in
            XCTAssertTrue("\(error)".contains("bad.docx"), "\(error)")
        }
    }

    func testAReferenceOdtReplacesNamedStylesAndDropsVendorMarkup() throws {
        let folder = try Fixtures.temporaryFolder(self)
        var reference = try DocumentRenderer.render(PlanLayout.layout(try Fixtures.smallPlan), as: .odt, options: Fixtures.options).tree
        var styles = String(decoding: reference["styles.xml"]!, as: UTF8.self)
        styles = styles.replacingOccurrences(of: "<office:document-styles ", with: #"<office:document-styles xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" "#)
        let heading = try XCTUnwrap(styles.range(of: #"<style:style style:name="Heading_20_1""#))
        styles.replaceSubrange(
            heading,
            with: ##"<style:style style:name="Heading_20_1" style:family="paragraph" loext:linked-style-name="x"><style:text-properties fo:color="#ff0000"/></style:style><style:style style:name="Unused""##)
        reference["styles.xml"] = Data(styles.utf8)
        let url = folder.appendingPathComponent("reference.odt")
        try ArchiveWriter.write(reference, to: url, options: ArchiveOptions(firstEntry: "mimetype"))

        var options = Fixtures.options
        options.odtReference = try OdtReference(contentsOf: url)
        let rendered = try DocumentRenderer.render(PlanLayout.layout(try Fixtures.smallPlan), as: .odt, options: options)
        let tree = try rendered.tree
        let result = String(decoding: tree["styles.xml"]!, as: UTF8.self)
        XCTAssertTrue(result.contains(##"<style:style style:name="Heading_20_1" style:family="paragraph"><style:text-properties fo:color="#ff0000"></style:text-properties></style:style>"##), result)
        XCTAssertFalse(result.contains("loext"))
        XCTAssertEqual(try Fixtures.check(rendered, as: "referenced.odt").diagnostics.map(\.formatted), [])
    }
}

/// Runs `body` with the process time zone set to `zone`.
func withTimeZone<T>(_ zone: String, _ body: () throws -> T) rethrows -> T {
    let saved = getenv("TZ").map { String(cString: $0) }
    setenv("TZ", zone, 1)
    tzset()
    NSTimeZone.resetSystemTimeZone()
    defer {
        if let saved { setenv("TZ", saved, 1) } else { unsetenv("TZ") }
        tzset()
        NSTimeZone.resetSystemTimeZone()
    }
    return try body()
}
