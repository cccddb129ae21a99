import Foundation
import TequioModel
import XMLSupport

/// Writes a `TrackedPlan` in the tracking format (`schemas/tequio-tracking-1.rng`); empty fields are left
/// out.
public enum TrackingWriter {
    public static let namespace = "urn:tequio:tracking:1"

    public static func data(_ p: TrackedPlan) throws -> Data {
        let w = XMLWriter(indent: true)
        w.start(
            "tracking",
            [
                "xmlns": namespace, "format": "1", "module": p.moduleID, "module-version": p.moduleVersion, "matrix": p.matrixID,
                "plan": p.id, "draft": String(p.draft), "xml:lang": p.language, "created": p.created,
            ])
        w.element("table", text: p.table)
        optional(w, "municipality", p.municipality)
        for c in p.commitments { commitment(w, c) }
        w.start("updates")
        for u in p.updates { update(w, u) }
        w.endFull()
        w.start("changes")
        for c in p.changes {
            w.element("change", ["item": c.item, "field": c.field, "from": c.from, "to": c.to, "date": c.date, "source": nonEmpty(c.source)])
        }
        w.endFull()
        w.end()
        return try w.finish()
    }

    static func commitment(_ w: XMLWriter, _ c: TrackedPlan.Commitment) {
        w.start("commitment", ["id": c.id])
        w.element("title", text: c.title)
        w.element("problem", text: c.problem)
        optional(w, "beneficiaries", c.beneficiaries)
        optional(w, "affected", c.affected)
        optional(w, "lead-agency", c.leadAgency)
        optional(w, "supporting-actors", c.supportingActors)
        optional(w, "start", c.start)
        optional(w, "due", c.due)
        if !c.budget.isEmpty { w.element("budget", ["currency": nonEmpty(c.currency)], text: c.budget) }
        optional(w, "funding-source", c.fundingSource)
        for m in c.milestones {
            w.start("milestone", ["id": m.id, "owner": m.owner.rawValue])
            w.element("text", text: m.text)
            optional(w, "start", m.start)
            optional(w, "due", m.due)
            w.end()
        }
        for i in c.indicators {
            w.start("indicator", ["id": i.id, "direction": i.direction?.rawValue])
            w.element("text", text: i.text)
            optional(w, "unit", i.unit)
            optional(w, "baseline", i.baseline)
            optional(w, "target", i.target)
            w.end()
        }
        w.end()
    }

    static func update(_ w: XMLWriter, _ u: TrackedPlan.Update) {
        w.start(
            "update",
            [
                "item": u.item, "date": u.date, "status": u.status?.rawValue, "percent": u.percent.map(String.init),
                "started": nonEmpty(u.started), "completed": nonEmpty(u.completed), "value": nonEmpty(u.value), "imported": u.imported,
                "source": nonEmpty(u.source),
            ])
        optional(w, "narrative", u.narrative)
        for link in u.evidence { w.element("evidence", ["href": link]) }
        w.end()
    }

    static func optional(_ w: XMLWriter, _ name: String, _ text: String) {
        if !text.isEmpty { w.element(name, text: text) }
    }

    static func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }

    /// `seguimiento-<plan id>.xml`
    public static func fileName(planID: String) -> String { "seguimiento-\(planID).xml" }
}
