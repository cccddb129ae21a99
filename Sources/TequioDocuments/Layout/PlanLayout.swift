import TequioModel
import TequioWriters

/// Decides what an action plan or a compendium contains and in which order; writers only render it.
///
/// A plan: cover (logo, program, title, table, module, municipality, draft, date, members by sector);
/// introduction from the module; the matrix on landscape pages; one section per problem.
/// A compendium: cover, contents, introduction, summary table, then each plan as a chapter.
public enum PlanLayout {
    public static func layout(_ plan: ActionPlan, hasLogo: Bool = true) -> DocumentLayout {
        let s = plan.strings
        var blocks: [DocumentLayout.Block] = []
        if hasLogo { blocks.append(.logo) }
        if !plan.programTitle.isEmpty { blocks.append(.kicker(plan.programTitle)) }
        blocks.append(.title(s.actionPlan))
        blocks.append(.subtitle(LayoutText(plan.displayName)))
        if !plan.moduleTitle.isEmpty { blocks.append(.coverText(plan.moduleTitle)) }
        blocks += fields(plan, includeTable: true)
        blocks.append(.minorHeading(s.members))
        blocks += members(plan)
        blocks.append(.pageBreak)
        blocks.append(.heading(level: 1, text: LayoutText(s.introduction), anchor: nil))
        blocks += plan.introduction.map { .paragraph(LayoutText($0)) }
        blocks += body(plan, level: 1)
        var layout = DocumentLayout(
            properties: properties(plan), runningHeader: "\(plan.title)", strings: s, blocks: blocks, hasCover: true,
            hasPageReferences: false)
        layout.draft = try? CompletedMatrixWriter.data(plan.draftMatrix, columnOrder: plan.columns.map(\.id))
        for (i, block) in layout.blocks.enumerated() {
            guard case .table(var table) = block, table.kind == .matrix else { continue }
            table.cellAnchors = table.rows.indices.map { r in plan.columns.indices.map { c in ReviewAnchor.cell(row: r + 1, column: c + 1) } }
            layout.blocks[i] = .table(table)
        }
        return layout
    }

    /// A compendium; `chapters` may give a plan's chapter instead (with the changes since an earlier
    /// draft, `assemble --compare-with`).
    public static func layout(
        _ compendium: Compendium, hasLogo: Bool = true, chapters: ((Int, ActionPlan) -> [DocumentLayout.Block]?)? = nil
    ) -> DocumentLayout {
        let s = compendium.strings
        var blocks: [DocumentLayout.Block] = []
        if hasLogo { blocks.append(.logo) }
        if !compendium.programTitle.isEmpty { blocks.append(.kicker(compendium.programTitle)) }
        blocks.append(.title(s.compendium))
        if !compendium.moduleTitle.isEmpty { blocks.append(.subtitle(LayoutText(compendium.moduleTitle))) }
        blocks.append(.coverText(s.plansN(compendium.plans.count)))
        if let date = compendium.modified {
            blocks.append(.field(label: s.date, value: LayoutText(s.longDate(date.calendarDate))))
        }
        blocks.append(.pageBreak)
        blocks.append(.minorHeading(s.contents))
        var entries = [
            DocumentLayout.ContentsEntry(text: s.introduction, anchor: "tq-intro"),
            DocumentLayout.ContentsEntry(text: s.summary, anchor: "tq-summary"),
        ]
        for (i, plan) in compendium.plans.enumerated() {
            entries.append(.init(text: chapterTitle(plan), anchor: "tq-plan-\(i + 1)"))
        }
        blocks.append(.contents(entries))
        blocks.append(.pageBreak)
        blocks.append(.heading(level: 1, text: LayoutText(s.introduction), anchor: "tq-intro"))
        blocks += compendium.introduction.map { .paragraph(LayoutText($0)) }
        blocks.append(.pageBreak)
        blocks.append(.heading(level: 1, text: LayoutText(s.summary), anchor: "tq-summary"))
        blocks.append(.table(summaryTable(compendium)))
        for (i, plan) in compendium.plans.enumerated() {
            blocks += chapters?(i, plan) ?? chapter(plan, number: i + 1)
        }
        let props = DocumentLayout.Properties(
            title: compendium.programTitle.isEmpty ? s.compendium : "\(s.compendium): \(compendium.programTitle)",
            subject: compendium.moduleTitle, author: compendium.programTitle.isEmpty ? compendium.moduleTitle : compendium.programTitle,
            language: compendium.language, keywords: [compendium.moduleID],
            description: s.plansN(compendium.plans.count), created: compendium.created,
            modified: compendium.modified, revision: 1)
        return DocumentLayout(
            properties: props, runningHeader: props.title, strings: s, blocks: blocks, hasCover: true,
            hasPageReferences: true)
    }

    /// A plan as a chapter of a compendium: its heading (anchored for the contents), fields, members,
    /// the list of its problems, then the matrix and the problem sections.
    public static func chapter(_ plan: ActionPlan, number: Int) -> [DocumentLayout.Block] {
        var blocks: [DocumentLayout.Block] = [.orientation(.portrait)]
        blocks.append(.heading(level: 1, text: LayoutText(chapterTitle(plan)), anchor: "tq-plan-\(number)"))
        blocks += fields(plan, includeTable: false)
        blocks.append(.minorHeading(plan.strings.members))
        blocks += members(plan)
        if !plan.problems.isEmpty {
            blocks.append(.minorHeading(plan.strings.problems))
            blocks.append(.list(.numbered, plan.problems.map { LayoutText(shortTitle($0)) }))
        }
        blocks += body(plan, level: 2)
        return blocks
    }

