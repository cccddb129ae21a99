import Foundation
import TequioModel
import XMLSupport

/// Writes a `ScoreSheet` in the score format (`schemas/tequio-scores-1.rng`): as a score file, or as
/// an element of a round file, which keeps every evaluator's sheet (`RoundResultWriter`).
public enum ScoreSheetWriter {
    public static let namespace = "urn:tequio:scores:1"

    public static func data(_ s: ScoreSheet) throws -> Data {
        let w = XMLWriter(indent: true)
        write(s, into: w)
        return try w.finish()
    }

    /// The `scores` element, with its namespace declared on it.
    public static func write(_ s: ScoreSheet, into w: XMLWriter) {
        w.start(
            "scores",
            [
                "xmlns": namespace, "format": "1", "module": s.moduleID, "module-version": s.moduleVersion, "rubric": s.rubricID,
                "round": s.round, "xml:lang": s.language, "submitted": s.submitted,
            ])
        w.element("evaluator", text: s.evaluator)
        w.start("rubric-criteria")
        for c in s.criteria { w.element("criterion", ["id": c.id, "fingerprint": c.fingerprint]) }
        w.end()
        for plan in s.plans {
            w.start("plan", ["id": plan.id, "draft": String(plan.draft)])
            w.element("table", text: plan.table)
            w.element("conflict", ["declared": plan.conflict ? "true" : "false"], text: plan.conflictNote)
            for (gate, met) in plan.gates.sorted(by: { $0.key < $1.key }) { w.element("gate", ["id": gate, "met": met ? "true" : "false"]) }
            for score in plan.scores {
                w.start("score", ["criterion": score.criterion, "value": String(score.value)])
                if !score.justification.isEmpty { w.element("justification", text: score.justification) }
                w.end()
            }
            w.end()
        }
        w.end()
    }

    /// `puntajes-<round>-<evaluator slug>.xml`
    public static func fileName(_ s: ScoreSheet) -> String {
        "puntajes-\(Slug.make(s.round, fallback: "ronda"))-\(Slug.make(s.evaluator, fallback: "evaluador")).xml"
    }
}
