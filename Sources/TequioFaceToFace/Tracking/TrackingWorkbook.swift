import TequioModel
import TequioWriters

/// The tracking workbook, as sheet specs: the instructions, one protected sheet per plan whose only open
/// cells are the planning fields and the progress to report (`TrackingLayout`), each filled in with the
/// tracking file's current state, and the hidden, protected `tequio` sheet that the import reads.
struct TrackingWorkbook: SpreadsheetWorkbook {
    let plans: [TrackedPlan]
    let moduleID: String
    let moduleVersion: String
    let moduleTitle: String
    let language: String
    let strings: TrackingStrings

    var title: String { [moduleTitle, strings.title].filter { !$0.isEmpty }.joined(separator: " · ") }
    var identifier: String { "\(moduleID) \(moduleVersion) tracking" }

    var sheets: [SheetSpec] {
        [TrackingInstructions(workbook: self).sheet()] + plans.enumerated().map { planSheet($0.element, number: $0.offset + 1) } + [metadataSheet()]
    }

    static func layout(_ plan: TrackedPlan) -> TrackingLayout {
        TrackingLayout(commitmentCount: plan.commitments.count, milestoneCount: plan.milestones.count, indicatorCount: plan.indicators.count)
    }

    func planSheet(_ plan: TrackedPlan, number: Int) -> SheetSpec {
        typealias L = TrackingLayout
        let s = strings
        let layout = Self.layout(plan)
        let rows = TrackingRows(plan)
        var sheet = SheetSpec(name: s.planSheetName(number))
        sheet.columns = L.widths.map { .init(width: $0, defaultStyle: nil) }
        func put(_ row: Int, _ column: Int, _ text: String, _ style: SheetSpec.Style) {
            sheet.cells[CellAddress(row: row, column: column)] = .init(text: text, style: style)
        }
        put(L.titleRow, 0, "\(s.planSheetName(number)) · \(plan.displayName)", .title)
        put(L.tableRow, 1, s.table, .label)
        put(L.tableRow, 2, plan.table, .normal)
        put(L.municipalityRow, 1, s.municipality, .label)
        put(L.municipalityRow, 2, plan.municipality, .normal)
        put(L.hintRow, 0, s.sheetHint, .hint)

        func table(_ first: Int, _ title: String, _ headers: [String]) {
            put(first - 2, 0, title, .title)
            for (column, text) in headers.enumerated() { put(first - 1, column, text, .header) }
            sheet.rowHeights[first - 1] = 32
        }
        func answer(_ row: Int, _ column: Int, _ text: String, _ style: SheetSpec.Style) {
            let cell = CellAddress(row: row, column: column)
            if text.isEmpty { sheet.blankCells[cell] = style } else { sheet.cells[cell] = .init(text: text, style: style) }
        }

        table(layout.firstCommitmentRow, s.commitments, L.CommitmentColumn.allCases.map(s.header))
        for (i, c) in plan.commitments.enumerated() {
            typealias C = L.CommitmentColumn
            let row = layout.firstCommitmentRow + i
            let values = rows.commitment(c)
            put(row, C.id.rawValue, c.id, .label)
            put(row, C.number.rawValue, String(i + 1), .label)
            put(row, C.title.rawValue, c.title, .wrapped)
            answer(row, C.leadAgency.rawValue, values.leadAgency, .answerText)
            answer(row, C.supportingActors.rawValue, values.supportingActors, .answerText)
            answer(row, C.start.rawValue, values.start, .answerDate)
            answer(row, C.due.rawValue, values.due, .answerDate)
            answer(row, C.budget.rawValue, values.budget, .answer)
            answer(row, C.currency.rawValue, values.currency, .answerText)
            answer(row, C.fundingSource.rawValue, values.fundingSource, .answerText)
            sheet.rowHeights[row] = 60
        }

        table(layout.firstMilestoneRow, s.milestones, L.MilestoneColumn.allCases.map(s.header))
        for (i, (m, commitment)) in plan.commitments.enumerated().flatMap({ c in c.element.milestones.map { ($0, c.offset + 1) } }).enumerated() {
            typealias M = L.MilestoneColumn
            let row = layout.firstMilestoneRow + i
            let values = rows.milestone(m)
            put(row, M.id.rawValue, m.id, .label)
            put(row, M.owner.rawValue, "\(commitment) · \(s.owner(m.owner))", .wrapped)
            put(row, M.text.rawValue, m.text, .wrapped)
            answer(row, M.plannedStart.rawValue, values.plannedStart, .answerDate)
            answer(row, M.plannedDue.rawValue, values.plannedDue, .answerDate)
            answer(row, M.date.rawValue, values.date, .answerDate)
            answer(row, M.status.rawValue, values.status.map(s.status) ?? "", .answer)
            answer(row, M.percent.rawValue, values.percent.map(String.init) ?? "", .answer)
            answer(row, M.started.rawValue, values.started, .answerDate)
            answer(row, M.completed.rawValue, values.completed, .answerDate)
            answer(row, M.narrative.rawValue, values.narrative, .answerText)
            answer(row, M.evidence.rawValue, values.evidence.joined(separator: "\n"), .answerText)
            sheet.rowHeights[row] = 60
        }

        table(layout.firstIndicatorRow, s.indicators, L.IndicatorColumn.allCases.map(s.header))
        for (i, (indicator, commitment)) in plan.commitments.enumerated().flatMap({ c in c.element.indicators.map { ($0, c.offset + 1) } }).enumerated() {
            typealias I = L.IndicatorColumn
            let row = layout.firstIndicatorRow + i
            let values = rows.indicator(indicator)
            put(row, I.id.rawValue, indicator.id, .label)
            put(row, I.commitment.rawValue, String(commitment), .wrapped)
            put(row, I.text.rawValue, indicator.text, .wrapped)
            answer(row, I.unit.rawValue, values.unit, .answerText)
            answer(row, I.baseline.rawValue, values.baseline, .answer)
            answer(row, I.target.rawValue, values.target, .answer)
            answer(row, I.direction.rawValue, values.direction.map(s.direction) ?? "", .answer)
            answer(row, I.date.rawValue, values.date, .answerDate)
            answer(row, I.value.rawValue, values.value, .answer)
            answer(row, I.narrative.rawValue, values.narrative, .answerText)
            answer(row, I.evidence.rawValue, values.evidence.joined(separator: "\n"), .answerText)
            sheet.rowHeights[row] = 45
        }
        sheet.validations = validations(layout)
        sheet.isProtected = true
        sheet.isActive = number == 1
        sheet.frozenRows = 0
        return sheet
    }

