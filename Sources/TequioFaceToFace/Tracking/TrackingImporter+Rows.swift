import Foundation
import TequioModel
import TequioReaders

extension TrackingImporter {
    /// The rows of one plan sheet, applied to its plan in order: commitments, milestones, indicators.
    struct RowImport {
        let importer: TrackingImporter
        var cells: TrackingCells
        var applied: Applied
        /// The workbook's file name, for each update's `source`.
        let source: String

        typealias C = TrackingLayout.CommitmentColumn
        typealias M = TrackingLayout.MilestoneColumn
        typealias I = TrackingLayout.IndicatorColumn

        mutating func read(_ planSheet: PlanSheet) {
            for k in 0..<planSheet.layout.commitmentCount { commitment(row: planSheet.firsts.commitments + k) }
            for k in 0..<planSheet.layout.milestoneCount { milestone(row: planSheet.firsts.milestones + k) }
            for k in 0..<planSheet.layout.indicatorCount { indicator(row: planSheet.firsts.indicators + k) }
        }

        func cell(_ row: Int, _ column: Int) -> CellAddress { CellAddress(row: row, column: column) }

        var today: String { importer.today?.iso ?? String(importer.imported.prefix(10)) }

        /// The item's id in column A, if it is one of `known` (else an error naming them).
        mutating func id(_ row: Int, _ what: String, _ known: [String]) -> String? {
            let id = cells.text(cell(row, 0))
            guard known.contains(id) else {
                let list = known.count > 6 ? known.prefix(6).joined(separator: ", ") + "…" : known.joined(separator: ", ")
                cells.error(
                    .unknownID,
                    "'\(CellText.printable(id))' is not a \(what) of plan '\(applied.plan.id)' (its tracking file has \(list.isEmpty ? "none" : list)): the ids in column A must not be changed",
                    cell(row, 0))
                return nil
            }
            return id
        }

        /// The commitment and index of the milestone or indicator whose id is in column A.
        mutating func locate(_ row: Int, _ what: String, _ ids: (TrackedPlan.Commitment) -> [String]) -> (Int, Int, String)? {
            let all = applied.plan.commitments.enumerated().flatMap { c in ids(c.element).enumerated().map { (c.offset, $0.offset, $0.element) } }
            guard let found = id(row, what, all.map(\.2)), let hit = all.first(where: { $0.2 == found }) else { return nil }
            return hit
        }

        /// Sets a planning field the table filled in; a value replaced keeps the old one in the history.
        /// An empty cell leaves the field as it is.
        mutating func plan(_ item: String, _ field: String, _ old: String, _ new: String?, _ row: Int, set: (inout TrackedPlan, String) -> Void) {
            guard let new, !new.isEmpty, new != old else { return }
            if !old.isEmpty {
                applied.plan.changes.append(.init(item: item, field: field, from: old, to: new, date: today, source: "\(source):\(applied.sheet)!A\(row + 1)"))
            }
            set(&applied.plan, new)
            applied.changes += 1
        }

        mutating func planned(_ item: String, start: String?, due: String?, dueCell: CellAddress) -> Bool {
            guard let start, let due else { return false }
            guard !TrackingRules.reversed(start: start, due: due) else {
                cells.error(.datesReversed, "'\(item)' would start on \(start), after it is due (\(due))", dueCell)
                return false
            }
            return true
        }

