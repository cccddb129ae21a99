import TequioModel
import TequioWriters

/// How a compendium prints each plan's content: the matrix, the problem sections, or both
/// (`assemble --layout`). A plan's own document always has both: the matrix a reviewed copy is read
/// back from, and the problem sections.
public enum ContentLayout: String, Sendable, CaseIterable {
    case matrix, narrative, both

    public static let `default` = ContentLayout.matrix

    var showsMatrix: Bool { self != .narrative }
    var showsProblems: Bool { self != .matrix }
}

/// Decides what an action plan or a compendium contains and in which order; writers only render it.
///
/// A plan: cover (logo, program, title, table, module, municipality, draft, date, the workshop, members
/// by sector); the introduction and the plan's summary; the matrix (on landscape pages when it is
/// wide); one section per problem; next steps; the approval block with the members' signatures.
/// A compendium: cover (with the workshop), then on the same pages the contents, the introduction and
/// the summary table; each plan as a chapter starting on a new page; the committee's next steps and
/// approval block.
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
        blocks += eventFields(plan.event, s)
        blocks.append(.minorHeading(s.members))
        blocks += members(plan)
        blocks.append(.pageBreak)
        blocks.append(.heading(level: 1, text: LayoutText(s.introduction), anchor: nil))
        blocks += plan.introduction.map { .paragraph(LayoutText($0)) }
        blocks.append(.heading(level: 1, text: LayoutText(s.planSummary), anchor: nil))
        blocks += summaryFields(plan).map { .field(label: $0.label, value: LayoutText($0.value)) }
        blocks += body(plan, level: 1, content: .both)
        blocks += nextSteps(plan)
        blocks += approval(plan)
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
        _ compendium: Compendium, hasLogo: Bool = true, content: ContentLayout = .default,
        chapters: ((Int, ActionPlan) -> [DocumentLayout.Block]?)? = nil
    ) -> DocumentLayout {
        let s = compendium.strings
        var blocks: [DocumentLayout.Block] = []
        if hasLogo { blocks.append(.logo) }
        if !compendium.programTitle.isEmpty { blocks.append(.kicker(compendium.programTitle)) }
        blocks.append(.title(s.compendium))
        if !compendium.moduleTitle.isEmpty { blocks.append(.subtitle(LayoutText(compendium.moduleTitle))) }
        blocks.append(.coverText(s.plansN(compendium.plans.count)))
        blocks += eventFields(compendium.event, s)
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
        entries.append(.init(text: s.nextSteps, anchor: "tq-next"))
        entries.append(.init(text: s.approvalCommittee, anchor: "tq-approval"))
        blocks.append(.contents(entries))
        blocks.append(.heading(level: 1, text: LayoutText(s.introduction), anchor: "tq-intro"))
        blocks += compendium.introduction.map { .paragraph(LayoutText($0)) }
        blocks.append(.heading(level: 1, text: LayoutText(s.summary), anchor: "tq-summary"))
        blocks.append(.table(summaryTable(compendium)))
        for (i, plan) in compendium.plans.enumerated() {
            blocks += chapters?(i, plan) ?? chapter(plan, number: i + 1, content: content)
        }
        blocks += [.orientation(.portrait)] + committeeNextSteps(compendium) + committeeApproval(compendium)
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

    /// A plan as a chapter of a compendium, starting on a new page: its heading (anchored for the
    /// contents), its summary and members (a line per sector), then its content once: the matrix (its problem cells headed
    /// "Problema 1: …"), the problem sections, or both.
    public static func chapter(_ plan: ActionPlan, number: Int, content: ContentLayout = .default) -> [DocumentLayout.Block] {
        let landscape = content.showsMatrix && !plan.rows.isEmpty && needsLandscape(plan)
        var blocks: [DocumentLayout.Block] = [.orientation(landscape ? .landscape : .portrait)]
        blocks.append(.heading(level: 1, text: LayoutText(chapterTitle(plan)), anchor: "tq-plan-\(number)"))
        blocks += chapterFields(plan)
        blocks += body(plan, level: 2, content: content, labelled: true)
        return blocks
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

    /// A matrix of more than four columns goes on landscape pages; a narrower one fits a portrait page.
    static func needsLandscape(_ plan: ActionPlan) -> Bool { plan.columns.count > 4 }

    /// The matrix and the problem sections. `level` is the level of the matrix heading; in a plan the
    /// problems sit one level below a "Problems and actions" heading, in a compendium chapter at `level`.
    /// `labelled` heads each row's problem cell with the problem's heading (a compendium's matrix; a plan's
    /// cells stay as the table wrote them, for a reviewed copy to be read back).
    static func body(_ plan: ActionPlan, level: Int, content: ContentLayout, labelled: Bool = false) -> [DocumentLayout.Block] {
        let s = plan.strings
        var result: [DocumentLayout.Block] = []
        let landscape = needsLandscape(plan) && !plan.rows.isEmpty
        if content.showsMatrix {
            // In a chapter the orientation is set by its first block.
            if level == 1 && landscape { result.append(.orientation(.landscape)) }
            result.append(.heading(level: level, text: LayoutText(plan.matrixTitle.isEmpty ? s.actionPlan : plan.matrixTitle), anchor: nil))
            if plan.rows.isEmpty {
                result.append(.paragraph(LayoutText(s.noRows)))
            } else {
                result.append(.table(matrixTable(plan, labelled: labelled)))
            }
        } else if plan.rows.isEmpty {
            result.append(.paragraph(LayoutText(s.noRows)))
        }
        guard content.showsProblems, !plan.problems.isEmpty else { return result }
        if content.showsMatrix && landscape { result.append(.orientation(.portrait)) }
        var problemLevel = level
        if level == 1 {
            result.append(.heading(level: 1, text: LayoutText(s.problemsAndActions), anchor: nil))
            problemLevel = 2
        }
        for problem in plan.problems { result += section(problem, level: problemLevel) }
        return result
    }

    /// A problem's section: its heading ("Problema 1: Calendario de tandeo"), the statement, then one
    /// part per other column that has text.
    static func section(_ problem: ActionPlan.Problem, level: Int) -> [DocumentLayout.Block] {
        var result: [DocumentLayout.Block] = [.heading(level: level, text: LayoutText(problem.heading), anchor: nil)]
        result += problem.statement.map { .paragraph(LayoutText($0)) }
        for part in problem.parts {
            result.append(.heading(level: level + 1, text: LayoutText(part.heading), anchor: nil))
            switch part.kind {
            case .numbered: result.append(.list(.numbered, [LayoutText](plain: part.items)))
            case .bullets: result.append(.list(.bullets, [LayoutText](plain: part.items)))
            case .paragraphs: result += part.items.map { .paragraph(LayoutText($0)) }
            }
        }
        return result
    }
}
