import Foundation
import TequioModel
import TequioReaders

/// One plan sheet of a scoring workbook: the conflict of interest, the gates, the scores and their
/// justifications, at the cells `ScoringLayout` gives for the `tequio` sheet's gates and criteria.
extension ScoreImporter {
    func readPlan(
        _ plan: ScoringMetadata.Plan, sheet: Sheet, metadata: ScoringMetadata, header: Header, file: String,
        into diagnostics: inout [Diagnostic]
    ) -> ScoreSheet.Plan {
        let layout = metadata.layout
        let rubric = header.rubric
        func at(_ cell: CellAddress) -> SourceLocation { Self.location(file, sheet.name, cell) }
        func text(_ cell: CellAddress) -> String {
            let clean = CellText(sheet[cell])
            if clean.changed {
                diagnostics.append(.warning(ImportDiagnosticID.removedCharacters, "\(clean.account)", at: at(cell)))
            }
            return clean.text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        func yesNo(_ cell: CellAddress) -> Bool? {
            let raw = text(cell)
            guard !raw.isEmpty else { return nil }
            let folded = Self.fold(raw)
            if yesWords.contains(folded) { return true }
            if noWords.contains(folded) { return false }
            diagnostics.append(
                .error(ReviewDiagnosticID.notYesNo, "'\(CellText.printable(raw))' is not Sí or No (Yes or No): choose one from the list", at: at(cell)))
            return nil
        }

        let conflict = yesNo(ScoringLayout.conflictCell) ?? false
        let name = plan.table.isEmpty ? plan.id : plan.table
        var result = ScoreSheet.Plan(
            id: plan.id, table: name, draft: Int(plan.draft) ?? 1, conflict: conflict, conflictNote: text(ScoringLayout.conflictNoteCell))
        for (i, gate) in metadata.gates.enumerated() {
            let cell = layout.gateCell(i)
            guard let met = yesNo(cell) else { continue }
            if conflict {
                diagnostics.append(
                    .error(
                        ReviewDiagnosticID.scoredDespiteConflict,
                        "\(header.evaluator) declared a conflict of interest on \(name) (\(ScoringLayout.conflictCell)) but answered its eligibility: leave the plan empty or withdraw the declaration",
                        at: at(cell)))
            } else if rubric.gates.contains(where: { $0.id == gate.id }) {
                result.gates[gate.id] = met
            }
        }
        for (i, c) in metadata.criteria.enumerated() {
            guard let criterion = rubric.criterion(c.id) else { continue }
            let cell = layout.scoreCell(i)
            let raw = text(cell)
            let justification = text(layout.justificationCell(i))
            let title = criterion.title.resolved(header.language, fallbacks: module.languages) ?? criterion.id
            if conflict {
                if !raw.isEmpty {
                    diagnostics.append(
                        .error(
                            ReviewDiagnosticID.scoredDespiteConflict,
                            "\(header.evaluator) declared a conflict of interest on \(name) (\(ScoringLayout.conflictCell)) but scored '\(title)': leave the scores empty or withdraw the declaration",
                            at: at(cell)))
                }
                continue
            }
            guard !raw.isEmpty else {
                diagnostics.append(
                    .error(
                        ReviewDiagnosticID.missingScore,
                        "no score for '\(title)' on \(name): choose one from \(rubric.minimum) to \(rubric.maximum), or declare a conflict of interest (\(ScoringLayout.conflictCell))",
                        at: at(cell)))
                continue
            }
            guard let value = Self.integer(raw) else {
                let shown = CellText.printable(raw)
                let message = Double(raw.replacingOccurrences(of: ",", with: ".")) == nil
                    ? "'\(shown)' is not a number: choose a score from \(rubric.minimum) to \(rubric.maximum) for '\(title)'"
                    : "\(shown) is not a whole number of the scale \(rubric.minimum)–\(rubric.maximum) ('\(title)')"
                diagnostics.append(.error(ReviewDiagnosticID.outOfScale, message, at: at(cell)))
                continue
            }
            guard value >= rubric.minimum, value <= rubric.maximum else {
                diagnostics.append(
                    .error(ReviewDiagnosticID.outOfScale, "\(value) is outside the scale \(rubric.minimum)–\(rubric.maximum) ('\(title)')", at: at(cell)))
                continue
            }
            if criterion.justify.contains(value) && justification.isEmpty {
                diagnostics.append(
                    .error(
                        ReviewDiagnosticID.missingJustification,
                        "a \(value) for '\(title)' needs a written justification (the rubric asks for one for \(criterion.justify.sorted().map(String.init).joined(separator: ", ")))",
                        at: at(layout.justificationCell(i))))
            }
            result.scores.append(ScoreSheet.Score(criterion: c.id, value: value, justification: justification))
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
