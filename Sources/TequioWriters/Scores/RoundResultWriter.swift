import Foundation
import TequioModel
import XMLSupport

/// Writes a round's result (`schemas/tequio-round-1.rng`, docs/committee-decision.md), with every
/// evaluator's sheet in the score format at its end, so that the decision record needs nothing else.
public enum RoundResultWriter {
    public static let namespace = "urn:tequio:round:1"

    public static func data(_ r: RoundResult) throws -> Data {
        let w = XMLWriter(indent: true)
        w.start(
            "round",
            [
                "xmlns": namespace, "format": "1", "name": r.round, "module": r.moduleID, "module-version": r.moduleVersion,
                "rubric": r.rubricID, "date": r.date, "xml:lang": r.language, "advance": String(r.advance),
                "quorum": String(r.quorum), "previous": r.previousRound, "normalised": r.normalised ? "true" : nil,
                "tie-at-cutoff": r.ranking.tieAtCutoff ? "true" : nil,
            ])
        w.start("evaluators")
        for e in r.evaluators { w.element("evaluator", text: e) }
        w.end()
        w.start("rubric-criteria")
        for c in r.criteria { w.element("criterion", ["id": c.id, "fingerprint": c.fingerprint]) }
        w.end()
        w.start("ranking")
        for e in r.ranking.entries {
            w.start(
                "plan",
                [
                    "id": e.plan, "draft": String(e.draft), "status": e.status.rawValue, "rank": e.rank.map(String.init),
                    "total": number(e.total), "normalised-total": e.normalisedTotal.map(number), "tied": e.tied ? "true" : nil,
                ])
            w.element("table", text: e.table)
            for name in e.recused { w.element("recused", text: name) }
            for (gate, count) in e.gates.sorted(by: { $0.key < $1.key }) {
                w.element(
                    "gate", ["id": gate, "met": String(count.met), "answered": String(count.answered), "failed": e.failedGates.contains(gate) ? "true" : nil])
            }
            for s in e.statistics {
                w.element(
                    "criterion",
                    [
                        "id": s.criterion, "mean": number(s.mean), "median": number(s.median), "min": String(s.minimum),
                        "max": String(s.maximum), "count": String(s.count), "disagreement": s.disagreement ? "true" : nil,
                    ])
            }
            w.end()
        }
        w.end()
        if !r.rationale.isEmpty { w.element("rationale", text: r.rationale) }
        for d in r.departures {
            w.element("departure", ["plan": d.plan, "from": d.from.rawValue, "to": d.to.rawValue], text: d.reason)
        }
        if !r.commitment.isEmpty { w.element("commitment", text: r.commitment) }
        if !r.sheets.isEmpty {
            w.start("sheets")
            for sheet in r.sheets { ScoreSheetWriter.write(sheet, into: w) }
            w.end()
        }
        w.end()
        return try w.finish()
    }

    /// Three decimals, no trailing zeros: the same figures on every machine.
    public static func number(_ x: Double) -> String {
        var s = String(format: "%.3f", x)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// `ronda-<round>.xml`
    public static func fileName(_ r: RoundResult) -> String { "ronda-\(Slug.make(r.round, fallback: "ronda")).xml" }
}
