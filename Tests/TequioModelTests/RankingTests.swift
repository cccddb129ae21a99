import TequioModel
import XCTest

/// The ranking's figures on a small committee: three evaluators, four plans, two criteria.
final class RankingTests: XCTestCase {
    let rubric = Rubric(
        id: "r", title: .init(["es": "Rúbrica"]),
        levels: (1...5).map { .init(value: $0, label: .init(["es": "\($0)"])) },
        criteria: [
            .init(id: "coordinacion", title: .init(["es": "Coordinación"]), guidance: .init(), weight: 60, justify: []),
            .init(id: "factibilidad", title: .init(["es": "Factibilidad"]), guidance: .init(), weight: 40, justify: []),
        ],
        gates: [.init(id: "dos-sectores", question: .init(["es": "¿Dos sectores?"]))], tieBreaker: "factibilidad")

    func sheet(_ evaluator: String, _ scores: [String: (Int, Int)], conflict: Set<String> = [], gateNo: Set<String> = []) -> ScoreSheet {
        ScoreSheet(
            moduleID: "m", moduleVersion: "1", rubricID: "r", criteria: [], evaluator: evaluator, round: "1", language: "es",
            submitted: "2013-01-01T00:00:00Z",
            plans: scores.keys.sorted().map { id in
                let (a, b) = scores[id]!
                return conflict.contains(id)
                    ? .init(id: id, table: id, draft: 3, conflict: true)
                    : .init(
                        id: id, table: id, draft: 3, gates: ["dos-sectores": !gateNo.contains(id)],
                        scores: [.init(criterion: "coordinacion", value: a), .init(criterion: "factibilidad", value: b)])
            })
    }

    func testMeansMediansSpreadsRecusalGatesTiesAndStatus() {
        let sheets = [
            sheet("Ana", ["p1": (5, 4), "p2": (4, 4), "p3": (3, 5), "p4": (2, 2)], gateNo: ["p4"]),
            sheet("Luis", ["p1": (5, 5), "p2": (4, 4), "p3": (3, 5), "p4": (1, 1)], conflict: ["p1"], gateNo: ["p4"]),
            sheet("Rosa", ["p1": (3, 4), "p2": (4, 4), "p3": (3, 5), "p4": (5, 5)]),
        ]
        let ranking = Ranking(rubric: rubric, sheets: sheets, advance: 1, normalise: true)
        let p1 = ranking.entries.first { $0.plan == "p1" }!
        XCTAssertEqual(p1.recused, ["Luis"])
        XCTAssertEqual(p1.statistics[0].count, 2, "a recused evaluator is left out of that plan")
        XCTAssertEqual(p1.statistics[0].mean, 4)
        XCTAssertEqual(p1.statistics[0].median, 4)
        XCTAssertTrue(p1.statistics[0].disagreement, "5 and 3 spread by 2")
        XCTAssertEqual(p1.total, 4 * 0.6 + 4 * 0.4, accuracy: 1e-9)
        let p4 = ranking.entries.first { $0.plan == "p4" }!
        XCTAssertEqual(p4.status, .ineligible)
        XCTAssertEqual(p4.failedGates, ["dos-sectores"])
        XCTAssertNil(p4.rank)
        // p1 4.0, p2 4.0 (tie broken by factibilidad: 4 = 4, a real tie), p3 3.8.
        let p2 = ranking.entries.first { $0.plan == "p2" }!
        XCTAssertEqual(p1.rank, 1)
        XCTAssertEqual(p2.rank, 1)
        XCTAssertTrue(p1.tied && p2.tied)
        XCTAssertTrue(ranking.tieAtCutoff)
        XCTAssertEqual(ranking.entries.first { $0.plan == "p3" }!.rank, 3)
        XCTAssertNotNil(p1.normalisedTotal)
    }

    func testTheTieBreakerSettlesEqualTotals() {
        // p1: coordinación 5, factibilidad 2 → 3.8; p2: coordinación 3, factibilidad 5 → 3.8; the tie-breaker prefers p2.
        let ranking = Ranking(rubric: rubric, sheets: [sheet("Ana", ["p1": (5, 2), "p2": (3, 5)])], advance: 1, normalise: false)
        XCTAssertEqual(ranking.entries.map(\.plan), ["p2", "p1"])
        XCTAssertEqual(ranking.entries.map(\.rank), [1, 2])
        XCTAssertFalse(ranking.tieAtCutoff)
        XCTAssertEqual(ranking.entries.map(\.status), [.advances, .reserve])
    }
}
