import TequioModel
import XCTest

final class MatrixComparisonTests: XCTestCase {
    let columns = ["problem", "government-actions", "expected-results"]

    func draft(_ number: Int, _ rows: [[String]], table: String = "Mesa 3", members: [CompletedMatrix.Member] = []) -> CompletedMatrix {
        CompletedMatrix(
            moduleID: "oaxaca-agua", moduleVersion: "1.0", matrixID: "reforma", language: "es", draft: number,
            created: "2012-11-20T10:00:00Z", modified: "2012-11-2\(number)T10:00:00Z", tableName: table,
            members: members,
            rows: rows.map { cells in CompletedMatrix.Row(cells: Dictionary(uniqueKeysWithValues: zip(columns, cells).map { ($0, $1) })) })
    }

    let tandeo = ["El calendario de tandeo no se publica.", "Publicar el calendario en la presidencia.", "Las colonias saben cuándo llega el agua."]
    let padron = ["El padrón de usuarios está desactualizado.", "Actualizar el padrón con las colonias.", "Cobro justo a cada toma."]
    let tarifas = ["Nadie sabe cómo se fijan las tarifas.", "Explicar la tarifa en la boleta.", "Usuarios entienden su recibo."]

    func testARewordedRowIsAChangedRowNotARemovalAndAnAddition() {
        var reworded = padron
        reworded[1] = "Actualizar el padrón de usuarios con las colonias nuevas."
        let comparison = MatrixComparison(drafts: [draft(1, [tandeo, padron]), draft(2, [tandeo, reworded])], columns: columns)
        let counts = comparison.summaries[0].rows
        XCTAssertEqual([counts.changed, counts.added, counts.removed, counts.moved], [1, 0, 0, 0])
        XCTAssertEqual(comparison.rows.records.count, 2)
        XCTAssertTrue(comparison.rows.records[1]["government-actions"].hasChanges)
        XCTAssertEqual(counts.wordsInserted, 3)
    }

    func testReorderedRowsAreAMove() {
        let comparison = MatrixComparison(drafts: [draft(1, [tandeo, padron, tarifas]), draft(2, [tarifas, tandeo, padron])], columns: columns)
        let counts = comparison.summaries[0].rows
        XCTAssertEqual([counts.changed, counts.added, counts.removed, counts.moved], [0, 0, 0, 1])
        XCTAssertEqual(counts.wordsInserted, 0)
        // Moved to the top, moved away from the bottom.
        XCTAssertEqual(comparison.rows.records.first?.inserted, Revision(step: 1, isMove: true))
        XCTAssertEqual(comparison.rows.records.last?.deleted, Revision(step: 1, isMove: true))
        XCTAssertEqual(comparison.rows.current, MatrixComparison(drafts: [draft(2, [tarifas, tandeo, padron])], columns: columns).rows.current)
    }

    func testAddedAndRemovedRowsAndMembers() {
        let ana = CompletedMatrix.Member(name: "Ana López", sector: .government, role: "Regidora")
        let luis = CompletedMatrix.Member(name: "Luis Pérez", sector: .civilSociety)
        let comparison = MatrixComparison(
            drafts: [draft(1, [tandeo, padron], members: [ana]), draft(2, [tandeo, tarifas], table: "Mesa 3 · Zaachila", members: [ana, luis])],
            columns: columns)
        let summary = comparison.summaries[0]
        XCTAssertEqual([summary.rows.changed, summary.rows.added, summary.rows.removed], [0, 1, 1])
        XCTAssertEqual(summary.members.added, 1)
        XCTAssertTrue(summary.detailsChanged)
        XCTAssertEqual(comparison.tableName.current, "Mesa 3 · Zaachila")
        XCTAssertEqual(comparison.tableName.original, "Mesa 3")
    }

    func testASectorChangesAsAWhole() {
        let before = CompletedMatrix.Member(name: "Ana López", sector: .government)
        let after = CompletedMatrix.Member(name: "Ana López", sector: .civilSociety)
        let comparison = MatrixComparison(drafts: [draft(1, [tandeo], members: [before]), draft(2, [tandeo], members: [after])], columns: columns)
        XCTAssertEqual(
            comparison.members.records[0]["sector"].segments,
            [.init(text: "government", deleted: Revision(step: 1)), .init(text: "civil-society", inserted: Revision(step: 1))])
    }

    /// Random drafts, each a random edit of the one before: whatever the edits, accepting every change
    /// gives the newest draft and rejecting every change the oldest.
    func testAcceptingGivesTheNewestAndRejectingTheOldestForRandomDrafts() {
        var generator = SeededGenerator(seed: 2012)
        let words = ["agua", "tandeo", "padrón", "¿quién?", "colonias", "tarifa", "comité", "cabildo", "publicar", "mes", "a", "de"]
        func sentence() -> String {
            (0..<Int.random(in: 1...9, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
        }
        func edit(_ text: String) -> String {
            var parts = text.split(separator: " ").map(String.init)
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: parts.insert(words.randomElement(using: &generator)!, at: Int.random(in: 0...parts.count, using: &generator))
            case 1 where !parts.isEmpty: parts.remove(at: Int.random(in: 0..<parts.count, using: &generator))
            case 2: parts.append("\n" + sentence())
            default: return text
            }
            return parts.joined(separator: " ")
        }
        for _ in 0..<60 {
            var rows = (0..<Int.random(in: 0...6, using: &generator)).map { _ in columns.map { _ in sentence() } }
            var drafts = [draft(1, rows)]
            for number in 2...4 {
                rows = rows.map { $0.map(edit) }
                if Int.random(in: 0..<3, using: &generator) == 0, !rows.isEmpty { rows.remove(at: Int.random(in: 0..<rows.count, using: &generator)) }
                if Int.random(in: 0..<3, using: &generator) == 0 { rows.insert(columns.map { _ in sentence() }, at: Int.random(in: 0...rows.count, using: &generator)) }
                if rows.count > 1, Int.random(in: 0..<3, using: &generator) == 0 { rows.swapAt(0, rows.count - 1) }
                drafts.append(draft(number, rows))
            }
            let comparison = MatrixComparison(drafts: drafts, columns: columns)
            let alone = { (d: CompletedMatrix) in MatrixComparison(drafts: [d], columns: self.columns).rows.current }
            XCTAssertEqual(comparison.rows.current, alone(drafts.last!))
            XCTAssertEqual(comparison.rows.original, alone(drafts.first!))
        }
    }
}

/// SplitMix64: the same numbers on every machine, so a failure can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
