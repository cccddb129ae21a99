import Foundation
import TequioModel
import TequioReaders

/// One plan's answers, checked against the rubric the same way wherever they were read: a plan sheet
/// of a scoring workbook (`readPlan`, at the cells `ScoringLayout` gives) or the lines of a score CSV
/// (`ScoreImporter+CSV.swift`).
extension ScoreImporter {
    /// A value as read, cleaned (`clean`), and the place a message about it names.
    struct Located {
        var text: String
        var location: SourceLocation
    }

    /// What an evaluator answered for one plan, before it is checked.
    struct PlanAnswers {
        var id: String
        var table: String
        var draft: Int
        var conflict: Located
        var conflictNote: String
        /// How a message points at the conflict declaration: `C9` in a workbook, `line 12` in a CSV.
        var conflictPlace: String
        var gates: [(id: String, answer: Located)] = []
        var criteria: [(id: String, score: Located, justification: Located)] = []
    }

    /// A cell's or field's text as a score file can hold it (`CellText`, with a warning naming the place), trimmed.
    static func clean(_ raw: String, at location: SourceLocation, into diagnostics: inout [Diagnostic]) -> String {
        let clean = CellText(raw)
        if clean.changed {
            diagnostics.append(.warning(ImportDiagnosticID.removedCharacters, "\(clean.account)", at: location))
        }
        // Most texts have nothing to trim: skip Foundation's trimming, the slowest step of a large import.
        guard clean.text.first?.isWhitespace == true || clean.text.last?.isWhitespace == true else { return clean.text }
        return clean.text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The plan sheet of a workbook: the conflict of interest, the gates, the scores and their justifications.
    func readPlan(
        _ plan: ScoringMetadata.Plan, sheet: Sheet, metadata: ScoringMetadata, header: Header, file: String,
        into diagnostics: inout [Diagnostic]
    ) -> ScoreSheet.Plan {
        let layout = metadata.layout
        func read(_ cell: CellAddress) -> Located {
            let location = Self.location(file, sheet.name, cell)
            return Located(text: Self.clean(sheet[cell], at: location, into: &diagnostics), location: location)
        }
        var answers = PlanAnswers(
            id: plan.id, table: plan.table.isEmpty ? plan.id : plan.table, draft: Int(plan.draft) ?? 1, conflict: read(ScoringLayout.conflictCell),
            conflictNote: read(ScoringLayout.conflictNoteCell).text, conflictPlace: "\(ScoringLayout.conflictCell)")
        answers.gates = metadata.gates.enumerated().map { ($0.element.id, read(layout.gateCell($0.offset))) }
        answers.criteria = metadata.criteria.enumerated().map { ($0.element.id, read(layout.scoreCell($0.offset)), read(layout.justificationCell($0.offset))) }
        return scorePlan(answers, header: header, into: &diagnostics)
    }

    /// The checks every plan's answers pass: Sí/No answers, no gate or score under a declared conflict,
    /// a score for every criterion, whole and on the scale, justified where the rubric asks.
    func scorePlan(_ answers: PlanAnswers, header: Header, into diagnostics: inout [Diagnostic]) -> ScoreSheet.Plan {
        let rubric = header.rubric
        func yesNo(_ answer: Located) -> Bool? {
            guard !answer.text.isEmpty else { return nil }
            let folded = Self.fold(answer.text)
            if yesWords.contains(folded) { return true }
            if noWords.contains(folded) { return false }
            diagnostics.append(
                .error(
                    ReviewDiagnosticID.notYesNo, "'\(CellText.printable(answer.text))' is not Sí or No (Yes or No): choose one from the list",
                    at: answer.location))
            return nil
        }

        let conflict = yesNo(answers.conflict) ?? false
        let name = answers.table
        let declared = "\(header.evaluator) declared a conflict of interest on \(name) (\(answers.conflictPlace))"
        var result = ScoreSheet.Plan(id: answers.id, table: name, draft: answers.draft, conflict: conflict, conflictNote: answers.conflictNote)
        for (id, answer) in answers.gates {
            guard let met = yesNo(answer) else { continue }
            if conflict {
                diagnostics.append(
                    .error(
                        ReviewDiagnosticID.scoredDespiteConflict,
                        "\(declared) but answered its eligibility: leave the plan empty or withdraw the declaration", at: answer.location))
            } else if rubric.gates.contains(where: { $0.id == id }) {
                result.gates[id] = met
            }
        }
        for (id, score, justification) in answers.criteria {
            guard let criterion = rubric.criterion(id) else { continue }
            let raw = score.text
            let title = criterion.title.resolved(header.language, fallbacks: module.languages) ?? criterion.id
            func error(_ identifier: ReviewDiagnosticID, _ message: String, at location: SourceLocation? = nil) {
                diagnostics.append(.error(identifier, message, at: location ?? score.location))
            }
            if conflict {
                if !raw.isEmpty {
                    error(.scoredDespiteConflict, "\(declared) but scored '\(title)': leave the scores empty or withdraw the declaration")
                }
                continue
            }
            guard !raw.isEmpty else {
                error(
                    .missingScore,
                    "no score for '\(title)' on \(name): choose one from \(rubric.minimum) to \(rubric.maximum), or declare a conflict of interest (\(answers.conflictPlace))")
                continue
            }
            guard let value = Self.integer(raw) else {
                let shown = CellText.printable(raw)
                error(
                    .outOfScale,
                    Double(raw.replacingOccurrences(of: ",", with: ".")) == nil
                        ? "'\(shown)' is not a number: choose a score from \(rubric.minimum) to \(rubric.maximum) for '\(title)'"
                        : "\(shown) is not a whole number of the scale \(rubric.minimum)–\(rubric.maximum) ('\(title)')")
                continue
            }
            guard value >= rubric.minimum, value <= rubric.maximum else {
                error(.outOfScale, "\(value) is outside the scale \(rubric.minimum)–\(rubric.maximum) ('\(title)')")
                continue
            }
            if criterion.justify.contains(value) && justification.text.isEmpty {
                error(
                    .missingJustification,
                    "a \(value) for '\(title)' needs a written justification (the rubric asks for one for \(criterion.justify.sorted().map(String.init).joined(separator: ", ")))",
                    at: justification.location)
            }
            result.scores.append(ScoreSheet.Score(criterion: id, value: value, justification: justification.text))
        }
        return result
    }

    /// `4`, `4.0` (a number cell) or ` 4 `; nil for anything else.
    static func integer(_ text: String) -> Int? {
        if let n = Int(text) { return n }
        guard let d = Double(text), d == d.rounded(), abs(d) < 1_000_000 else { return nil }
        return Int(d)
    }
}
