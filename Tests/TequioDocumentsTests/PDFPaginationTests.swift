import Foundation
import PDFSupport
import TequioModel
import XCTest

@testable import TequioDocuments

/// The PDF writer's pagination, measured by pango: whole rows, the header row on every page of a table,
/// a row taller than a page cut between lines, headings kept with what follows, widows and orphans,
/// the page count and the contents' page numbers.
final class PDFPaginationTests: XCTestCase {
    func pages(_ layout: DocumentLayout, branding: Branding = Fixtures.branding) throws -> [PDFPage] {
        try PDFWriter(branding: branding, generator: "Tequio test").paginate(layout, engine: try TextEngine(language: layout.properties.language))
    }

    func pdf(_ layout: DocumentLayout, branding: Branding = Fixtures.branding) throws -> Data {
        try PDFWriter(branding: branding, generator: "Tequio test").render(layout)
    }

    /// A layout of plain blocks on portrait pages.
    func layout(_ blocks: [DocumentLayout.Block]) throws -> DocumentLayout {
        var layout = PlanLayout.layout(try Fixtures.smallPlan)
        layout.blocks = blocks
        layout.hasCover = false
        return layout
    }

    func texts(_ page: PDFPage) -> [(text: String, lines: Range<Int>, y: Double)] {
        page.items.compactMap {
            guard case .text(let p, _, let y, let lines) = $0 else { return nil }
            return (p.runs.map(\.text).joined(), lines, y)
        }
    }

    func testRowsThatFitOnAPageAreWholeAndEveryPageOfATableStartsWithItsHeaderRow() throws {
        for plan in try Fixtures.examplePlans + [try Fixtures.smallPlan] {
            // The matrix alone: the signature table at the end is on a portrait page.
            var layout = PlanLayout.layout(plan)
            layout.blocks.removeAll { if case .table(let t) = $0 { t.kind == .signatures } else { false } }
            let pages = try pages(layout)
            var placed: [Int] = []
            for page in pages where !page.tableRows.isEmpty {
                XCTAssertEqual(page.tableRows.first?.kind, .header, plan.baseName)
                XCTAssertEqual(page.tableRows.filter { $0.kind == .header }.count, 1, plan.baseName)
                XCTAssertEqual(page.frame.orientation, .landscape, "the matrix is on landscape pages")
                for row in page.tableRows {
                    XCTAssertFalse(row.isPart, "\(plan.baseName): a row that fits on a page was split")
                    XCTAssertLessThanOrEqual(row.top + row.height, page.frame.bodyBottom + 0.01)
                    if case .row(let r) = row.kind { placed.append(r) }
                }
            }
            XCTAssertEqual(placed, Array(plan.rows.indices), "\(plan.baseName): every row once, in order")
        }
    }

    func testARowTallerThanAPageIsCutBetweenLinesEachPageUnderTheHeaderRow() throws {
        let long = LayoutText((1...400).map { "Línea \($0) de una celda muy larga." }.joined(separator: " "))
        let table = DocumentLayout.Table(
            kind: .matrix, caption: "Matriz", header: ["Problema", "Acciones"], weights: [1, 1],
            rows: [[[LayoutText("Corta")], [long]], [[LayoutText("Después")], [LayoutText("fin")]]], footer: nil, numericColumns: [])
        let pages = try pages(try layout([.orientation(.landscape), .heading(level: 1, text: "Matriz", anchor: nil), .table(table)]))
        var ranges: [Range<Int>] = []
        var parts = 0
        for page in pages where !page.tableRows.isEmpty {
            XCTAssertEqual(page.tableRows.first?.kind, .header)
            parts += page.tableRows.filter { $0.kind == .row(0) && $0.isPart }.count
            ranges += texts(page).filter { $0.text == long.plain }.map(\.lines)
        }
        XCTAssertGreaterThanOrEqual(parts, 3)
        XCTAssertEqual(ranges.count, parts)
        // Every line of the long cell once, in order: the parts join exactly.
        XCTAssertEqual(ranges.first?.lowerBound, 0)
        for (a, b) in zip(ranges, ranges.dropFirst()) { XCTAssertEqual(a.upperBound, b.lowerBound) }
        XCTAssertEqual(pages.flatMap(\.tableRows).filter { $0.kind == .row(1) }.count, 1, "the next row is whole")
    }

