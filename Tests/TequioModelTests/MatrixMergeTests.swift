import TequioModel
import XCTest

/// Members' copies merged: what combines silently, what is kept side by side, and that nothing a
/// member wrote is dropped.
final class MatrixMergeTests: XCTestCase {
    let columns = ["problem", "government-actions"]

    func matrix(_ rows: [[String]], members: [CompletedMatrix.Member] = [], draft: Int = 2) -> CompletedMatrix {
        CompletedMatrix(
            moduleID: "oaxaca-agua", moduleVersion: "1.0.0", matrixID: "plan", language: "es", draft: draft,
            created: "2012-01-01T10:00:00Z", modified: "2012-02-0\(draft)T10:00:00Z", tableName: "Mesa 1", members: members,
            rows: rows.map { CompletedMatrix.Row(cells: Dictionary(uniqueKeysWithValues: zip(columns, $0).filter { !$0.1.isEmpty })) })
    }

    let tandeo = ["El calendario de tandeo no se publica.", "Publicar el calendario cada mes."]
    let padron = ["El padrón de usuarios está desactualizado.", "Actualizar el padrón."]

    func testChangesToDifferentCellsCombineAndTheSameCellConflicts() {
        let base = matrix([tandeo, padron])
        let ana = matrix([[tandeo[0], "Publicar el calendario cada mes en la presidencia."], padron])
        let luis = matrix([tandeo, [padron[0] + " Faltan colonias.", padron[1]]])
        let merged = MatrixMerge.merge([.init(source: "ana.xml", matrix: ana), .init(source: "luis.xml", matrix: luis)],
                                       base: .init(source: "base.xml", matrix: base), columns: columns)
        XCTAssertEqual(merged.conflicts, 0)
        XCTAssertEqual(merged.merged.rows.map { $0["government-actions"] }, ["Publicar el calendario cada mes en la presidencia.", padron[1]])
        XCTAssertEqual(merged.merged.rows[1]["problem"], padron[0] + " Faltan colonias.")
        XCTAssertEqual(merged.merged.mergedFrom, ["ana.xml", "luis.xml"])

        let other = matrix([[tandeo[0], "Publicar el calendario en la radio comunitaria."], padron])
        let conflict = MatrixMerge.merge([.init(source: "ana.xml", matrix: ana), .init(source: "mario.xml", matrix: other)],
                                         base: .init(source: "base.xml", matrix: base), columns: columns)
        XCTAssertEqual(conflict.conflicts, 1)
        let alternatives = conflict.merged.rows[0].alternatives["government-actions"]!
        XCTAssertEqual(alternatives.map(\.source), ["ana.xml", "mario.xml"])
        XCTAssertEqual(conflict.merged.rows[0]["government-actions"], alternatives[0].text)
    }

    func testATitleGivenInACopyIsKept() {
        var base = matrix([tandeo, padron])
        base.rows[0].title = "Tandeo"
        var ana = base
        ana.rows[1].title = "Padrón de usuarios"
        let luis = base
        let merged = MatrixMerge.merge([.init(source: "luis.xml", matrix: luis), .init(source: "ana.xml", matrix: ana)],
                                       base: .init(source: "base.xml", matrix: base), columns: columns)
        XCTAssertEqual(merged.merged.rows.map(\.title), ["Tandeo", "Padrón de usuarios"])
    }

    func testRowsAddedInEachCopyAreKeptOnceAndARemovedButChangedRowStays() {
        let base = matrix([tandeo, padron])
        let tarifa = ["Nadie sabe cómo se fija la tarifa.", "Explicar la tarifa en el recibo."]
        let ana = matrix([tandeo, padron, tarifa])
        let luis = matrix([[tandeo[0] + " Cambia sin aviso.", tandeo[1]], tarifa])  // removed the padrón row
        let merged = MatrixMerge.merge([.init(source: "ana.xml", matrix: ana), .init(source: "luis.xml", matrix: luis)],
                                       base: .init(source: "base.xml", matrix: base), columns: columns)
        XCTAssertEqual(merged.merged.rows.map { $0["problem"] }, [tandeo[0] + " Cambia sin aviso.", tarifa[0]])

        let changedThere = matrix([tandeo, [padron[0], "Actualizar el padrón con las colonias nuevas."]])
        let kept = MatrixMerge.merge([.init(source: "ana.xml", matrix: changedThere), .init(source: "luis.xml", matrix: matrix([tandeo]))],
                                     base: .init(source: "base.xml", matrix: base), columns: columns)
        XCTAssertEqual(kept.merged.rows.count, 2, "a row one copy changed is never dropped")
        XCTAssertEqual(kept.warnings.count, 1)
    }

    func testWithoutABaseEveryDifferenceIsKeptAndMembersJoinByName() {
        let ana = matrix([tandeo], members: [.init(name: "Ana López", sector: .government)])
        let luis = matrix([[tandeo[0], "Publicar el calendario en la radio."]], members: [.init(name: "ana lopez", sector: .government, role: "Regidora"), .init(name: "Luis Pérez", sector: .civilSociety)])
        let merged = MatrixMerge.merge([.init(source: "ana.xml", matrix: ana), .init(source: "luis.xml", matrix: luis)], base: nil, columns: columns)
        XCTAssertEqual(merged.conflicts, 1)
        XCTAssertEqual(merged.merged.members.map(\.name), ["Ana López", "Luis Pérez"])
        XCTAssertEqual(merged.merged.members[0].role, "Regidora")
    }

    func testReviewNotesAreKeptOnceAndAddressedWins() {
        let note = CompletedMatrix.ReviewNote(column: "problem", kind: .comment, author: "Comité", text: "¿Qué colonias?")
        var a = matrix([tandeo])
        a.rows[0].reviewNotes = [note]
        var b = a
        b.rows[0].reviewNotes[0].status = .addressed
        let merged = MatrixMerge.merge([.init(source: "a.xml", matrix: a), .init(source: "b.xml", matrix: b)], base: nil, columns: columns)
        XCTAssertEqual(merged.merged.rows[0].reviewNotes.count, 1)
        XCTAssertEqual(merged.merged.rows[0].reviewNotes[0].status, .addressed)
    }
}
