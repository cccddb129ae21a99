import TequioModel
import XCTest

@testable import TequioDocuments

/// Column widths from a table's weights: no heading or cell word cut, as long as the words fit at all.
final class TableColumnsTests: XCTestCase {
    func table(_ header: [String], _ weights: [Double], rows: [[String]] = []) -> DocumentLayout.Table {
        DocumentLayout.Table(kind: .summary, caption: "", header: header, weights: weights, rows: rows.map { $0.map { [LayoutText($0)] } })
    }

    func testANarrowColumnGetsItsLongestWordFromTheColumnsWithRoomToSpare() {
        let t = table(["Hito", "Responsable", "% de avance"], [6, 1, 1], rows: [["Entregar al comité copia del contrato", "Sociedad civil", "100 %"]])
        let widths = t.columnWidths(width: 400, textSize: 9, padding: 4)
        XCTAssertEqual(widths.reduce(0, +), 400, accuracy: 0.001)
        XCTAssertEqual(widths[1], TextWidthEstimate.width("Responsable", size: 9, bold: true) + 8, accuracy: 0.001)
        XCTAssertGreaterThanOrEqual(widths[2], TextWidthEstimate.width("avance", size: 9, bold: true) + 8)
        XCTAssertLessThan(widths[0], 400 * 6.0 / 8, "the wide column gave the room")
    }

    func testWeightsStayWhenEveryColumnHasRoomOrTheWordsCannotFit() {
        let roomy = table(["Plan", "Total"], [3, 1])
        XCTAssertEqual(roomy.columnWidths(width: 400, textSize: 9, padding: 4), [300, 100])
        let crowded = table(["Compromisos", "Sustanciales", "Completados", "Iniciados"], [1, 1, 1, 1])
        XCTAssertEqual(crowded.columnWidths(width: 120, textSize: 9, padding: 4), [30, 30, 30, 30], "the words cannot all fit")
        let address = table(["Evidencia", "Fecha"], [1, 1], rows: [["https://example.org/informe-trimestral-2025.pdf", "2025-03-31"]])
        XCTAssertEqual(address.columnWidths(width: 200, textSize: 9, padding: 4), [100, 100], "an address may break")
    }
}