    func testAHeaderRowIsNeverLeftWithoutItsFirstRowNorTheTableHeadingWithoutBoth() throws {
        // A first row of more than a third of a page, after more and more text: the heading, the header row and the first
        // row go to the next page together once they no longer fit (the compendium's chapter pages).
        let tall = LayoutText((1...150).map { "Acción \($0)." }.joined(separator: " "))
        let table = DocumentLayout.Table(
            kind: .matrix, caption: "Matriz", header: ["Problema", "Acciones"], weights: [1, 1],
            rows: [[[LayoutText("Primera")], [tall]], [[LayoutText("Segunda")], [LayoutText("fin")]]], footer: nil, numericColumns: [])
        let filler = DocumentLayout.Block.paragraph(LayoutText(String(repeating: "Relleno corto. ", count: 7)))
        var moved = 0
        for count in 0...40 {
            let blocks = Array(repeating: filler, count: count) + [.heading(level: 2, text: "MATRIZ", anchor: nil), .table(table)]
            let pages = try pages(try layout(blocks))
            let headerPage = pages.firstIndex { $0.tableRows.contains { $0.kind == .header } }
            let firstRowPage = pages.firstIndex { $0.tableRows.contains { $0.kind == .row(0) } }
            let headingPage = pages.firstIndex { texts($0).contains { $0.text == "MATRIZ" } }
            XCTAssertEqual(headerPage, firstRowPage, "\(count) fillers: the header row was left alone at the foot of a page")
            XCTAssertEqual(headingPage, firstRowPage, "\(count) fillers: the heading stayed behind")
            XCTAssertFalse(pages.flatMap(\.tableRows).contains { $0.isPart }, "\(count) fillers: a row that fits on a page was cut")
            if headingPage ?? 0 > 0 { moved += 1 }
        }
        XCTAssertGreaterThan(moved, 0, "the test never made the table start on a new page")
    }

    func testAShortParagraphEndingWithAColonStaysWithWhatItIntroduces() throws {
        let table = DocumentLayout.Table(
            kind: .matrix, caption: "Matriz", header: ["Problema", "Acciones"], weights: [1, 1],
            rows: [[[LayoutText("Una fila")], [LayoutText((1...40).map { "Acción \($0)." }.joined(separator: " "))]]], footer: nil, numericColumns: [])
        let filler = DocumentLayout.Block.paragraph(LayoutText(String(repeating: "Relleno corto. ", count: 7)))
        var moved = 0
        for count in 20...45 {
            let blocks = Array(repeating: filler, count: count) + [.paragraph("Cada mesa llena una matriz de seis columnas:"), .table(table)]
            let pages = try pages(try layout(blocks))
            let introPage = pages.firstIndex { texts($0).contains { $0.text.hasPrefix("Cada mesa llena") } }
            let tablePage = pages.firstIndex { $0.tableRows.contains { $0.kind == .row(0) } }
            XCTAssertEqual(introPage, tablePage, "\(count) fillers: the paragraph was left without the table it introduces")
            if introPage ?? 0 > 0 { moved += 1 }
        }
        XCTAssertGreaterThan(moved, 0, "the test never reached a second page")
    }

    func testAOneLineParagraphBetweenTwoHeadingsStaysWithBoth() throws {
        // A case study: its title, the place on one line, then "Contexto" and its text.
        let filler = DocumentLayout.Block.paragraph(LayoutText(String(repeating: "Relleno corto. ", count: 7)))
        let text = DocumentLayout.Block.paragraph(LayoutText(String(repeating: "El texto del contexto, largo. ", count: 12)))
        var moved = 0
        for count in 20...50 {
            let blocks = Array(repeating: filler, count: count) + [
                .heading(level: 2, text: "TÍTULO DEL CASO", anchor: nil), .paragraph("Ciudad media del Bajío"),
                .heading(level: 3, text: "CONTEXTO", anchor: nil), text,
            ]
            let pages = try pages(try layout(blocks))
            func page(_ prefix: String) -> Int? { pages.firstIndex { texts($0).contains { $0.text.hasPrefix(prefix) } } }
            XCTAssertEqual(page("TÍTULO DEL CASO"), page("CONTEXTO"), "\(count) fillers: the title and its place were left at the foot of a page")
            XCTAssertEqual(page("Ciudad media"), page("CONTEXTO"), "\(count) fillers")
            XCTAssertEqual(page("CONTEXTO"), page("El texto del contexto"), "\(count) fillers")
            if page("TÍTULO DEL CASO") ?? 0 > 0 { moved += 1 }
        }
        XCTAssertGreaterThan(moved, 0, "the test never reached a second page")
    }

