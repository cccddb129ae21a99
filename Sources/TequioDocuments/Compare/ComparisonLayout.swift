import TequioModel

/// The newest draft's action plan with every change since the oldest draft, as tracked changes: what
/// `tequio compare` writes in every format.
///
/// It has the blocks `PlanLayout.layout(_:)` gives the newest draft, in the same order, with a
/// summary of the changes under the title. Each text is the history of that text across the drafts:
/// rows are followed by what they say (`RevisedRecords`, on the matrix cells), and what a plan shows
/// of a row (its matrix cells with the actions numbered, its problem section: heading, statement,
/// parts) is revised draft by draft from each draft's own `ActionPlan`. So accepting every change
/// gives the newest draft's plan and rejecting every change the oldest's, text for text (the
/// comparison tests check it against `PlanLayout`).
public enum ComparisonLayout {
    /// - Precondition: at least one plan, oldest first, all of one module's matrix.
    public static func layout(
        _ plans: [ActionPlan], summary: MatrixComparison, author: String? = nil, hasLogo: Bool = true
    ) -> DocumentLayout {
        let newest = plans[plans.count - 1]
        let s = newest.strings
        let words = ComparisonWords.forLanguage(newest.language)
        let changes = ChangeMaker(plans: plans, author: author)
        let texts = TextHistory(plans: plans, changes: changes)
        var blocks: [DocumentLayout.Block] = []
        if hasLogo { blocks.append(.logo) }
        if !newest.programTitle.isEmpty { blocks.append(.kicker(newest.programTitle)) }
        blocks.append(.title(s.actionPlan))
        blocks.append(.subtitle(texts.line { $0.displayName }))
        if !newest.moduleTitle.isEmpty { blocks.append(.coverText(newest.moduleTitle)) }
        blocks += summaryBlocks(summary, plans: plans, words: words, author: author)
        for (label, value) in [
            (s.workingTable, { (p: ActionPlan) in p.tableName }), (s.municipality, { $0.municipality }),
            (s.draft, { String($0.draft) }), (s.date, { p in p.modified.map { s.longDate($0.calendarDate) } ?? "" }),
        ] as [(String, (ActionPlan) -> String)] {
            let text = texts.line(value)
            if !text.isEmpty { blocks.append(.field(label: label, value: text)) }
        }
        blocks.append(.minorHeading(s.members))
        blocks += members(plans, texts: texts, changes: changes)
        blocks.append(.pageBreak)
        blocks.append(.heading(level: 1, text: LayoutText(s.introduction), anchor: nil))
        blocks += newest.introduction.map { .paragraph(LayoutText($0)) }
        blocks += body(plans, texts: texts, changes: changes)
        var layout = PlanLayout.layout(newest, hasLogo: hasLogo)
        layout.blocks = blocks
        layout.properties.description = words.comparisonOf(plans.map(\.draft))
        layout.changeWords = DocumentLayout.ChangeWords(inserted: words.inserted, deleted: words.deleted)
        return layout
    }

    /// The word in a comparison's file name: `cambios` in Spanish, `changes` otherwise.
    public static func fileWord(_ language: String) -> String {
        language.split(separator: "-").first.map { $0.lowercased() } == "es" ? "cambios" : "changes"
    }

    /// The title of the summary and one paragraph per step; the first and last blocks of the summary
    /// are what readers (and the acceptance tests) set aside.
    static func summaryBlocks(
        _ summary: MatrixComparison, plans: [ActionPlan], words: ComparisonWords, author: String?
    ) -> [DocumentLayout.Block] {
        var blocks: [DocumentLayout.Block] = [.minorHeading(words.summaryTitle(plans[0].draft))]
        for step in summary.summaries {
            let plan = plans[step.step]
            let date = plan.modified.map { plan.strings.longDate($0.calendarDate) } ?? ""
            blocks.append(.paragraph(LayoutText(words.stepLine(step, draft: plan.draft, author: author ?? plan.displayName, date: date))))
        }
        blocks.append(.paragraph(LayoutText(words.legend)))
        return blocks
    }

