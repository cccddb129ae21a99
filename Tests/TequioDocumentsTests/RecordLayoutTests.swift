import Foundation
import PDFSupport
@testable import TequioDocuments
import TequioModel
import TequioPackageCheck
import XCTest
import ZipSupport

/// The decision record (`tequio review record`) as a layout and in every format: its parts in chain
/// order, the chart of totals with each evaluator's spread drawn natively by each writer, the annexes.
final class RecordLayoutTests: XCTestCase {
    static let plans = [("p-norte", "Mesa 1 · Norte", 4), ("p-sur", "Mesa 2 · Sur", 3), ("p-costa", "Mesa 3 · Costa", 2), ("p-sierra", "Mesa 4 · Sierra", 1)]

    /// One evaluator's sheet: every criterion of the example rubric scored `base` (`high` for the
    /// first), or a conflict declared.
    static func sheet(_ evaluator: String, round: String, plans: [String], base: [String: Int], conflict: String? = nil) -> ScoreSheet {
        let rubric = Fixtures.module.rubric!
        return ScoreSheet(
            moduleID: Fixtures.module.id, moduleVersion: Fixtures.module.version, rubricID: rubric.id,
            criteria: rubric.criteria.map { ($0.id, rubric.fingerprint($0)) }, evaluator: evaluator, round: round, language: "es",
            submitted: "2013-01-20T10:00:00Z",
            plans: Self.plans.filter { plans.contains($0.0) }.map { id, table, _ in
                if id == conflict { return .init(id: id, table: table, draft: 2, conflict: true, conflictNote: "Asesoré a la mesa.") }
                return .init(
                    id: id, table: table, draft: 2, gates: ["requisito-dos-sectores": true, "requisito-diagnostico": true],
                    scores: rubric.criteria.enumerated().map { i, c in
                        let value = min(5, base[id]! + (i == 0 && evaluator == "Rosa" ? 2 : 0))
                        return .init(criterion: c.id, value: value, justification: "\(evaluator) sobre \(table): \(value).")
                    })
            })
    }

    static func round(_ name: String, plans: [String], advance: Int, previous: String?) -> RoundResult {
        let rubric = Fixtures.module.rubric!
        let base = Dictionary(uniqueKeysWithValues: Self.plans.map { ($0.0, $0.2 + 1) })
        let sheets = [
            sheet("Ana", round: name, plans: plans, base: base), sheet("Luis", round: name, plans: plans, base: base, conflict: "p-sur"),
            sheet("Rosa", round: name, plans: plans, base: base),
        ]
        return RoundResult(
            round: name, moduleID: Fixtures.module.id, moduleVersion: Fixtures.module.version, rubricID: rubric.id,
            criteria: rubric.criteria.map { ($0.id, rubric.fingerprint($0)) }, date: "2013-02-14T10:00:00Z", language: "es",
            evaluators: sheets.map(\.evaluator), quorum: 2, advance: advance, previousRound: previous, normalised: previous == nil,
            ranking: Ranking(rubric: rubric, sheets: sheets, advance: advance, normalise: previous == nil),
            rationale: "El comité discutió los desacuerdos.\n\nPrivilegió la factibilidad.", departures: [],
            commitment: previous == nil ? "" : "El comité apoyará los planes seleccionados durante 2013.", sheets: sheets)
    }

    static var record: DecisionRecord {
        let first = round("Ronda 1", plans: plans.map(\.0), advance: 2, previous: nil)
        let second = round("Ronda 2", plans: first.advancing.map(\.plan), advance: 1, previous: "Ronda 1")
        return DecisionRecord(
            rounds: [first, second], module: Fixtures.module, language: "es", catalogue: Fixtures.catalogue,
            members: [.init(name: "ana", role: "Presidenta"), .init(name: "Marta Gil", role: "Secretaria")])
    }

