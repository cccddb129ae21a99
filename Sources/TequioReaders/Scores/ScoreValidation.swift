import Foundation
import TequioModel

/// Checks a score file against the module's rubric: the same module and rubric, no criterion changed
/// since the sheet was made, every score on the scale, justified where the rubric asks, no score on a
/// plan the evaluator declared a conflict on, every criterion scored for every plan the evaluator did
/// not recuse from.
public enum ScoreValidation {
    public static func check(_ located: ScoreSheetReader.Located, against module: Module) -> [Diagnostic] {
        let s = located.sheet
        let at = located.rootLocation
        if s.moduleID != module.id || s.moduleVersion != module.version {
            return [
                .error(
                    ReviewDiagnosticID.wrongModule,
                    "the scores are for module '\(s.moduleID)' \(s.moduleVersion), not '\(module.id)' \(module.version)", at: at)
            ]
        }
        guard let rubric = module.rubric else {
            return [.error(ReviewDiagnosticID.noRubric, "module '\(module.id)' has no <rubric> to check the scores against", at: at)]
        }
        guard s.rubricID == rubric.id else {
            return [.error(ReviewDiagnosticID.otherRubric, "the scores were given with rubric '\(s.rubricID)', the module's is '\(rubric.id)'", at: at)]
        }
        var diagnostics = rubricChanges(s.criteria, rubric, at: at)
        guard diagnostics.isEmpty else { return diagnostics }
        let language = s.language
        for plan in s.plans {
            let where_ = located.planLocations[plan.id] ?? at
            let name = plan.table.isEmpty ? plan.id : plan.table
            if plan.conflict {
                if !plan.scores.isEmpty {
                    diagnostics.append(
                        .error(
                            ReviewDiagnosticID.scoredDespiteConflict,
                            "\(s.evaluator) declared a conflict of interest on \(name) but scored it: leave the scores empty or withdraw the declaration",
                            at: where_))
                }
                continue
            }
            for gate in plan.gates.keys.sorted() where !rubric.gates.contains(where: { $0.id == gate }) {
                diagnostics.append(.error(ReviewDiagnosticID.unknownGate, "the rubric has no gate '\(gate)'", at: where_))
            }
            for score in plan.scores {
                guard let criterion = rubric.criterion(score.criterion) else {
                    diagnostics.append(.error(ReviewDiagnosticID.unknownCriterion, "the rubric has no criterion '\(score.criterion)'", at: where_))
                    continue
                }
                let title = criterion.title.resolved(language) ?? criterion.id
                if score.value < rubric.minimum || score.value > rubric.maximum {
                    diagnostics.append(
                        .error(
                            ReviewDiagnosticID.outOfScale,
                            "\(name), \(title): \(score.value) is outside the scale \(rubric.minimum)–\(rubric.maximum)", at: where_))
                } else if criterion.justify.contains(score.value), score.justification.allSatisfy(\.isWhitespace) {
                    diagnostics.append(
                        .error(
                            ReviewDiagnosticID.missingJustification,
                            "\(name), \(title): a \(score.value) needs a written justification", at: where_))
                }
            }
            for criterion in rubric.criteria where plan.score(criterion.id) == nil {
                diagnostics.append(
                    .error(
                        ReviewDiagnosticID.missingScore,
                        "\(name): no score for '\(criterion.title.resolved(language) ?? criterion.id)'", at: where_))
            }
        }
        return diagnostics
    }

    /// A rubric changed after the scores were given is refused, naming each criterion that changed:
    /// `criteria` are the fingerprints a score file or a round file recorded.
    public static func rubricChanges(_ criteria: [(id: String, fingerprint: String)], _ rubric: Rubric, at: SourceLocation) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let given = Dictionary(criteria.map { ($0.id, $0.fingerprint) }, uniquingKeysWith: { a, _ in a })
        for criterion in rubric.criteria {
            guard let fingerprint = given[criterion.id] else {
                diagnostics.append(
                    .error(
                        ReviewDiagnosticID.rubricChanged,
                        "criterion '\(criterion.id)' was added to the rubric after these scores were given: score again with the new rubric",
                        at: at))
                continue
            }
            if fingerprint != rubric.fingerprint(criterion) {
                diagnostics.append(
                    .error(
                        ReviewDiagnosticID.rubricChanged,
                        "criterion '\(criterion.id)' changed after these scores were given (\(fingerprint) then, \(rubric.fingerprint(criterion)) now: weight, scale or justified scores)",
                        at: at))
            }
        }
        for (id, _) in criteria where rubric.criterion(id) == nil {
            diagnostics.append(
                .error(ReviewDiagnosticID.rubricChanged, "criterion '\(id)' was removed from the rubric after these scores were given", at: at))
        }
        return diagnostics
    }
}
