import TequioModel

/// One evaluator's scoring workbook, as sheet specs: the instructions (the rubric), one protected
/// sheet per plan whose only open cells are the answers (`ScoringLayout`), and the hidden, protected
/// `tequio` sheet that the import reads (`ScoringKey`).
struct ScoringWorkbook: SpreadsheetWorkbook {
    let round: ScoringRound
    let evaluator: String
    let strings: ScoringStrings

    init(round: ScoringRound, evaluator: String, catalogue: StringCatalogue) {
        self.round = round
        self.evaluator = evaluator
        self.strings = ScoringStrings(catalogue, language: round.language)
    }

    var title: String { "\(round.rubricTitle) · \(round.round) · \(evaluator)" }
    var language: String { round.language }
    var identifier: String { "\(round.module.id) \(round.module.version) \(round.rubric.id)" }
    var layout: ScoringLayout { ScoringLayout(gateCount: round.rubric.gates.count, criterionCount: round.rubric.criteria.count) }

    var sheets: [SheetSpec] {
        [ScoringInstructions(workbook: self).sheet()] + round.plans.enumerated().map { planSheet($0.element, number: $0.offset + 1) }
            + [metadataSheet()]
    }

    /// "1 Insuficiente · 2 Débil · …"
    var scaleLegend: String {
        round.rubric.levels.sorted { $0.value < $1.value }.map { "\($0.value) \(round.label($0))" }.joined(separator: " · ")
    }

    func weight(_ criterion: Rubric.Criterion) -> String {
        let w = criterion.weight
        return strings.percent(w == w.rounded() ? String(Int(w)) : String(w))
    }

    func planSheet(_ plan: ScoringRound.Plan, number: Int) -> SheetSpec {
        typealias L = ScoringLayout
        let s = strings
        let layout = self.layout
        var sheet = SheetSpec(name: s.planSheetName(number))
        sheet.columns = [
            .init(width: 38, defaultStyle: nil), .init(width: 9, defaultStyle: nil), .init(width: 13, defaultStyle: nil),
            .init(width: 44, defaultStyle: nil), .init(width: 40, defaultStyle: nil),
        ]
        func put(_ row: Int, _ column: Int, _ text: String, _ style: SheetSpec.Style) {
            sheet.cells[CellAddress(row: row, column: column)] = .init(text: text, style: style)
        }
        let name = [plan.table, plan.municipality].filter { !$0.isEmpty }.first ?? plan.id
        put(L.titleRow, 0, "\(s.planSheetName(number)) · \(name)", .title)
        for (row, label, value) in [
            (L.tableRow, s.table, plan.table), (L.municipalityRow, s.municipality, plan.municipality), (L.draftRow, s.draft, String(plan.draft)),
        ] {
            put(row, 0, label, .label)
            put(row, 1, value, .normal)
        }
        put(L.scaleRow, 0, s.scaleLegend(scaleLegend), .hint)
        put(L.hintRow, 0, s.sheetHint, .hint)

        put(L.conflictHeaderRow, 0, s.conflict, .header)
        put(L.conflictHeaderRow, 1, "", .header)
        put(L.conflictHeaderRow, L.answerColumn, s.yesNo, .header)
        put(L.conflictHeaderRow, L.textColumn, s.note, .header)
        put(L.conflictRow, 0, s.conflictQuestion, .wrapped)
        sheet.blankCells[L.conflictCell] = .answer
        sheet.blankCells[L.conflictNoteCell] = .answerText
        sheet.rowHeights[L.conflictRow] = 45
        sheet.validations.append(yesNo(CellRange(L.conflictCell, L.conflictCell)))

        if let header = layout.gatesHeaderRow {
            put(header, 0, s.gates, .header)
            put(header, 1, "", .header)
            put(header, L.answerColumn, s.yesNo, .header)
            for (i, gate) in round.rubric.gates.enumerated() {
                let cell = layout.gateCell(i)
                put(cell.row, 0, round.text(gate.question), .wrapped)
                sheet.blankCells[cell] = .answer
                sheet.rowHeights[cell.row] = 45
            }
            sheet.validations.append(yesNo(CellRange(layout.gateCell(0), layout.gateCell(round.rubric.gates.count - 1))))
        }

        let header = layout.criteriaHeaderRow
        let rubric = round.rubric
        for (column, text) in [s.criterion, s.weight, s.score(rubric.minimum, rubric.maximum), s.justification, s.guidance].enumerated() {
            put(header, column, text, .header)
        }
        for (i, criterion) in rubric.criteria.enumerated() {
            let row = layout.criterionRow(i)
            put(row, 0, round.title(criterion), .label)
            put(row, L.weightColumn, weight(criterion), .normal)
            sheet.blankCells[layout.scoreCell(i)] = .answer
            sheet.blankCells[layout.justificationCell(i)] = .answerText
            var guidance = round.text(criterion.guidance)
            if !criterion.justify.isEmpty { guidance += (guidance.isEmpty ? "" : "\n") + s.justifyFor(s.list(Array(criterion.justify))) }
            put(row, L.guidanceColumn, guidance, .wrapped)
            sheet.rowHeights[row] = 75
        }
        sheet.validations.append(
            .init(
                kind: .list(round.scaleValues), range: CellRange(layout.scoreCell(0), layout.scoreCell(rubric.criteria.count - 1)),
                errorTitle: s.invalidTitle, errorMessage: s.scaleMessage(rubric.minimum, rubric.maximum), strict: true,
                name: "tequio-scale"))
        sheet.isProtected = true
        sheet.isActive = number == 1
        sheet.landscape = false
        return sheet
    }

    private func yesNo(_ range: CellRange) -> SheetSpec.Validation {
        .init(
            kind: .list([strings.yes, strings.no]), range: range, errorTitle: strings.invalidTitle, errorMessage: strings.yesNoMessage,
            strict: true, name: "tequio-yes-no")
    }

    /// Rows of the `tequio` sheet: key in column A, values from column B.
    var metadata: [[String]] {
        var rows: [[String]] = [
            [ScoringKey.format, ScoringKey.formatValue], [ScoringKey.module, round.module.id],
            [ScoringKey.moduleVersion, round.module.version], [ScoringKey.rubric, round.rubric.id], [ScoringKey.evaluator, evaluator],
            [ScoringKey.round, round.round], [ScoringKey.language, round.language],
        ]
        rows += round.rubric.criteria.map { [ScoringKey.criterion, $0.id, round.rubric.fingerprint($0)] }
        rows += round.rubric.gates.map { [ScoringKey.gate, $0.id] }
        rows += round.plans.enumerated().map { [ScoringKey.plan, strings.planSheetName($0.offset + 1), $0.element.id, $0.element.table, String($0.element.draft)] }
        return rows
    }

    func metadataSheet() -> SheetSpec {
        var sheet = SheetSpec(name: ScoringLayout.metadataSheetName)
        sheet.columns = [
            .init(width: 16, defaultStyle: nil), .init(width: 40, defaultStyle: nil), .init(width: 44, defaultStyle: nil),
            .init(width: 30, defaultStyle: nil), .init(width: 8, defaultStyle: nil),
        ]
        sheet.cells[CellAddress(row: 0, column: 0)] = .init(text: strings.metadataNote, style: .hint)
        for (i, values) in metadata.enumerated() {
            for (column, value) in values.enumerated() {
                sheet.cells[CellAddress(row: ScoringLayout.metadataFirstRow + i, column: column)] = .init(
                    text: value, style: column == 0 ? .label : .normal)
            }
        }
        sheet.isProtected = true
        sheet.isHidden = true
        sheet.landscape = false
        return sheet
    }
}