        mutating func commitment(row: Int) {
            guard let id = id(row, "commitment", applied.plan.commitments.map(\.id)),
                let n = applied.plan.commitments.firstIndex(where: { $0.id == id })
            else { return }
            let c = applied.plan.commitments[n]
            let start = cells.date(cell(row, C.start.rawValue), "the start of '\(id)'")
            let due = cells.date(cell(row, C.due.rawValue), "the due date of '\(id)'")
            let budget = cells.number(cell(row, C.budget.rawValue), "the budget of '\(id)'", allowNegative: false)
            let currency = cells.currency(cell(row, C.currency.rawValue))
            let lead = cells.text(cell(row, C.leadAgency.rawValue))
            let actors = cells.text(cell(row, C.supportingActors.rawValue))
            let funding = cells.text(cell(row, C.fundingSource.rawValue))
            guard planned(id, start: start?.isEmpty == false ? start : c.start, due: due?.isEmpty == false ? due : c.due, dueCell: cell(row, C.due.rawValue)) else { return }
            plan(id, "lead-agency", c.leadAgency, lead, row) { $0.commitments[n].leadAgency = $1 }
            plan(id, "supporting-actors", c.supportingActors, actors, row) { $0.commitments[n].supportingActors = $1 }
            plan(id, "start", c.start, start, row) { $0.commitments[n].start = $1 }
            plan(id, "due", c.due, due, row) { $0.commitments[n].due = $1 }
            plan(id, "budget", c.budget, budget, row) { $0.commitments[n].budget = $1 }
            plan(id, "currency", c.currency, currency, row) { $0.commitments[n].currency = $1 }
            plan(id, "funding-source", c.fundingSource, funding, row) { $0.commitments[n].fundingSource = $1 }
        }

        mutating func milestone(row: Int) {
            guard let (ci, mi, id) = locate(row, "milestone", { $0.milestones.map(\.id) }) else { return }
            let m = applied.plan.commitments[ci].milestones[mi]
            let start = cells.date(cell(row, M.plannedStart.rawValue), "the planned start of '\(id)'")
            let due = cells.date(cell(row, M.plannedDue.rawValue), "the planned end of '\(id)'")
            if planned(id, start: start?.isEmpty == false ? start : m.start, due: due?.isEmpty == false ? due : m.due, dueCell: cell(row, M.plannedDue.rawValue)) {
                plan(id, "start", m.start, start, row) { $0.commitments[ci].milestones[mi].start = $1 }
                plan(id, "due", m.due, due, row) { $0.commitments[ci].milestones[mi].due = $1 }
            }
            let before = cells.diagnostics.count
            var read = TrackingRows.Milestone()
            let date = cells.date(cell(row, M.date.rawValue), "the date of the update of '\(id)'")
            read.status = cells.status(cell(row, M.status.rawValue)).0
            read.percent = cells.percent(cell(row, M.percent.rawValue)).0
            let started = cells.date(cell(row, M.started.rawValue), "the actual start of '\(id)'")
            let completed = cells.date(cell(row, M.completed.rawValue), "the actual end of '\(id)'")
            read.narrative = cells.text(cell(row, M.narrative.rawValue))
            let evidence = cells.links(cell(row, M.evidence.rawValue))
            guard cells.diagnostics[before...].allSatisfy({ $0.severity != .error }), let date, let started, let completed, let evidence else { return }
            (read.date, read.started, read.completed, read.evidence) = (date, started, completed, evidence)
            var current = TrackingRows(applied.plan).milestone(applied.plan.commitments[ci].milestones[mi])
            (current.plannedStart, current.plannedDue) = ("", "")
            // An empty cell claims nothing: the row is new only where it differs from the current state.
            var claimed = read
            claimed.status = read.status ?? current.status
            claimed.percent = read.percent ?? current.percent
            if started.isEmpty { claimed.started = current.started }
            if completed.isEmpty { claimed.completed = current.completed }
            if read.narrative.isEmpty { claimed.narrative = current.narrative }
            if evidence.isEmpty { claimed.evidence = current.evidence }
            guard isNew(reports: read.reportsProgress, differs: claimed != current, date: date, id, cell(row, M.date.rawValue)) else { return }
            if read.status != nil && read.status != current.status && read.percent == current.percent && current.date != "" { read.percent = nil }
            var update = TrackedPlan.Update(item: id, date: date, status: read.status, percent: read.percent)
            update.started = started == current.started ? "" : started
            update.completed = completed == current.completed ? "" : completed
            if read.status == .complete && completed.isEmpty && current.completed.isEmpty { update.completed = date }
            update.narrative = read.narrative == current.narrative ? "" : read.narrative
            update.evidence = evidence == current.evidence ? [] : evidence
            append(update, kind: .milestone, row: row) { field in
                switch field {
                case .date, .value: M.date
                case .status: M.status
                case .percent: M.percent
                case .started: M.started
                case .completed: M.completed
                }
            }
        }

