import Foundation
import TequioDocuments
import TequioModel
import XCTest
import XMLSupport

/// The documents' one style sheet (`Branding.styleSheet`): a value changed in it reaches the DOCX, the
/// ODT and the HTML, and the branding's sizes act on it.
final class StyleSheetTests: XCTestCase {
    static let style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    static let fo = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"

    func testChangingAHeadingSizeInTheSheetChangesItInDOCXODTAndHTML() throws {
        var branding = Fixtures.branding
        XCTAssertEqual(try wordRun(branding, "Heading1", "sz"), "32", "half-points")
        XCTAssertEqual(try odfText(branding, "Heading_20_1", "font-size"), "16pt")
        XCTAssertTrue(try cssRule(branding, "h2").contains("font-size: 16pt;"))

        branding.styleSheet[.heading(1)]?.text.size = 17

        XCTAssertEqual(try wordRun(branding, "Heading1", "sz"), "34")
        XCTAssertEqual(try wordRun(branding, "Heading1", "szCs"), "34")
        XCTAssertEqual(try odfText(branding, "Heading_20_1", "font-size"), "17pt")
        XCTAssertEqual(try odfText(branding, "Heading_20_1", "font-size-complex", namespace: Self.style), "17pt")
        XCTAssertTrue(try cssRule(branding, "h2").contains("font-size: 17pt;"))
        XCTAssertEqual(try wordRun(branding, "Heading2", "sz"), "26", "heading 2 is another style")
    }

    func testSpacingInTheSheetReachesDOCXAndODTButNotYetTheHTML() throws {
        var branding = Fixtures.branding
        let html = try stylesheet(branding)
        branding.styleSheet[.heading(2)]?.paragraph.spaceBefore = 24
        let spacing = try XCTUnwrap(try wordStyle(branding, "Heading2").element(named: "pPr")?.element(named: "spacing"))
        XCTAssertEqual(spacing.attribute("before", namespace: DocumentText.w), "480", "twips")
        let paragraph = try XCTUnwrap(try odfStyle(branding, "Heading_20_2").element(named: "paragraph-properties"))
        XCTAssertEqual(paragraph.attribute("margin-top", namespace: Self.fo), "0.85cm")
        // The HTML's spacing is its own, in em (see CSSStyles).
        XCTAssertEqual(try stylesheet(branding), html)
    }

    func testTheBrandingsSizesActOnTheSheet() throws {
        var branding = Fixtures.branding
        branding.fonts.bodySize = 12
        branding.fonts.tableSize = 9
        XCTAssertEqual(branding.styleSheet.defaultText.size, 12)
        XCTAssertEqual(branding.styleSheet[.tableText]?.text.size, 9)

        let styles = try stylesPart(try render(branding, .docx), "word/styles.xml")
        let defaults = try XCTUnwrap(styles.element(named: "docDefaults")?.element(named: "rPrDefault")?.element(named: "rPr"))
        XCTAssertEqual(defaults.element(named: "sz")?.attribute("val", namespace: DocumentText.w), "24")
        XCTAssertEqual(try wordRun(branding, "TableText", "sz"), "18")
        XCTAssertEqual(try odfText(branding, "Table_20_Contents", "font-size"), "9pt")
        XCTAssertEqual(try odfText(branding, "Table_20_Heading", "font-size"), "9pt")
        XCTAssertTrue(try cssRule(branding, "html").contains("font-size: 12pt;"))
        XCTAssertTrue(try cssRule(branding, "table").contains("font-size: 9pt;"))

        branding.styleSheet.defaultText.size = 11
        XCTAssertEqual(branding.fonts.bodySize, 11, "setting the sheet keeps the branding's size in step")
        XCTAssertTrue(try stylesheet(branding).contains("--body-size: 11pt;"))
    }