    /// A problem's title in a compendium chapter's list of problems.
    static func shortTitle(_ problem: ActionPlan.Problem) -> String {
        PlanText.shortTitle(problem.statement.joined(separator: "\n"), limit: 110)
    }

    /// "Mesa 1 · Santa Lucía del Camino", with the municipality added when the name does not contain it.
    static func chapterTitle(_ plan: ActionPlan) -> String {
        let name = plan.displayName
        if plan.municipality.isEmpty || name.contains(plan.municipality) { return name }
        return "\(name) (\(plan.municipality))"
    }

    static func properties(_ plan: ActionPlan) -> DocumentLayout.Properties {
        DocumentLayout.Properties(
            title: plan.title, subject: plan.moduleTitle.isEmpty ? plan.matrixTitle : plan.moduleTitle,
            author: plan.displayName, language: plan.language,
            keywords: [plan.moduleID, plan.municipality].filter { !$0.isEmpty },
            description: [plan.programTitle, plan.matrixTitle].filter { !$0.isEmpty }.joined(separator: " · "),
            created: plan.created, modified: plan.modified, revision: plan.draft)
    }

    static func fields(_ plan: ActionPlan, includeTable: Bool) -> [DocumentLayout.Block] {
        let s = plan.strings
        var result: [DocumentLayout.Block] = []
        if includeTable && !plan.tableName.isEmpty { result.append(.field(label: s.workingTable, value: LayoutText(plan.tableName))) }
        if !plan.municipality.isEmpty { result.append(.field(label: s.municipality, value: LayoutText(plan.municipality))) }
        result.append(.field(label: s.draft, value: LayoutText(String(plan.draft))))
        if let date = plan.modified { result.append(.field(label: s.date, value: LayoutText(s.longDate(date.calendarDate)))) }
        return result
    }

    static func members(_ plan: ActionPlan) -> [DocumentLayout.Block] {
        guard !plan.memberGroups.isEmpty else { return [.paragraph(LayoutText(plan.strings.noMembers))] }
        var result: [DocumentLayout.Block] = []
        for group in plan.memberGroups {
            result.append(.groupLabel(LayoutText(group.label)))
            for m in group.members {
                let role = m.role?.trimmingWhitespace() ?? ""
                result.append(.member(name: LayoutText(m.name.trimmingWhitespace()), role: role.isEmpty ? nil : LayoutText(role)))
            }
        }
        return result
    }

    /// The matrix (landscape) and the problem sections (portrait). `level` is the level of the matrix
    /// heading; problems sit one level below a "Problems and actions" heading in a plan, and at `level`
    /// in a compendium chapter.
    static func body(_ plan: ActionPlan, level: Int) -> [DocumentLayout.Block] {
        let s = plan.strings
        var result: [DocumentLayout.Block] = [.orientation(.landscape)]
        result.append(.heading(level: level, text: LayoutText(plan.matrixTitle.isEmpty ? s.actionPlan : plan.matrixTitle), anchor: nil))
        if plan.rows.isEmpty {
            result.append(.paragraph(LayoutText(s.noRows)))
        } else {
            result.append(.table(matrixTable(plan)))
        }
        // Without problems the document ends on the matrix pages: a section break there would leave an
        // empty last page.
        guard !plan.problems.isEmpty else { return result }
        result.append(.orientation(.portrait))
        var problemLevel = level
        if level == 1 {
            result.append(.heading(level: 1, text: LayoutText(s.problemsAndActions), anchor: nil))
            problemLevel = 2
        }
        for problem in plan.problems {
            result.append(.heading(level: problemLevel, text: LayoutText(problem.heading), anchor: nil))
            result += problem.statement.map { .paragraph(LayoutText($0)) }
            for part in problem.parts {
                result.append(.heading(level: problemLevel + 1, text: LayoutText(part.heading), anchor: nil))
                switch part.kind {
                case .numbered: result.append(.list(.numbered, [LayoutText](plain: part.items)))
                case .bullets: result.append(.list(.bullets, [LayoutText](plain: part.items)))
                case .paragraphs: result += part.items.map { .paragraph(LayoutText($0)) }
                }
            }
        }
        return result
    }

    static func matrixTable(_ plan: ActionPlan) -> DocumentLayout.Table {
        let rows = plan.rows.map { row in
            zip(plan.columns, row.cells).map { column, lines in
                [LayoutText](plain: column.role.isActions ? lines.enumerated().map { "\($0.offset + 1). \($0.element)" } : lines)
            }
        }
        return DocumentLayout.Table(
            kind: .matrix, caption: plan.matrixTitle, header: plan.columns.map(\.label),
            weights: plan.columns.map(\.weight), rows: rows, footer: nil, numericColumns: [])
    }

    static func summaryTable(_ c: Compendium) -> DocumentLayout.Table {
        let s = c.strings
        let rows = c.plans.map { p in
            [[p.displayName], [p.municipality], [String(p.problemCount)], [String(p.governmentActionCount)], [String(p.civilSocietyActionCount)]].map { [LayoutText](plain: $0) }
        }
        return DocumentLayout.Table(
            kind: .summary, caption: s.summary,
            header: [s.workingTable, s.municipality, s.problems, s.governmentActions, s.civilSocietyActions],
            weights: [3.2, 2.6, 1.2, 1.5, 1.5], rows: rows,
            footer: [s.total, "", String(c.totalProblems), String(c.totalGovernmentActions), String(c.totalCivilSocietyActions)],
            numericColumns: [2, 3, 4])
    }
}
