import TequioModel
import TequioWriters

/// The first sheet of a tracking workbook: what to fill in and how, the completion scale, and the list
/// of plans with their tracking files.
struct TrackingInstructions {
    let workbook: TrackingWorkbook

    func sheet() -> SheetSpec {
        let s = workbook.strings
        var sheet = SheetSpec(name: s.instructionsSheetName)
        sheet.columns = [.init(width: 22, defaultStyle: nil), .init(width: 90, defaultStyle: nil), .init(width: 40, defaultStyle: nil)]
        var row = 0
        func put(_ column: Int, _ text: String, _ style: SheetSpec.Style) {
            sheet.cells[CellAddress(row: row, column: column)] = .init(text: text, style: style)
        }
        put(0, workbook.title, .title)
        row += 2
        for (text, height) in [(s.intro(workbook.plans.count), 48.0), (s.howPlanning, 62), (s.howProgress, 90), (s.howCorrect, 48), (s.returnHelp, 48)] {
            put(1, text, .wrapped)
            sheet.rowHeights[row] = height
            row += 1
        }
        row += 1
        put(0, s.scale, .header)
        put(1, s.meaning, .header)
        for status in TrackedPlan.Status.allCases {
            row += 1
            put(0, s.status(status), .label)
            put(1, s.statusHelp(status), .wrapped)
            sheet.rowHeights[row] = 32
        }
        row += 2
        put(0, s.plans, .header)
        put(1, s.table, .header)
        put(2, s.trackingFile, .header)
        for (i, plan) in workbook.plans.enumerated() {
            row += 1
            put(0, s.planSheetName(i + 1), .label)
            put(1, [plan.table, plan.municipality].filter { !$0.isEmpty }.joined(separator: " · "), .wrapped)
            put(2, TrackingWriter.fileName(planID: plan.id), .wrapped)
        }
        sheet.landscape = false
        sheet.isActive = false
        return sheet
    }
}
