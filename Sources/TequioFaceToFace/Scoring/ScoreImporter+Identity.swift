import Foundation
import TequioModel
import TequioReaders
import TequioWriters

/// What a workbook's `tequio` sheet and a score CSV's lines both say about themselves, checked the same
/// way: the module, its version and its rubric, each criterion's fingerprint, the plans' ids.
extension ScoreImporter {
    /// The module's rubric when `module`, `version` and `rubric` name this module's; nil, with the error
    /// at the value that differs, otherwise. `this` names the source in messages ("this workbook").
    func checkIdentity(module moduleID: Located, version: Located, rubric rubricID: Located, this: String, into diagnostics: inout [Diagnostic]) -> Rubric? {
        func error(_ id: ReviewDiagnosticID, _ message: String, _ value: Located) -> Rubric? {
            diagnostics.append(.error(id, message, at: value.location))
            return nil
        }
        guard moduleID.text == module.id else {
            return error(.wrongModule, "\(this) is for module '\(moduleID.text)', not '\(module.id)'; import it with --module pointing at '\(moduleID.text)'", moduleID)
        }
        guard version.text == module.version else {
            return error(.wrongModule, "\(this) was made for version \(version.text) of '\(module.id)', but the module is version \(module.version)", version)
        }
        guard let rubric = module.rubric else {
            return error(.noRubric, "module '\(module.id)' has no <rubric> to check the scores against", rubricID)
        }
        guard rubricID.text == rubric.id else {
            return error(.otherRubric, "\(this) was made with rubric '\(rubricID.text)', the module's is '\(rubric.id)'", rubricID)
        }
        return rubric
    }

    /// True when the criterion is the rubric's and its fingerprint is the rubric's now; the error otherwise.
    /// `since` says when the fingerprint was taken ("this workbook was made").
    func checkCriterion(_ id: Located, fingerprint: Located, rubric: Rubric, since: String, into diagnostics: inout [Diagnostic]) -> Bool {
        guard let criterion = rubric.criterion(id.text) else {
            diagnostics.append(.error(ReviewDiagnosticID.unknownCriterion, "the rubric '\(rubric.id)' has no criterion '\(id.text)'", at: id.location))
            return false
        }
        let now = rubric.fingerprint(criterion)
        guard fingerprint.text == now else {
            diagnostics.append(
                .error(
                    ReviewDiagnosticID.rubricChanged,
                    "criterion '\(id.text)' changed after \(since) (\(fingerprint.text) then, \(now) now: weight, scale or justified scores); score again with new sheets",
                    at: fingerprint.location))
            return false
        }
        return true
    }

    /// A criterion of the rubric that the source does not name was added since its sheets were made.
    func addedCriteria(_ rubric: Rubric, seen: Set<String>, since: String, at location: SourceLocation) -> [Diagnostic] {
        rubric.criteria.filter { !seen.contains($0.id) }.map {
            .error(
                ReviewDiagnosticID.rubricChanged, "criterion '\($0.id)' was added to the rubric after \(since): score again with new sheets",
                at: location)
        }
    }

    /// A plan's id is its documents' name: the module's id, a hyphen, the table's slug.
    func isPlanID(_ id: String) -> Bool {
        id.range(of: "^[a-z0-9][a-z0-9-]*$", options: .regularExpression) != nil && id.hasPrefix(planPrefix)
    }

    func notAPlan(_ id: String) -> String {
        "'\(id)' is not a plan of module '\(module.id)' (a plan's id is its documents' name, '\(planPrefix)<table>')"
    }

    private var planPrefix: String { Slug.make(module.id, fallback: "module") + "-" }

    static func isLanguageTag(_ text: String) -> Bool {
        text.range(of: #"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$"#, options: .regularExpression) != nil
    }
}