    func testTheRecordHasEveryPartWithTheRoundsInChainOrder() throws {
        let layout = RecordLayout.layout(Self.record)
        let headings = layout.blocks.compactMap { block -> String? in
            if case .heading(1, let text, _) = block { return text.plain }
            return nil
        }
        XCTAssertEqual(
            headings,
            ["Decisión", "Criterios de evaluación", "Ronda 1", "Ronda 2", "Firmas", "Anexo A. Puntuaciones de cada evaluador", "Anexo B. Declaraciones de conflicto de interés"])
        let charts = layout.blocks.compactMap { block -> DocumentLayout.SpreadChart? in
            if case .chart(let c) = block { return c }
            return nil
        }
        XCTAssertEqual(charts.map(\.bars.count), [4, 2], "one chart per round, a bar per ranked plan")
        let lists = layout.blocks.compactMap { block -> [String]? in
            if case .list(.numbered, let items) = block { return items.map(\.plain) }
            return nil
        }
        XCTAssertEqual(lists.first, ["Mesa 1 · Norte — total ponderado 5.00"], "the last round's advancing plan is the winner")
        let tables = layout.blocks.compactMap { block -> DocumentLayout.Table? in
            if case .table(let t) = block { return t }
            return nil
        }
        let signatures = try XCTUnwrap(tables.first { $0.caption == "Firmas" })
        XCTAssertEqual(signatures.rows.map { $0[0][0].plain }, ["Ana", "Luis", "Rosa", "Marta Gil"])
        XCTAssertEqual(signatures.rows.map { $0[1][0].plain }, ["Presidenta", "", "", "Secretaria"], "a --member with an evaluator's name gives the role")
        let ranking = try XCTUnwrap(tables.first { $0.caption == "Clasificación · Ronda 1" })
        XCTAssertEqual(ranking.header.first, "Rango")
        XCTAssertTrue(ranking.header.contains("z"), "a normalised round shows the z column")
        let costa = try XCTUnwrap(ranking.rows.first { $0[1][0].plain == "Mesa 3 · Costa" })
        XCTAssertTrue(costa[4].map(\.plain).joined().contains("▲"), "Rosa's 5 against Ana's 3 on C1 is a disagreement")
        XCTAssertFalse(ranking.rows[0][4].map(\.plain).joined().contains("▲"))
        let annex = try XCTUnwrap(tables.first { $0.caption == "Anexo A. Puntuaciones de cada evaluador · Ronda 1 · Luis" })
        let cells = annex.rows.flatMap { $0.flatMap { $0.map(\.plain) } }
        XCTAssertTrue(cells.contains("Conflicto de interés declarado: no puntuó") && cells.contains("Asesoré a la mesa."))
        XCTAssertTrue(cells.contains("Luis sobre Mesa 1 · Norte: 5."), "every justification is annexed")
        XCTAssertTrue(layout.blocks.contains(.paragraph(LayoutText("El comité apoyará los planes seleccionados durante 2013."))))
    }

    func testTheChartStaysInItsDrawingAndTellsStatusesApartWithoutColour() throws {
        let chart = try XCTUnwrap(RecordLayout.layout(Self.record).blocks.lazy.compactMap { block -> DocumentLayout.SpreadChart? in
            if case .chart(let c) = block { return c }
            return nil
        }.first)
        XCTAssertEqual(chart.bars.map(\.fill), [.solid, .solid, .hatched, .hatched], "two advance, two are on the reserve list")
        XCTAssertEqual(chart.bars[0].points.count, 3)
        XCTAssertEqual(chart.bars[1].points.count, 2, "Luis recused from Mesa 2")
        XCTAssertTrue(chart.alternativeText.contains("Mesa 1 · Norte: 5.00 (de 5.00 a 5.00), Avanza."), chart.alternativeText)
        for width in [300.0, 453.0, 700.0] {
            let d = ChartGeometry.figure(chart, width: width, colours: Fixtures.branding.colours)
            for shape in d.shapes {
                let (x, y, w, h): (Double, Double, Double, Double) =
                    switch shape {
                    case .rect(let x, let y, let w, let h, _, _), .text(let x, let y, let w, let h, _, _): (x, y, w, h)
                    case .line(let x1, let y1, let x2, let y2, _): (x1, y1, x2 - x1, y2 - y1)
                    case .dot(let x, let y, let r, _, _): (x - r, y - r, 2 * r, 2 * r)
                    case .diamond(let x, let y, let size, _, _): (x - size / 2, y - size / 2, size, size)
                    }
                XCTAssertTrue(x >= -0.01 && y >= -0.01 && w >= 0 && h >= 0 && x + w <= width + 0.01 && y + h <= d.height + 0.01, "\(shape) outside \(width)×\(d.height)")
            }
            let fills = Set(d.shapes.compactMap { shape -> String? in
                if case .rect(_, _, _, _, let fill, _) = shape { return "\(fill)" }
                return nil
            })
            XCTAssertEqual(fills.count, 2, "solid and hatched: a pattern, not a hue, sets the reserve apart")
        }
        XCTAssertEqual(ChartGeometry.wrap("Mesa 5 · San Juan Bautista Tuxtepec de los Ríos del Papaloapan", width: 60).count, 3)
        XCTAssertTrue(ChartGeometry.wrap(String(repeating: "palabra ", count: 40), width: 60).last!.hasSuffix("…"))
    }