    func testAHeadingIsNeverLastOnItsPage() throws {
        let filler = DocumentLayout.Block.paragraph(LayoutText(String(repeating: "Texto de relleno para llenar la página. ", count: 3)))
        for count in 20...40 {
            let blocks = Array(repeating: filler, count: count) + [.heading(level: 2, text: "TÍTULO", anchor: nil), .paragraph("DESPUÉS")]
            let pages = try pages(try layout(blocks))
            let headingPage = pages.firstIndex { texts($0).contains { $0.text == "TÍTULO" } }
            let nextPage = pages.firstIndex { texts($0).contains { $0.text == "DESPUÉS" } }
            XCTAssertNotNil(headingPage)
            XCTAssertEqual(headingPage, nextPage, "\(count) fillers: the heading was left alone at the foot of a page")
        }
    }

    func testAParagraphCutAcrossPagesKeepsTwoLinesOnEachSide() throws {
        let filler = DocumentLayout.Block.paragraph(LayoutText(String(repeating: "Relleno. ", count: 20)))
        let long = String(repeating: "Un párrafo largo que cruza de una página a la siguiente. ", count: 12)
        var cuts = 0
        for count in 10...30 {
            let pages = try pages(try layout(Array(repeating: filler, count: count) + [.paragraph(LayoutText(long))]))
            let pieces = pages.flatMap { texts($0).filter { $0.text == long } }
            if pieces.count > 1 { cuts += 1 }
            for piece in pieces { XCTAssertGreaterThanOrEqual(piece.lines.count, 2, "\(count) fillers") }
        }
        XCTAssertGreaterThan(cuts, 0, "the test never cut the paragraph")
    }

    func testAParagraphOfThreeLinesIsNeverCutAndTakesItsHeadingAlong() throws {
        let filler = DocumentLayout.Block.paragraph(LayoutText(String(repeating: "Relleno corto. ", count: 7)))
        let three = String(repeating: "Tres líneas que no se parten entre dos páginas. ", count: 5)
        for count in 20...50 {
            let blocks = Array(repeating: filler, count: count) + [.heading(level: 2, text: "TÍTULO", anchor: nil), .paragraph(LayoutText(three))]
            let pages = try pages(try layout(blocks))
            let pieces = pages.enumerated().flatMap { n, page in texts(page).filter { $0.text == three }.map { (n, $0.lines) } }
            XCTAssertEqual(pieces.map(\.1.count), [3], "\(count) fillers: the paragraph's lines were split")
            let headingPage = pages.firstIndex { texts($0).contains { $0.text == "TÍTULO" } }
            XCTAssertEqual(headingPage, pieces.first?.0, "\(count) fillers: the heading stayed behind")
        }
    }

    func testThePageCountIsTheFilesAndTheContentsPointAtTheirHeadings() throws {
        let compendium = Compendium(plans: try Fixtures.examplePlans, module: Fixtures.module, catalogue: Fixtures.catalogue)
        let layout = PlanLayout.layout(compendium)
        let pages = try pages(layout)
        let check = PDFCheck(try pdf(layout))
        XCTAssertEqual(check.problems, [])
        XCTAssertEqual(check.pageSizes.count, pages.count)
        XCTAssertEqual(check.language, layout.properties.language)
        var anchorPages: [String: Int] = [:]
        for (i, page) in pages.enumerated() {
            for mark in page.marks { if let a = mark.anchor { anchorPages[a] = i + 1 } }
        }
        guard case .contents(let entries)? = layout.blocks.first(where: { if case .contents = $0 { true } else { false } }) else {
            return XCTFail("no contents")
        }
        let numbers = entries.map { anchorPages[$0.anchor] }
        XCTAssertFalse(numbers.contains(nil), "an entry points at no heading")
        XCTAssertEqual(numbers, numbers.sorted { ($0 ?? 0) < ($1 ?? 0) })
        XCTAssertEqual(numbers.first!!, 2, "the introduction follows the contents on their page")
        XCTAssertEqual(numbers[1]!, 2, "and so does the summary")
    }

