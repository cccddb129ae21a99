import TequioModel
import XCTest

/// The history of a matrix's rows across drafts, as `tequio compare` builds it (`RowHistory`).
final class RevisedRecordsTests: XCTestCase {
    let columns = ["problem", "government-actions", "expected-results"]

    func values(_ rows: [[String]]) -> [[String: String]] {
        rows.map { cells in Dictionary(uniqueKeysWithValues: zip(columns, cells).map { ($0, $1) }) }
    }

    /// The records after each draft in turn; the counts of each step.
    func history(_ drafts: [[[String]]]) -> (RevisedRecords, [RevisedRecords.StepCounts]) {
        var records = RevisedRecords(values(drafts[0]), fields: columns)
        let counts = drafts.dropFirst().enumerated().map { offset, rows in records.revise(to: values(rows), step: offset + 1) }
        return (records, counts)
    }

    let tandeo = ["El calendario de tandeo no se publica.", "Publicar el calendario en la presidencia.", "Las colonias saben cuándo llega el agua."]
    let padron = ["El padrón de usuarios está desactualizado.", "Actualizar el padrón con las colonias.", "Cobro justo a cada toma."]
    let tarifas = ["Nadie sabe cómo se fijan las tarifas.", "Explicar la tarifa en la boleta.", "Usuarios entienden su recibo."]

    func testARewordedRowIsAChangedRowNotARemovalAndAnAddition() {
        var reworded = padron
        reworded[1] = "Actualizar el padrón de usuarios con las colonias nuevas."
        let (records, steps) = history([[tandeo, padron], [tandeo, reworded]])
        let counts = steps[0]
        XCTAssertEqual([counts.changed, counts.added, counts.removed, counts.moved], [1, 0, 0, 0])
        XCTAssertEqual(records.records.count, 2)
        XCTAssertTrue(records.records[1]["government-actions"].hasChanges)
        XCTAssertEqual(counts.wordsInserted, 3)
    }

    func testReorderedRowsAreAMove() {
        let (records, steps) = history([[tandeo, padron, tarifas], [tarifas, tandeo, padron]])
        let counts = steps[0]
        XCTAssertEqual([counts.changed, counts.added, counts.removed, counts.moved], [0, 0, 0, 1])
        XCTAssertEqual(counts.wordsInserted, 0)
        // Moved to the top, moved away from the bottom.
        XCTAssertEqual(records.records.first?.inserted, Revision(step: 1, isMove: true))
        XCTAssertEqual(records.records.last?.deleted, Revision(step: 1, isMove: true))
        XCTAssertEqual(records.current, values([tarifas, tandeo, padron]))
    }

    func testAddedAndRemovedRows() {
        let (records, steps) = history([[tandeo, padron], [tandeo, tarifas]])
        XCTAssertEqual([steps[0].changed, steps[0].added, steps[0].removed], [0, 1, 1])
        XCTAssertEqual(records.original, values([tandeo, padron]))
        XCTAssertEqual(records.current, values([tandeo, tarifas]))
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
            var drafts = [rows]
            for _ in 2...4 {
                rows = rows.map { $0.map(edit) }
                if Int.random(in: 0..<3, using: &generator) == 0, !rows.isEmpty { rows.remove(at: Int.random(in: 0..<rows.count, using: &generator)) }
                if Int.random(in: 0..<3, using: &generator) == 0 { rows.insert(columns.map { _ in sentence() }, at: Int.random(in: 0...rows.count, using: &generator)) }
                if rows.count > 1, Int.random(in: 0..<3, using: &generator) == 0 { rows.swapAt(0, rows.count - 1) }
                drafts.append(rows)
            }
            let (records, _) = history(drafts)
            XCTAssertEqual(records.current, values(drafts.last!))
            XCTAssertEqual(records.original, values(drafts.first!))
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