    func testEveryFormatDrawsTheChartNativelyAndPassesThePackageChecks() throws {
        let layout = RecordLayout.layout(Self.record, hasLogo: true)
        let options = Fixtures.options
        let docx = try DocumentRenderer.render(layout, as: .docx, options: options)
        XCTAssertEqual(try Fixtures.check(docx, as: "acta.docx").diagnostics.filter { $0.severity == .error }.map(\.formatted), [])
        guard case .package(let docxTree, _) = docx else { return XCTFail("a DOCX is a package") }
        let document = String(decoding: try XCTUnwrap(docxTree["word/document.xml"]), as: UTF8.self)
        XCTAssertEqual(document.components(separatedBy: "<mc:Choice Requires=\"wpg\">").count - 1, 2, "one drawing group per round")
        XCTAssertTrue(document.contains("<a:pattFill prst=\"wdUpDiag\">") && document.contains("prst=\"ellipse\"") && document.contains("<w:txbxContent>"))
        XCTAssertTrue(document.contains("title=\"Ronda 1: total ponderado de cada plan y dispersión entre evaluadores\""))

        let odt = try DocumentRenderer.render(layout, as: .odt, options: options)
        XCTAssertEqual(try Fixtures.check(odt, as: "acta.odt").diagnostics.filter { $0.severity == .error }.map(\.formatted), [])
        guard case .package(let odtTree, _) = odt else { return XCTFail("an ODT is a package") }
        let content = String(decoding: try XCTUnwrap(odtTree["content.xml"]), as: UTF8.self)
        XCTAssertEqual(content.components(separatedBy: "<draw:g ").count - 1, 2)
        XCTAssertTrue(content.contains("<svg:desc>Gráfico de barras horizontales."))
        XCTAssertTrue(String(decoding: try XCTUnwrap(odtTree["styles.xml"]), as: UTF8.self).contains("<draw:hatch draw:name=\"Figure_20_Hatch_20_"))

        let html = String(decoding: try DocumentRenderer.render(layout, as: .html, options: options).data(timestamp: Date()), as: UTF8.self)
        XCTAssertEqual(html.components(separatedBy: "<svg ").count - 1, 2)
        XCTAssertTrue(html.contains("<title id=\"tq-figure-2-title\">Ronda 2:") && html.contains("<desc id=\"tq-figure-1-desc\">"))
        XCTAssertFalse(html.contains("<script"))

        let markdown = String(decoding: try DocumentRenderer.render(layout, as: .md, options: options).data(timestamp: Date()), as: UTF8.self)
        XCTAssertTrue(markdown.contains("\n- Mesa 1 · Norte: 5.00 (de 5.00 a 5.00), Avanza.\n"), "Markdown lists the bars in words")
        XCTAssertFalse(markdown.contains("<svg"))

        let pdf = try DocumentRenderer.render(layout, as: .pdf, options: options).data(timestamp: Date())
        let figures = PDFCheck(pdf).figureAlternatives
        XCTAssertEqual(figures.count, 2, "a tagged /Figure per round")
        XCTAssertTrue(figures.allSatisfy { $0.contains("Gráfico de barras horizontales.") && $0.contains("Mesa 1 · Norte: 5.00") }, "\(figures)")
    }

    func testTheSameRoundsGiveTheSameBytes() throws {
        for format in [DocumentFormat.docx, .odt, .html] {
            let a = try DocumentRenderer.render(RecordLayout.layout(Self.record), as: format, options: Fixtures.options).data(timestamp: Date(timeIntervalSince1970: 1_360_000_000))
            let b = try DocumentRenderer.render(RecordLayout.layout(Self.record), as: format, options: Fixtures.options).data(timestamp: Date(timeIntervalSince1970: 1_360_000_000))
            XCTAssertEqual(a, b, "\(format)")
        }
    }

    func testLongTablesAreCutBetweenGroupsWithTheirHeaderAndTheClosingRowLast() {
        let rows = (0..<250).map { [[LayoutText("fila \($0)")]] }
        let table = DocumentLayout.Table(kind: .summary, caption: "t", header: ["h"], weights: [1], rows: rows, footer: ["total"], numericColumns: [])
        let parts = table.chunked(groupStarts: Array(stride(from: 0, to: 250, by: 6)), limit: 100)
        XCTAssertEqual(parts.map(\.rows.count), [96, 96, 58], "cut where a group starts, at most 100 rows")
        XCTAssertEqual(parts.flatMap(\.rows), rows)
        XCTAssertEqual(parts.map(\.header), [["h"], ["h"], ["h"]])
        XCTAssertEqual(parts.map(\.footer), [nil, nil, ["total"]])
        XCTAssertEqual(table.chunked(groupStarts: [0, 200], limit: 100).map(\.rows.count), [200, 50], "a group longer than the limit stands alone")
        XCTAssertEqual(table.chunked(limit: 300).count, 1)
    }
}