        mutating func indicator(row: Int) {
            guard let (ci, ii, id) = locate(row, "indicator", { $0.indicators.map(\.id) }) else { return }
            let indicator = applied.plan.commitments[ci].indicators[ii]
            let unit = cells.text(cell(row, I.unit.rawValue))
            let baseline = cells.number(cell(row, I.baseline.rawValue), "the baseline of '\(id)'")
            let target = cells.number(cell(row, I.target.rawValue), "the target of '\(id)'")
            let direction = cells.direction(cell(row, I.direction.rawValue)).0
            plan(id, "unit", indicator.unit, unit, row) { $0.commitments[ci].indicators[ii].unit = $1 }
            plan(id, "baseline", indicator.baseline, baseline, row) { $0.commitments[ci].indicators[ii].baseline = $1 }
            plan(id, "target", indicator.target, target, row) { $0.commitments[ci].indicators[ii].target = $1 }
            plan(id, "direction", indicator.direction?.rawValue ?? "", direction?.rawValue, row) {
                $0.commitments[ci].indicators[ii].direction = TrackedPlan.Direction(rawValue: $1)
            }
            let before = cells.diagnostics.count
            var read = TrackingRows.Indicator()
            let date = cells.date(cell(row, I.date.rawValue), "the date of the measurement of '\(id)'")
            let value = cells.number(cell(row, I.value.rawValue), "the value of '\(id)'")
            read.narrative = cells.text(cell(row, I.narrative.rawValue))
            let evidence = cells.links(cell(row, I.evidence.rawValue))
            guard cells.diagnostics[before...].allSatisfy({ $0.severity != .error }), let date, let value, let evidence else { return }
            (read.date, read.value, read.evidence) = (date, value, evidence)
            var current = TrackingRows(applied.plan).indicator(applied.plan.commitments[ci].indicators[ii])
            (current.unit, current.baseline, current.target, current.direction) = ("", "", "", nil)
            var claimed = read
            if value.isEmpty { claimed.value = current.value }
            if read.narrative.isEmpty { claimed.narrative = current.narrative }
            if evidence.isEmpty { claimed.evidence = current.evidence }
            guard isNew(reports: read.reportsProgress, differs: claimed != current, date: date, id, cell(row, I.date.rawValue)) else { return }
            var update = TrackedPlan.Update(item: id, date: date)
            update.value = value
            update.narrative = read.narrative == current.narrative ? "" : read.narrative
            update.evidence = evidence == current.evidence ? [] : evidence
            append(update, kind: .indicator, row: row) { $0 == .value ? I.value : I.date }
        }

        /// True when a row reports something new and dated; a row that reports only what the tracking
        /// file already says is counted as unchanged, one without a date is an error.
        mutating func isNew(reports: Bool, differs: Bool, date: String, _ id: String, _ dateCell: CellAddress) -> Bool {
            guard reports, differs else {
                if reports { applied.unchanged += 1 }
                return false
            }
            guard !date.isEmpty else {
                cells.error(.missingDate, "the update of '\(id)' has no date: write the day it describes", dateCell)
                return false
            }
            return true
        }

        /// Checks the update against the item's history (`TrackingRules`) and appends it.
        mutating func append<Column: RawRepresentable<Int>>(
            _ update: TrackedPlan.Update, kind: TrackingRules.ItemKind, row: Int, column: (TrackingRules.Field) -> Column
        ) {
            var u = update
            u.imported = importer.imported
            u.source = "\(source):\(applied.sheet)!A\(row + 1)"
            let problems = TrackingRules.problems(u, kind: kind, earlier: applied.plan.updates(of: u.item), today: importer.today)
            for p in problems { cells.error(p.id, p.message, cell(row, column(p.field).rawValue)) }
            guard problems.isEmpty else { return }
            applied.plan.updates.append(u)
            applied.updates += 1
        }
    }
}