    /// Drop-downs for statuses and directions, and checks on dates, percentages and numbers, over each
    /// table's answer columns.
    func validations(_ layout: TrackingLayout) -> [SheetSpec.Validation] {
        let s = strings
        var result: [SheetSpec.Validation] = []
        func add(_ kind: SheetSpec.Validation.Kind, _ first: Int, _ count: Int, _ columns: [Int], _ message: String, _ name: String? = nil) {
            guard count > 0 else { return }
            for column in columns {
                result.append(
                    .init(
                        kind: kind, range: CellRange(CellAddress(row: first, column: column), CellAddress(row: first + count - 1, column: column)),
                        errorTitle: s.invalidTitle, errorMessage: message, strict: true, name: name))
            }
        }
        typealias C = TrackingLayout.CommitmentColumn
        typealias M = TrackingLayout.MilestoneColumn
        typealias I = TrackingLayout.IndicatorColumn
        let (c, m, i) = (layout.firstCommitmentRow, layout.firstMilestoneRow, layout.firstIndicatorRow)
        add(.date, c, layout.commitmentCount, [C.start.rawValue, C.due.rawValue], s.dateMessage)
        add(.number, c, layout.commitmentCount, [C.budget.rawValue], s.numberMessage)
        add(.date, m, layout.milestoneCount, [M.plannedStart, .plannedDue, .date, .started, .completed].map(\.rawValue), s.dateMessage)
        add(.list(TrackedPlan.Status.allCases.map(s.status)), m, layout.milestoneCount, [M.status.rawValue], s.statusMessage, "tequio-status")
        add(.wholeNumber(0...100), m, layout.milestoneCount, [M.percent.rawValue], s.percentMessage)
        add(.number, i, layout.indicatorCount, [I.baseline, .target, .value].map(\.rawValue), s.numberMessage)
        add(.list(TrackedPlan.Direction.allCases.map(s.direction)), i, layout.indicatorCount, [I.direction.rawValue], s.directionMessage, "tequio-direction")
        add(.date, i, layout.indicatorCount, [I.date.rawValue], s.dateMessage)
        return result
    }

    /// Rows of the `tequio` sheet: key in column A, values from column B.
    var metadata: [[String]] {
        var rows: [[String]] = [
            [TrackingKey.format, TrackingKey.formatValue], [TrackingKey.module, moduleID], [TrackingKey.moduleVersion, moduleVersion],
            [TrackingKey.language, language],
        ]
        for (n, plan) in plans.enumerated() {
            let l = Self.layout(plan)
            rows.append(
                [TrackingKey.plan, strings.planSheetName(n + 1), plan.id, TrackingWriter.fileName(planID: plan.id)]
                    + [(l.firstCommitmentRow, l.commitmentCount), (l.firstMilestoneRow, l.milestoneCount), (l.firstIndicatorRow, l.indicatorCount)]
                    .flatMap { [String($0.0 + 1), String($0.1)] })
        }
        return rows
    }

    func metadataSheet() -> SheetSpec {
        var sheet = SheetSpec(name: TrackingLayout.metadataSheetName)
        sheet.columns = [16, 12, 44, 50, 6, 6, 6, 6, 6, 6].map { .init(width: $0, defaultStyle: nil) }
        sheet.cells[CellAddress(row: 0, column: 0)] = .init(text: strings.metadataNote, style: .hint)
        for (i, values) in metadata.enumerated() {
            for (column, value) in values.enumerated() {
                sheet.cells[CellAddress(row: TrackingLayout.metadataFirstRow + i, column: column)] = .init(
                    text: value, style: column == 0 ? .label : .normal)
            }
        }
        sheet.isProtected = true
        sheet.isHidden = true
        sheet.landscape = false
        return sheet
    }
}
