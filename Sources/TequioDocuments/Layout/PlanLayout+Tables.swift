import TequioModel

/// The tables of plans and compendiums: the matrix, the compendium's summary and the signatures.
extension PlanLayout {
    /// The matrix, actions numbered. `labelled` starts each problem cell with the problem's heading, in
    /// bold ("Problema 1: Calendario de tandeo").
    static func matrixTable(_ plan: ActionPlan, labelled: Bool = false) -> DocumentLayout.Table {
        let problemColumn = plan.columns.firstIndex { $0.role == .problem } ?? 0
        let rows = plan.rows.enumerated().map { r, row in
            zip(plan.columns, row.cells).enumerated().map { c, cell in
                let (column, lines) = cell
                var texts = [LayoutText](plain: column.role.isActions ? lines.enumerated().map { "\($0.offset + 1). \($0.element)" } : lines)
                if labelled && c == problemColumn && r < plan.problems.count {
                    texts.insert(LayoutText(runs: [.init(plan.problems[r].heading, strong: true)]), at: 0)
                }
                return texts
            }
        }
        return DocumentLayout.Table(
            kind: .matrix, caption: plan.matrixTitle, header: plan.columns.map(\.label),
            weights: plan.columns.map(\.weight), rows: rows, footer: nil, numericColumns: [])
    }

    /// One row per plan: its table, draft and date, problems, actions of each side, expected results and
    /// the months of its first and last deadline; totals below. Dates are short, for narrow columns.
    static func summaryTable(_ c: Compendium) -> DocumentLayout.Table {
        let s = c.strings
        func span(_ first: MonthOfYear?, _ last: MonthOfYear?) -> String? {
            guard let first, let last else { return nil }
            return s.shortMonthSpan(first, last)
        }
        let rows = c.plans.map { p in
            [
                [chapterTitle(p)], [s.draftAndDate(p.draft, p.modified.map { s.shortDate($0.calendarDate) } ?? "")],
                [String(p.problemCount)], [String(p.governmentActionCount)], [String(p.civilSocietyActionCount)],
                [String(p.expectedResultCount)], [span(p.firstDeadline, p.lastDeadline) ?? "—"],
            ].map { [LayoutText](plain: $0) }
        }
        return DocumentLayout.Table(
            kind: .summary, caption: s.summary,
            header: [s.workingTable, s.draft, s.problems, s.governmentActions, s.civilSocietyActions, s.expectedResults, s.deadlinesShort],
            weights: [2.8, 1.8, 1.5, 1.7, 1.7, 1.7, 2.0], rows: rows,
            footer: [
                s.total, "", String(c.totalProblems), String(c.totalGovernmentActions), String(c.totalCivilSocietyActions),
                String(c.totalExpectedResults), span(c.firstDeadline, c.lastDeadline) ?? "",
            ],
            numericColumns: [2, 3, 4, 5])
    }

    /// Name, position and a tall empty cell to sign in, for each person; four blank rows when there is
    /// nobody to name.
    static func signatureTable(_ people: [(name: LayoutText, position: LayoutText)], _ s: DocumentStrings) -> DocumentLayout.Table {
        let rows = (people.isEmpty ? Array(repeating: (LayoutText(""), LayoutText("")), count: 4) : people).map { person in
            [person.name, person.position].map { $0.isEmpty ? [] : [$0] } + [[]]
        }
        return DocumentLayout.Table(
            kind: .signatures, caption: s.approval, header: [s.name, s.position, s.signature], weights: [3, 3, 2.6], rows: rows,
            footer: nil, numericColumns: [])
    }
}
