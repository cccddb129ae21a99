import TequioModel

/// The first sheet of a scoring workbook: the rubric in the workbook's language (scale with labels,
/// criteria with weights, guidance and the scores to justify, the gates) and how to declare a
/// conflict of interest and send the file back.
struct ScoringInstructions {
    let workbook: ScoringWorkbook

    func sheet() -> SheetSpec {
        let s = workbook.strings
        let round = workbook.round
        let rubric = round.rubric
        var sheet = SheetSpec(name: s.instructionsSheetName)
        sheet.columns = [
            .init(width: 36, defaultStyle: nil), .init(width: 12, defaultStyle: nil), .init(width: 70, defaultStyle: nil),
            .init(width: 16, defaultStyle: nil),
        ]
        var row = 0
        func put(_ column: Int, _ text: String, _ style: SheetSpec.Style) {
            sheet.cells[CellAddress(row: row, column: column)] = .init(text: text, style: style)
        }
        put(0, round.rubricTitle, .title)
        row += 1
        put(0, "\(round.moduleTitle) · \(s.round): \(round.round) · \(s.evaluator): \(workbook.evaluator)", .hint)
        row += 2
        put(0, s.instructionsSheetName, .label)
        put(2, s.intro(plans: round.plans.count, round: round.round, evaluator: workbook.evaluator), .wrapped)
        sheet.rowHeights[row] = 48
        row += 1
        put(2, s.returnHelp, .wrapped)
        sheet.rowHeights[row] = 60
        row += 2

        put(0, s.scale, .header)
        put(1, s.value, .header)
        put(2, s.meaning, .header)
        for level in rubric.levels.sorted(by: { $0.value < $1.value }) {
            row += 1
            put(1, String(level.value), .normal)
            put(2, round.label(level), .wrapped)
        }
        row += 2

        for (column, text) in [s.criteria, s.weight, s.guidance, s.justify].enumerated() { put(column, text, .header) }
        for criterion in rubric.criteria {
            row += 1
            put(0, round.title(criterion), .label)
            put(1, workbook.weight(criterion), .normal)
            put(2, round.text(criterion.guidance), .wrapped)
            put(3, s.list(Array(criterion.justify)), .wrapped)
            sheet.rowHeights[row] = 48
        }
        row += 2

        if !rubric.gates.isEmpty {
            put(0, s.gates, .header)
            put(1, "", .header)
            put(2, s.gatesHelp, .header)
            sheet.rowHeights[row] = 45
            for gate in rubric.gates {
                row += 1
                put(2, round.text(gate.question), .wrapped)
                sheet.rowHeights[row] = 32
            }
            row += 2
        }

        put(0, s.conflict, .header)
        put(1, "", .header)
        put(2, s.conflictHelp, .header)
        sheet.rowHeights[row] = 90
        row += 2

        put(0, s.plansToScore, .header)
        put(1, s.draft, .header)
        put(2, s.table, .header)
        put(3, s.municipality, .header)
        for (i, plan) in round.plans.enumerated() {
            row += 1
            put(0, s.planSheetName(i + 1), .label)
            put(1, String(plan.draft), .normal)
            put(2, plan.table, .wrapped)
            put(3, plan.municipality, .wrapped)
        }
        sheet.landscape = false
        return sheet
    }
}
