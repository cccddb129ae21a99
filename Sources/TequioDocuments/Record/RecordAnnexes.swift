import TequioModel

/// The decision record's annexes, round by round: every evaluator's scores (per plan and criterion,
/// with the justification given, the gates answered and the draft scored) and every evaluator's
/// conflict-of-interest declarations.
struct RecordAnnexes {
    let record: DecisionRecord

    private var words: RecordWords { record.words }

    func blocks() -> [DocumentLayout.Block] {
        var blocks: [DocumentLayout.Block] = [.pageBreak, .heading(level: 1, text: LayoutText(words.annexScores), anchor: "tq-annex-scores")]
        for round in record.rounds {
            blocks.append(.heading(level: 2, text: LayoutText(round.round), anchor: nil))
            for sheet in round.sheets {
                blocks.append(.heading(level: 3, text: LayoutText(sheet.evaluator), anchor: nil))
                blocks.append(.paragraph(LayoutText(words.submitted(record.longDate(sheet.submitted)))))
                let (table, plans) = scores(sheet, round: round)
                blocks += table.chunked(groupStarts: plans).map { .table($0) }
            }
        }
        blocks += [.pageBreak, .heading(level: 1, text: LayoutText(words.annexConflicts), anchor: "tq-annex-conflicts")]
        for round in record.rounds {
            blocks.append(.heading(level: 2, text: LayoutText(round.round), anchor: nil))
            let (table, evaluators) = conflicts(round)
            blocks += table.chunked(groupStarts: evaluators).map { .table($0) }
        }
        return blocks
    }

    /// One row per plan and criterion, the plan named on its first row; a plan the evaluator recused
    /// from is one row with the declaration; the gates answered close each plan. Also the row where
    /// each plan starts.
    func scores(_ sheet: ScoreSheet, round: RoundResult) -> (table: DocumentLayout.Table, planStarts: [Int]) {
        let criteria = record.rubric.criteria
        var rows: [[[LayoutText]]] = []
        var starts: [Int] = []
        for plan in sheet.plans {
            starts.append(rows.count)
            let name = [LayoutText(words.planDraft(plan.table, plan.draft))]
            if plan.conflict {
                rows.append([name, [LayoutText(words.conflictDeclared)], [LayoutText("—")], [LayoutText(plan.conflictNote)]])
                continue
            }
            for (i, c) in criteria.enumerated() {
                let score = plan.score(c.id)
                rows.append([
                    i == 0 ? name : [], [LayoutText("\(words.criterionLabel(i + 1)). \(record.criterionTitle(c.id))")],
                    [LayoutText(score.map { String($0.value) } ?? "—")], RecordLayout.paragraphs(score?.justification ?? "").map { LayoutText($0) },
                ])
            }
            if !record.rubric.gates.isEmpty {
                let answers = record.rubric.gates.enumerated().map { i, gate in
                    "\(words.gateLabel(i + 1)): \(plan.gates[gate.id].map { $0 ? words.yes : words.no } ?? words.noAnswer)"
                }
                rows.append([[], [LayoutText(words.gates)], [], [LayoutText(answers.joined(separator: " · "))]])
            }
        }
        let table = DocumentLayout.Table(
            kind: .summary, caption: "\(words.annexScores) · \(round.round) · \(sheet.evaluator)",
            header: [words.plan, words.criterion, words.score, words.justification], weights: [2.6, 3, 1.3, 4.4], rows: rows, footer: nil,
            numericColumns: [])
        return (table, starts)
    }

    /// Per evaluator, each plan declared a conflict on with the note, or none; and the row where each
    /// evaluator starts.
    func conflicts(_ round: RoundResult) -> (table: DocumentLayout.Table, evaluatorStarts: [Int]) {
        var rows: [[[LayoutText]]] = []
        var starts: [Int] = []
        for sheet in round.sheets {
            starts.append(rows.count)
            let declared = sheet.plans.filter(\.conflict)
            if declared.isEmpty {
                rows.append([[LayoutText(sheet.evaluator)], [LayoutText(words.noConflict)], []])
            }
            for (i, plan) in declared.enumerated() {
                rows.append([
                    i == 0 ? [LayoutText(sheet.evaluator)] : [], [LayoutText(words.conflictWith(plan.table))],
                    RecordLayout.paragraphs(plan.conflictNote).map { LayoutText($0) },
                ])
            }
        }
        let table = DocumentLayout.Table(
            kind: .summary, caption: "\(words.annexConflicts) · \(round.round)", header: [words.evaluator, words.declaration, words.note],
            weights: [2.6, 4, 4.6], rows: rows, footer: nil, numericColumns: [])
        return (table, starts)
    }
}
