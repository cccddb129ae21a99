import Foundation
import TequioModel
import XMLSupport

/// The committee's rubric (`<rubric>`): built, then checked for what the schema cannot say: levels in a
/// run without gaps, weights that add up to 100, a tie-breaker that is a criterion, justifications
/// asked for scores on the scale.
extension ModuleBuilder {
    mutating func buildRubric(_ e: XMLElement) -> Rubric {
        registerID(e)
        let id = e.attribute("id") ?? ""
        var levels: [Rubric.Level] = []
        for level in e.element(named: "scale")?.elements(named: "level") ?? [] {
            let value = Int(level.attribute("value") ?? "") ?? 0
            if levels.contains(where: { $0.value == value }) {
                diagnostics.append(.error(ModuleDiagnosticID.rubricScale, "the scale of rubric '\(id)' has level \(value) twice", at: level.location))
                continue
            }
            levels.append(.init(value: value, label: text(level, "label", what: "label of level \(value) of rubric '\(id)'")))
        }
        levels.sort { $0.value < $1.value }
        let values = levels.map(\.value)
        if let first = values.first, values != Array(first..<(first + values.count)) || values.count < 2 {
            diagnostics.append(
                .error(
                    ModuleDiagnosticID.rubricScale,
                    "the scale of rubric '\(id)' must be whole numbers in a run without gaps, at least two (it has \(values.map(String.init).joined(separator: ", ")))",
                    at: e.element(named: "scale")?.location ?? e.location))
        }
        let gates = e.elements(named: "gate").map { g -> Rubric.Gate in
            registerID(g)
            let gid = g.attribute("id") ?? ""
            return .init(id: gid, question: text(g, "question", what: "question of gate '\(gid)'"))
        }
        var criteria: [Rubric.Criterion] = []
        for c in e.elements(named: "criterion") {
            registerID(c)
            let cid = c.attribute("id") ?? ""
            let justify = Set(Self.uniqueTokens(c.attribute("justify") ?? "").compactMap { Int($0) })
            for value in justify.sorted() where !values.contains(value) {
                diagnostics.append(
                    .error(
                        ModuleDiagnosticID.rubricJustify,
                        "criterion '\(cid)' asks a justification for \(value), which is not on the scale \(values.first ?? 0)–\(values.last ?? 0)",
                        at: c.location))
            }
            criteria.append(
                .init(
                    id: cid, title: text(c, "title", what: "title of criterion '\(cid)'"),
                    guidance: optionalText(c, "guidance", what: "guidance of criterion '\(cid)'") ?? .init(),
                    weight: Double(c.attribute("weight") ?? "") ?? 0, justify: justify))
        }
        let total = criteria.reduce(0) { $0 + $1.weight }
        if abs(total - 100) > 0.001 {
            diagnostics.append(
                .error(
                    ModuleDiagnosticID.rubricWeights,
                    "the weights of rubric '\(id)' add up to \(Self.number(total)), not 100: "
                        + criteria.map { "\($0.id) \(Self.number($0.weight))" }.joined(separator: ", "),
                    at: e.location))
        }
        let tieBreaker = e.attribute("tie-breaker")
        if let tieBreaker, !criteria.contains(where: { $0.id == tieBreaker }) {
            diagnostics.append(
                .error(
                    ModuleDiagnosticID.rubricTieBreaker,
                    "the tie-breaker '\(tieBreaker)' is not a criterion of rubric '\(id)' (criteria: \(criteria.map(\.id).joined(separator: ", ")))",
                    at: e.location))
        }
        return Rubric(
            id: id, title: text(e, "title", what: "title of rubric '\(id)'"), levels: levels, criteria: criteria, gates: gates,
            tieBreaker: tieBreaker, disagreementSpread: Double(e.attribute("disagreement") ?? "") ?? 2)
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
