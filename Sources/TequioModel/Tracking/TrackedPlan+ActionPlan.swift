extension TrackedPlan {
    /// A winning plan made ready to follow (`tequio track init`): each problem row becomes a commitment
    /// (`c1`, `c2`… in the matrix's order) with its problem, beneficiaries and affected; each government
    /// and civil-society action a milestone (`c1-g1`, `c1-s1`…); each expected result an indicator
    /// (`c1-r1`…). Dates, agencies, budgets, units, baselines and targets are left for the table to fill
    /// in the tracking workbook.
    ///
    /// - Parameters:
    ///   - id: the plan's id, its documents' name.
    ///   - created: when it was made (ISO 8601).
    /// A commitment's name: the short title the table gave its row, or "" (the report then says
    /// "Compromiso 1", as the plan says "Problema 1": no sentence cut with "…").
    static func title(_ plan: ActionPlan, row: Int) -> String {
        row < plan.problems.count ? plan.problems[row].title : ""
    }

    public init(plan: ActionPlan, id: String, created: String) {
        func cells(_ row: ActionPlan.Row, _ role: ActionPlan.Role) -> [String] {
            plan.columns.indices.filter { plan.columns[$0].role == role }.flatMap { row.cells[$0] }
        }
        let commitments = plan.rows.enumerated().map { index, row -> Commitment in
            let id = "c\(index + 1)"
            let problem = cells(row, .problem).joined(separator: "\n")
            var c = Commitment(
                id: id, title: Self.title(plan, row: index), problem: problem,
                beneficiaries: cells(row, .beneficiaries).joined(separator: "\n"), affected: cells(row, .affected).joined(separator: "\n"))
            c.milestones = cells(row, .governmentActions).enumerated().map { Milestone(id: "\(id)-g\($0.offset + 1)", owner: .government, text: $0.element) }
                + cells(row, .civilSocietyActions).enumerated().map { Milestone(id: "\(id)-s\($0.offset + 1)", owner: .civilSociety, text: $0.element) }
            c.indicators = cells(row, .expectedResults).enumerated().map { Indicator(id: "\(id)-r\($0.offset + 1)", text: $0.element) }
            return c
        }
        self.init(
            moduleID: plan.moduleID, moduleVersion: plan.moduleVersion, matrixID: plan.matrixID, id: id, table: plan.tableName,
            municipality: plan.municipality, draft: plan.draft, language: plan.language, created: created, commitments: commitments)
    }
}
