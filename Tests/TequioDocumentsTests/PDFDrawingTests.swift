import Foundation
import PDFSupport
import TequioModel
import XCTest

@testable import TequioDocuments

/// Drawings in a layout (charts, pictures, lines to write on) and rows of a least height: the PDF
/// draws them whole on one page; the other formats show a drawing's text.
final class PDFDrawingTests: XCTestCase {
    static let chart = DocumentLayout.Chart(
        kind: .bars, categories: ["Santa Lucía del Camino", "Ixtlán de Juárez"], series: ["Sabe su tarifa (%)", "Sabe dónde quejarse (%)"],
        values: [[18, 31], [57, 71]])

    func layout(_ blocks: [DocumentLayout.Block]) throws -> DocumentLayout {
        var layout = PlanLayout.layout(try Fixtures.smallPlan)
        layout.blocks = blocks
        layout.hasCover = false
        return layout
    }

    func pages(_ layout: DocumentLayout) throws -> [PDFPage] {
        try PDFWriter(branding: Fixtures.branding, generator: "Tequio test").paginate(layout, engine: try TextEngine(language: "es"))
    }

    func testDrawingsAreWholeOnOnePageAndRowsKeepTheirLeastHeight() throws {
        let png = try Data(contentsOf: Fixtures.packageRoot.appendingPathComponent("modules/oaxaca-agua/media/mapa-municipios-es.png"))
        let filler = (1...30).map { DocumentLayout.Block.paragraph(LayoutText("Párrafo \($0) para llenar la página con texto corriente."))}
        let table = DocumentLayout.Table(kind: .summary, caption: "Registro", header: ["#", "Nombre"], weights: [1, 4], rows: [[["1"], []], [["2"], []]], rowHeights: [0, 80])
        let blocks: [DocumentLayout.Block] =
            filler + [
                .drawing(.init(.chart(Self.chart), text: "Gráfica")), .drawing(.init(.writingLines(6), text: "Mis notas")),
                .drawing(.init(.picture(png: png), text: "Mapa")), .table(table),
            ]
        let pages = try pages(try layout(blocks))
        var drawings: [PDFDrawing] = []
        for page in pages {
            for item in page.items {
                guard case .drawing(let d, let x, let y) = item else { continue }
                drawings.append(d)
                XCTAssertGreaterThanOrEqual(y, page.frame.bodyTop - 0.01)
                XCTAssertLessThanOrEqual(y + d.height, page.frame.bodyBottom + 0.01, "a drawing is never cut")
                XCTAssertLessThanOrEqual(x + d.width, page.frame.left + page.frame.textWidth + 0.01)
            }
        }
        XCTAssertEqual(drawings.count, 3)
        if case .lines(let count, _, _, let label) = drawings[1] {
            XCTAssertEqual(count, 6)
            XCTAssertNotNil(label, "the label is drawn above the lines, on the same page")
        } else {
            XCTFail("the second drawing is the lines")
        }
        let rows = pages.flatMap(\.tableRows).filter { $0.kind == .row(0) || $0.kind == .row(1) }
        XCTAssertEqual(rows.count, 2)
        XCTAssertLessThan(rows[0].height, 40, "a row without a least height is as tall as its text")
        XCTAssertEqual(rows[1].height, 80, accuracy: 0.01)
    }

    func testWhatCannotFitOnAPageIsShortenedOrGivenAsText() throws {
        var tall = Self.chart
        tall.categories = (1...300).map { "Municipio \($0)" }
        tall.values = tall.categories.map { _ in [10, 20] }
        let pages = try pages(try layout([.drawing(.init(.chart(tall), text: "Gráfica de 300 municipios")), .drawing(.init(.writingLines(500), text: "Notas"))]))
        let drawings = pages.flatMap(\.items).compactMap { if case .drawing(let d, _, _) = $0 { d } else { nil } }
        XCTAssertEqual(drawings.count, 1, "the chart taller than a page is its text")
        XCTAssertLessThanOrEqual(drawings[0].height, pages[0].frame.bodyHeight)
        XCTAssertTrue(pages.flatMap(texts).contains { $0.text == "Gráfica de 300 municipios" })
    }

    func texts(_ page: PDFPage) -> [(text: String, y: Double)] {
        page.items.compactMap { if case .text(let p, _, let y, _) = $0 { (p.runs.map(\.text).joined(), y) } else { nil } }
    }

    func testAChartIsDrawnFromItsNumbersWithEveryLabel() throws {
        let engine = try TextEngine(language: "es")
        let look = PDFChart.Look(font: "Arial", ink: RGB(hex: "222222"), muted: RGB(hex: "595959"), grid: RGB(hex: "D5DDE6"))
        for kind in [DocumentLayout.Chart.Kind.bars, .stackedBars, .line, .pie] {
            var chart = Self.chart
            chart.kind = kind
            let drawn = PDFChart(chart, width: 450, engine: engine, look: look)
            XCTAssertTrue(drawn.height.isFinite)
            XCTAssertGreaterThan(drawn.height, 40, "\(kind)")
            let texts = drawn.marks.filter { if case .text = $0 { true } else { false } }.count
            let shapes = drawn.marks.filter { if case .text = $0 { false } else { true } }.count
            XCTAssertGreaterThanOrEqual(texts, kind == .pie ? 2 : 4, "\(kind): legend, categories and values")
            XCTAssertGreaterThanOrEqual(shapes, kind == .pie ? 2 : 4, "\(kind): bars, lines or slices")
        }
        XCTAssertGreaterThanOrEqual(PDFChart.tickSize, 8, "no label under 8 points")
        var odd = Self.chart
        odd.values = [[.infinity, -3], [.nan]]
        XCTAssertTrue(PDFChart(odd, width: 450, engine: engine, look: look).height.isFinite, "numbers no chart can show count as 0")
        XCTAssertEqual(PDFChart.axis(71).top, 80)
        let pdf = try PDFWriter(branding: Fixtures.branding, generator: "Tequio test").render(
            try layout([.heading(level: 1, text: "Encuesta", anchor: nil), .drawing(.init(.chart(Self.chart), text: "Gráfica"))]))
        XCTAssertEqual(PDFCheck(pdf).problems, [])
    }

    func testOtherFormatsShowADrawingsTextAndNothingForBareLines() throws {
        let layout = try layout([
            .paragraph("Antes"), .drawing(.init(.chart(Self.chart), text: "Gráfica de la encuesta")), .drawing(.init(.writingLines(4), text: "")),
            .paragraph("Después"),
        ])
        for format in [DocumentFormat.html, .md] {
            let text = String(decoding: try DocumentRenderer.render(layout, as: format, options: Fixtures.options).fileData, as: UTF8.self)
            XCTAssertTrue(text.contains("Gráfica de la encuesta"), "\(format)")
        }
        for format in [DocumentFormat.docx, .odt] {
            let tree = try DocumentRenderer.render(layout, as: format, options: Fixtures.options).tree
            let part = String(decoding: tree[format == .docx ? "word/document.xml" : "content.xml"]!, as: UTF8.self)
            XCTAssertTrue(part.contains("Gráfica de la encuesta"), "\(format)")
            XCTAssertEqual(part.components(separatedBy: "Después").count, 2, "\(format)")
        }
    }
}
