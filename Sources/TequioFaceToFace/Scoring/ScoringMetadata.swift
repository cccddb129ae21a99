import Foundation
import TequioModel
import TequioReaders

/// The `tequio` sheet of a scoring workbook as read back (`ScoringKey`): what the workbook says it
/// is, with the cell of every value so that each problem names it.
struct ScoringMetadata {
    struct Value {
        var text: String
        var cell: CellAddress
    }

    struct Criterion {
        var id: String
        var fingerprint: String
        var row: Int
    }

    struct Gate {
        var id: String
        var row: Int
    }

    struct Plan {
        var sheet: String
        var id: String
        var table: String
        var draft: String
        var row: Int
    }

    var values: [String: Value] = [:]
    var criteria: [Criterion] = []
    var gates: [Gate] = []
    var plans: [Plan] = []
    /// The sheet's name, for the places in messages.
    let sheetName: String

    init(_ sheet: Sheet) {
        sheetName = sheet.name
        let text = sheet.metadataText
        for row in sheet.keyRows {
            switch text(row, 0) {
            case ScoringKey.criterion: criteria.append(Criterion(id: text(row, 1), fingerprint: text(row, 2), row: row))
            case ScoringKey.gate: gates.append(Gate(id: text(row, 1), row: row))
            case ScoringKey.plan: plans.append(Plan(sheet: text(row, 1), id: text(row, 2), table: text(row, 3), draft: text(row, 4), row: row))
            case let key where !key.isEmpty && values[key] == nil:
                values[key] = Value(text: text(row, 1), cell: CellAddress(row: row, column: 1))
            default: break
            }
        }
    }

    var layout: ScoringLayout { ScoringLayout(gateCount: gates.count, criterionCount: criteria.count) }
}
