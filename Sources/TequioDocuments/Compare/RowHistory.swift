import TequioModel

/// The rows of the plan across drafts: one record per row that was ever there, matched on its matrix
/// cells, with every text a plan shows of the row as a field, so that each is revised from what the
/// draft's own `ActionPlan` shows (a problem renumbered, a part that appears, an action renumbered).
struct RowHistory {
    let columns: [ActionPlan.Column]
    let problemColumn: Int
    private(set) var records: RevisedRecords
    /// What each step did to the rows, counted on the participants' text.
    private(set) var counts: [RevisedRecords.StepCounts] = []

    init(plans: [ActionPlan]) {
        let newest = plans[plans.count - 1]
        columns = newest.columns
        problemColumn = columns.firstIndex { $0.role == .problem } ?? 0
        var fields = columns.map { Self.cell($0.id) } + columns.map { Self.text($0.id) } + ["heading", "statement"]
        fields += columns.flatMap { [Self.partHeading($0.id), Self.part($0.id)] }
        let columns = columns, problemColumn = problemColumn
        func values(_ plan: ActionPlan) -> [[String: String]] {
            Self.values(plan, columns: columns, problemColumn: problemColumn)
        }
        var records = RevisedRecords(values(plans[0]), fields: fields, matchFields: columns.map { Self.text($0.id) })
        for step in plans.indices.dropFirst() { counts.append(records.revise(to: values(plans[step]), step: step)) }
        self.records = records
    }

    static func cell(_ id: String) -> String { "cell:\(id)" }
    /// The cell's lines as the table wrote them (without the numbers a plan gives actions): what rows
    /// are matched and changes counted on.
    static func text(_ id: String) -> String { "text:\(id)" }
    static func partHeading(_ id: String) -> String { "part-heading:\(id)" }
    static func part(_ id: String) -> String { "part:\(id)" }

    /// What a draft's plan shows of each row, as `PlanLayout` lays it out.
    static func values(_ plan: ActionPlan, columns: [ActionPlan.Column], problemColumn: Int) -> [[String: String]] {
        let table = PlanLayout.matrixTable(plan)
        return plan.rows.indices.map { i in
            var value: [String: String] = [:]
            for (c, column) in columns.enumerated() where c < table.rows[i].count {
                value[cell(column.id)] = table.rows[i][c].map(\.plain).joined(separator: "\n")
                value[text(column.id)] = plan.rows[i].cells[c].joined(separator: "\n")
                guard c != problemColumn else { continue }
                let items = plan.rows[i].cells[c]
                if !items.isEmpty {
                    value[partHeading(column.id)] = column.heading
                    value[part(column.id)] = items.joined(separator: "\n")
                }
            }
            value["heading"] = plan.problems[i].heading
            value["statement"] = plan.problems[i].statement.joined(separator: "\n")
            return value
        }
    }

    /// The matrix; `labelled` heads each problem cell with the problem's heading, as a compendium's.
    func table(_ newest: ActionPlan, changes: ChangeMaker, labelled: Bool = false) -> DocumentLayout.Table {
        var table = PlanLayout.matrixTable(newest)
        table.rows = records.records.map { record in
            columns.indices.map { c in
                let cell = changes.paragraphs(record[Self.cell(columns[c].id)])
                guard labelled && c == problemColumn else { return cell }
                var label = changes.text(record["heading"])
                label.runs = label.runs.map { LayoutText.Run($0.text, marks: $0.marks, strong: true) }
                return [label] + cell
            }
        }
        table.rowMarks = records.records.map { changes.marks(inserted: $0.inserted, deleted: $0.deleted) }
        return table
    }

    /// A problem section as `PlanLayout.body(_:level:)` writes it.
    func section(_ record: RevisedRecords.Record, level: Int, changes: ChangeMaker) -> [DocumentLayout.Block] {
        var blocks: [DocumentLayout.Block] = [.heading(level: level, text: changes.text(record["heading"]), anchor: nil)]
        blocks += changes.paragraphs(record["statement"]).map { .paragraph($0) }
        for (c, column) in columns.enumerated() where c != problemColumn {
            let heading = changes.text(record[Self.partHeading(column.id)])
            guard !heading.isEmpty else { continue }
            blocks.append(.heading(level: level + 1, text: heading, anchor: nil))
            let items = changes.paragraphs(record[Self.part(column.id)])
            let lines = max(PlanText.lines(record[Self.part(column.id)].current).count, PlanText.lines(record[Self.part(column.id)].original).count)
            if column.role.isActions {
                blocks.append(.list(.numbered, items))
            } else if lines > 1 {
                blocks.append(.list(.bullets, items))
            } else {
                blocks += items.map { .paragraph($0) }
            }
        }
        return blocks
    }
}