    func testASignatureTableIsTallEnoughToSignAndStaysOnOnePage() throws {
        let plan = try Fixtures.smallPlan
        let filler = DocumentLayout.Block.paragraph(LayoutText(String(repeating: "Relleno. ", count: 20)))
        for count in 10...16 {
            let pages = try pages(try layout(Array(repeating: filler, count: count) + PlanLayout.approval(plan)))
            let tables = pages.filter { !$0.tableRows.isEmpty }
            XCTAssertEqual(tables.count, 1, "\(count) fillers: the signature table was cut")
            for row in tables.first?.tableRows ?? [] where row.kind != .header {
                XCTAssertGreaterThanOrEqual(row.height, DocumentLayout.Table.signatureRowHeight - 0.01)
            }
        }
    }

    func testLetterAndA4PagesTurnForTheMatrix() throws {
        let layout = PlanLayout.layout(try Fixtures.smallPlan)
        var a4 = Fixtures.branding
        a4.paper = .a4
        for (branding, w, h) in [(Fixtures.branding, 612.0, 792.0), (a4, 595.3, 841.9)] {
            let sizes = PDFCheck(try pdf(layout, branding: branding)).pageSizes
            XCTAssertEqual(sizes.first?.width ?? 0, w, accuracy: 0.01)
            XCTAssertEqual(sizes.first?.height ?? 0, h, accuracy: 0.01)
            XCTAssertTrue(sizes.contains { abs($0.width - h) < 0.01 && abs($0.height - w) < 0.01 }, "no landscape page")
        }
    }

    func testHostileTextMakesASoundReproduciblePDF() throws {
        let layout = PlanLayout.layout(HostileText.plan())
        let first = try pdf(layout)
        XCTAssertEqual(PDFCheck(first).problems, [])
        XCTAssertTrue(first == (try pdf(layout)), "two runs differ")
        XCTAssertEqual(CairoText.clean(HostileText.control), "controlchars y fin")
    }

    func testALongDocumentThatMakesItsLayoutsAgainGivesTheSameBytes() throws {
        let compendium = Compendium(plans: try Fixtures.examplePlans, module: Fixtures.module, catalogue: Fixtures.catalogue)
        let layout = PlanLayout.layout(compendium)
        let writer = PDFWriter(branding: Fixtures.branding, generator: "Tequio test")
        XCTAssertTrue(try writer.render(layout, keepLayouts: true) == (try writer.render(layout, keepLayouts: false)))
    }

    func testAnEmptyLayoutStillMakesAPage() throws {
        let pages = try pages(try layout([]))
        XCTAssertEqual(pages.count, 1)
        XCTAssertEqual(PDFCheck(try pdf(try layout([]))).pageSizes.count, 1)
    }
}

/// The output stage's self-check of every PDF: a sound file passes; a damaged one names its problems.
final class PDFVerificationTests: XCTestCase {
    func testASoundPlanPassesAndDamagedCopiesDoNot() throws {
        let pdf = try PDFWriter(branding: Fixtures.branding, generator: "Tequio test").render(PlanLayout.layout(try Fixtures.smallPlan))
        XCTAssertNoThrow(try PDFVerification.verify(pdf, displayPath: "plan.pdf"))
        XCTAssertThrowsError(try PDFVerification.verify(Data("%PDF-1.5 nothing".utf8), displayPath: "plan.pdf")) {
            XCTAssertTrue("\($0)".hasPrefix("plan.pdf did not pass its own checks"), "\($0)")
        }
        // Cut short, and a byte changed inside the first object stream's compressed data.
        var damaged = pdf
        let objectStream = try XCTUnwrap(pdf.range(of: Data("/Type/ObjStm".utf8)))
        let data = try XCTUnwrap(pdf.range(of: Data("stream\n".utf8), in: objectStream.upperBound..<pdf.count))
        damaged[data.upperBound + 20] ^= 0xFF
        for copy in [pdf.prefix(pdf.count / 2), damaged] {
            XCTAssertThrowsError(try PDFVerification.verify(Data(copy), displayPath: "plan.pdf"))
        }
    }
}