    /// Page breaks, widow control and the monospaced font are in the sheet for the formats to come;
    /// no Tequio style uses them yet, so they are checked here, against the schemas too.
    func testPropertiesNoTequioStyleUsesAreWrittenValidly() throws {
        var branding = Fixtures.branding
        branding.styleSheet[.body]?.paragraph.pageBreakBefore = true
        branding.styleSheet[.body]?.paragraph.minimumLinesAtBreak = 2
        branding.styleSheet[.body]?.text.font = .mono

        let docx = try render(branding, .docx)
        let body = try wordStyle(branding, "BodyText")
        XCTAssertNotNil(body.element(named: "pPr")?.element(named: "pageBreakBefore"))
        XCTAssertNotNil(body.element(named: "pPr")?.element(named: "widowControl"))
        XCTAssertEqual(body.element(named: "rPr")?.element(named: "rFonts")?.attribute("ascii", namespace: DocumentText.w), "Liberation Mono")
        XCTAssertEqual(try Fixtures.check(docx, as: "sheet.docx").diagnostics.map(\.formatted), [])

        let odt = try render(branding, .odt)
        let paragraph = try XCTUnwrap(try odfStyle(branding, "Text_20_body").element(named: "paragraph-properties"))
        XCTAssertEqual(paragraph.attribute("break-before", namespace: Self.fo), "page")
        XCTAssertEqual(paragraph.attribute("orphans", namespace: Self.fo), "2")
        XCTAssertEqual(try odfText(branding, "Text_20_body", "font-name", namespace: Self.style), "Liberation Mono")
        let faces = try stylesPart(odt, "styles.xml").descendants("font-face", Self.style)
        let mono = try XCTUnwrap(faces.first { $0.attribute("name", namespace: Self.style) == "Liberation Mono" })
        XCTAssertEqual(mono.attribute("font-pitch", namespace: Self.style), "fixed")
        XCTAssertEqual(try Fixtures.check(odt, as: "sheet.odt").diagnostics.map(\.formatted), [])

        XCTAssertEqual(try cssRule(branding, "p"), #"p { font-family: "Liberation Mono", monospace; }"#)
    }

    func testResolvedTextTakesWhatAStyleLacksFromItsAncestorsAndTheDefaults() {
        let sheet = DocumentStyleSheet.tequio
        let tableHeading = sheet.resolvedText(.tableHeading)
        XCTAssertEqual(tableHeading.font, .heading, "its own")
        XCTAssertEqual(tableHeading.size, 8.5, "Table Text's")
        XCTAssertEqual(tableHeading.colour, .tableHeaderText)
        let header = sheet.resolvedText(.pageHeader)
        XCTAssertEqual(header.font, .body, "the defaults'")
        XCTAssertEqual(header.size, 8)
        XCTAssertNil(header.bold)
        XCTAssertEqual(sheet.fontRoles, [.body, .heading])
    }

    // MARK: Reading the outputs

    func render(_ branding: Branding, _ format: DocumentFormat) throws -> RenderedDocument {
        var options = Fixtures.options
        options.branding = branding
        return try DocumentRenderer.render(PlanLayout.layout(try Fixtures.smallPlan), as: format, options: options)
    }

    func stylesPart(_ document: RenderedDocument, _ path: String) throws -> XMLElement {
        try XCTUnwrap(try parsePart(try document.tree, path).root)
    }

    /// The `w:style` of `styles.xml` with style id `id`.
    func wordStyle(_ branding: Branding, _ id: String, file: StaticString = #filePath, line: UInt = #line) throws -> XMLElement {
        let styles = try stylesPart(try render(branding, .docx), "word/styles.xml")
        return try XCTUnwrap(
            styles.elements.first { $0.name == "style" && $0.attribute("styleId", namespace: DocumentText.w) == id }, "no Word style \(id)", file: file, line: line)
    }

    /// The `w:val` of the run property `property` of Word style `id`.
    func wordRun(_ branding: Branding, _ id: String, _ property: String) throws -> String? {
        try wordStyle(branding, id).element(named: "rPr")?.element(named: property)?.attribute("val", namespace: DocumentText.w)
    }

    /// The `style:style` of the ODT's `styles.xml` named `name`.
    func odfStyle(_ branding: Branding, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> XMLElement {
        let styles = try stylesPart(try render(branding, .odt), "styles.xml").descendants("style", Self.style)
        return try XCTUnwrap(styles.first { $0.attribute("name", namespace: Self.style) == name }, "no ODF style \(name)", file: file, line: line)
    }

    /// A `style:text-properties` attribute of ODF style `name` (`fo:` unless told).
    func odfText(_ branding: Branding, _ name: String, _ attribute: String, namespace: String = fo) throws -> String? {
        try odfStyle(branding, name).element(named: "text-properties")?.attribute(attribute, namespace: namespace)
    }

    /// The HTML plan's style element text.
    func stylesheet(_ branding: Branding) throws -> String {
        let html = String(decoding: try render(branding, .html).fileData, as: UTF8.self)
        let start = try XCTUnwrap(html.range(of: "<style>\n"))
        let end = try XCTUnwrap(html.range(of: "</style>", range: start.upperBound..<html.endIndex))
        return String(html[start.upperBound..<end.lowerBound])
    }

    /// The style sheet's one-line rule for `selector`: the first, since the sheet's rules come before
    /// the HTML's layout rules.
    func cssRule(_ branding: Branding, _ selector: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let rule = try stylesheet(branding).split(separator: "\n").first { $0.hasPrefix("\(selector) {") }
        return String(try XCTUnwrap(rule, "no rule for \(selector)", file: file, line: line))
    }
}
