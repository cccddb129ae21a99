import TequioModel

/// What the tracking schema cannot say: every id once, planned dates real and in order, every update and
/// change about an item of the plan, and each update keeping `TrackingRules` given the ones before it
/// (its dates not after the day it was imported).
public enum TrackingValidation {
    public static func check(_ located: TrackingReader.Located) -> [Diagnostic] {
        let plan = located.plan
        var diagnostics: [Diagnostic] = []
        var kinds: [String: TrackingRules.ItemKind?] = [:]
        var seen = Set<String>()
        for (id, at) in located.items where !seen.insert(id).inserted {
            diagnostics.append(
                Diagnostic(
                    .error, TrackDiagnosticID.duplicateID, "the id '\(id)' is used twice in the plan", at: at,
                    notes: [.init(location: located.location(of: id), message: "'\(id)' is first used here")]))
        }
        func declare(_ id: String, _ kind: TrackingRules.ItemKind?) { kinds[id] = kind }
        func dates(_ id: String, _ start: String, _ due: String) {
            for (what, text) in [("start", start), ("due", due)] where !text.isEmpty && CalendarDate(iso: text) == nil {
                diagnostics.append(.error(TrackDiagnosticID.badDate, "the planned \(what) of '\(id)', '\(text)', is not a date", at: located.location(of: id)))
            }
            if TrackingRules.reversed(start: start, due: due) {
                diagnostics.append(
                    .error(TrackDiagnosticID.datesReversed, "'\(id)' starts on \(start), after it is due (\(due))", at: located.location(of: id)))
            }
        }
        for c in plan.commitments {
            declare(c.id, nil)
            dates(c.id, c.start, c.due)
            for m in c.milestones {
                declare(m.id, .milestone)
                dates(m.id, m.start, m.due)
            }
            for i in c.indicators { declare(i.id, .indicator) }
        }
        var earlier: [String: [TrackedPlan.Update]] = [:]
        for (index, u) in plan.updates.enumerated() {
            let at = index < located.updateLocations.count ? located.updateLocations[index] : located.rootLocation
            guard let known = kinds[u.item] else {
                diagnostics.append(.error(TrackDiagnosticID.unknownID, "an update of '\(u.item)', which is not a milestone or indicator of the plan", at: at))
                continue
            }
            guard let kind = known else {
                diagnostics.append(
                    .error(TrackDiagnosticID.unknownID, "'\(u.item)' is a commitment: progress is reported on its milestones and indicators", at: at))
                continue
            }
            let today = CalendarDate(iso: String(u.imported.prefix(10)))
            for p in TrackingRules.problems(u, kind: kind, earlier: earlier[u.item] ?? [], today: today) {
                diagnostics.append(.error(p.id, p.message, at: at))
            }
            earlier[u.item, default: []].append(u)
        }
        for (index, change) in plan.changes.enumerated() where kinds[change.item] == nil {
            let at = index < located.changeLocations.count ? located.changeLocations[index] : located.rootLocation
            diagnostics.append(.error(TrackDiagnosticID.unknownID, "a change of '\(change.item)', which is not part of the plan", at: at))
        }
        return diagnostics
    }
}
