import Foundation
import TequioModel
import TequioReaders
import TequioWriters

/// The `tequio` sheet of a tracking workbook as read back (`TrackingKey`): the module it is for, and for
/// each plan sheet the plan, its tracking file and where its three tables are, with the cell of every
/// value so that each problem names it.
struct TrackingMetadata {
    struct Value {
        var text: String
        var cell: CellAddress
    }

    struct Plan {
        var sheet: String
        var id: String
        var row: Int
        var layout: TrackingLayout
        /// The first item row (0-based) of the commitments, milestones and indicators as the workbook
        /// says, which may differ from what `layout` computes when the sheet was changed by hand.
        var firsts: (commitments: Int, milestones: Int, indicators: Int)
        var fileName: String { TrackingWriter.fileName(planID: id) }
    }

    var values: [String: Value] = [:]
    var plans: [Plan] = []
    /// Problems with the `plan` rows themselves.
    var problems: [(row: Int, column: Int, message: String)] = []
    let sheetName: String

    init(_ sheet: Sheet) {
        sheetName = sheet.name
        let text = sheet.metadataText
        for row in sheet.keyRows {
            switch text(row, 0) {
            case TrackingKey.plan:
                let id = text(row, 2)
                guard id.range(of: "^[a-z0-9][a-z0-9-]{0,199}$", options: .regularExpression) != nil else {
                    problems.append((row, 2, "'\(CellText.printable(id))' is not a plan id"))
                    continue
                }
                let numbers = (4...9).map { Int(text(row, $0)) }
                guard numbers.allSatisfy({ $0.map { (0...100_000).contains($0) } == true }) else {
                    problems.append((row, 4, "the rows of the plan's tables (E to J) are not numbers"))
                    continue
                }
                let n = numbers.map { $0! }
                plans.append(
                    Plan(
                        sheet: text(row, 1), id: id, row: row,
                        layout: TrackingLayout(commitmentCount: n[1], milestoneCount: n[3], indicatorCount: n[5]),
                        firsts: (max(0, n[0] - 1), max(0, n[2] - 1), max(0, n[4] - 1))))
            case let key where !key.isEmpty && values[key] == nil:
                values[key] = Value(text: text(row, 1), cell: CellAddress(row: row, column: 1))
            default: break
            }
        }
    }
}