    static func members(_ plans: [ActionPlan], texts: TextHistory, changes: ChangeMaker) -> [DocumentLayout.Block] {
        var blocks: [DocumentLayout.Block] = []
        let none = texts.line { $0.memberGroups.isEmpty ? $0.strings.noMembers : "" }
        if !none.isEmpty { blocks.append(.paragraph(none)) }
        for sector in CompletedMatrix.Sector.allCases {
            // A member who changed sector leaves one group and joins another, as the two drafts show it.
            func values(_ plan: ActionPlan) -> [[String: String]] {
                (plan.memberGroups.first { $0.sector == sector }?.members ?? []).map {
                    ["name": $0.name.trimmingWhitespace(), "role": $0.role?.trimmingWhitespace() ?? ""]
                }
            }
            var records = RevisedRecords(values(plans[0]), fields: ["name", "role"])
            for step in plans.indices.dropFirst() { records.revise(to: values(plans[step]), step: step) }
            guard !records.records.isEmpty else { continue }
            let label = texts.line { plan in plan.memberGroups.contains { $0.sector == sector } ? plan.strings.sector(sector) : "" }
            if !label.isEmpty { blocks.append(.groupLabel(label)) }
            for record in records.records {
                let role = changes.text(record["role"])
                blocks.append(.member(name: changes.text(record["name"]), role: role.isEmpty ? nil : role))
            }
        }
        return blocks
    }

    /// The matrix and the problem sections, as `PlanLayout.body(_:level:)` lays them out for a plan.
    static func body(_ plans: [ActionPlan], texts: TextHistory, changes: ChangeMaker) -> [DocumentLayout.Block] {
        let newest = plans[plans.count - 1]
        let s = newest.strings
        let rows = RowHistory(plans: plans)
        var blocks: [DocumentLayout.Block] = [.orientation(.landscape)]
        blocks.append(.heading(level: 1, text: LayoutText(newest.matrixTitle.isEmpty ? s.actionPlan : newest.matrixTitle), anchor: nil))
        let noRows = texts.line { $0.rows.isEmpty ? $0.strings.noRows : "" }
        if !noRows.isEmpty { blocks.append(.paragraph(noRows)) }
        if !rows.records.records.isEmpty { blocks.append(.table(rows.table(newest, changes: changes))) }
        guard !rows.records.records.isEmpty else { return blocks }
        blocks.append(.orientation(.portrait))
        let problems = texts.line { $0.problems.isEmpty ? "" : $0.strings.problemsAndActions }
        if !problems.isEmpty { blocks.append(.heading(level: 1, text: problems, anchor: nil)) }
        for record in rows.records.records { blocks += rows.section(record, newest, changes: changes) }
        return blocks
    }
}

/// Revisions as the writers show them: who made each step (the draft's table, or `--author`) and when
/// (the draft's time).
struct ChangeMaker {
    let plans: [ActionPlan]
    let author: String?

    func change(_ revision: Revision?) -> LayoutText.Change? {
        guard let revision else { return nil }
        let plan = plans[revision.step]
        return LayoutText.Change(author: author ?? plan.displayName, date: plan.modified, isMove: revision.isMove)
    }

    func marks(inserted: Revision?, deleted: Revision?) -> LayoutText.Marks {
        LayoutText.Marks(inserted: change(inserted), deleted: change(deleted))
    }

    /// A one-line text with its changes.
    func text(_ revised: RevisedText) -> LayoutText {
        paragraphs(revised).first ?? LayoutText("")
    }

    func paragraphs(_ revised: RevisedText) -> [LayoutText] { LayoutText.paragraphs(of: revised, change: change) }
}

extension LayoutText {
    /// A revised text's paragraphs (one per line), each ending with the change to its paragraph mark:
    /// the line break after it, added or removed with a whole line (`RevisedText.lineSteps`).
    public static func paragraphs(of revised: RevisedText, change: (Revision?) -> Change?) -> [LayoutText] {
        var result: [LayoutText] = []
        var runs: [Run] = []
        for segment in revised.segments {
            let marks = Marks(inserted: change(segment.inserted), deleted: change(segment.deleted))
            var pending = ""
            for token in TextTokens.tokens(segment.text) {
                if TextTokens.kind(of: token) == .lineBreak {
                    runs.append(.init(pending, marks: marks))
                    result.append(LayoutText(runs: runs, paragraphMark: marks))
                    runs = []
                    pending = ""
                } else {
                    pending += token
                }
            }
            runs.append(.init(pending, marks: marks))
        }
        let last = LayoutText(runs: runs)
        if !last.isEmpty || !result.isEmpty { result.append(last) }
        return result
    }
}

/// Texts of the plan that are not rows (the table's name, a line shown only in some drafts): each
/// draft's value, revised draft by draft.
struct TextHistory {
    let plans: [ActionPlan]
    let changes: ChangeMaker

    func revised(_ value: (ActionPlan) -> String) -> RevisedText {
        var text = RevisedText(value(plans[0]))
        for step in plans.indices.dropFirst() { text.revise(to: value(plans[step]), step: step) }
        return text
    }

    func line(_ value: (ActionPlan) -> String) -> LayoutText { changes.text(revised(value)) }
}
