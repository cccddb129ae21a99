import TequioModel

/// The newest draft's action plan with every change since the oldest draft, as tracked changes: what
/// `tequio compare` writes in every format, and each chapter of `assemble --compare-with`.
///
/// It has the blocks `PlanLayout` gives the newest draft, in the same order, with a summary of the
/// changes under the title. Each text is the history of that text across the drafts: rows are
/// followed by what they say (`RowHistory`), and what a plan shows of a row (its matrix cells with the
/// actions numbered, its problem section) is revised draft by draft from each draft's own
/// `ActionPlan`. So accepting every change gives the newest draft's plan and rejecting every change
/// the oldest's, text for text (`ComparisonLayoutTests` checks it against `PlanLayout`).
public enum ComparisonLayout {
    /// - Precondition: at least one plan, oldest first, all of one module's matrix.
    public static func layout(_ plans: [ActionPlan], author: String? = nil, hasLogo: Bool = true) -> DocumentLayout {
        let history = History(plans: plans, author: author)
        let newest = history.newest
        let s = newest.strings
        var blocks: [DocumentLayout.Block] = []
        if hasLogo { blocks.append(.logo) }
        if !newest.programTitle.isEmpty { blocks.append(.kicker(newest.programTitle)) }
        blocks.append(.title(s.actionPlan))
        blocks.append(.subtitle(history.texts.line { $0.displayName }))
        if !newest.moduleTitle.isEmpty { blocks.append(.coverText(newest.moduleTitle)) }
        blocks += history.summaryBlocks()
        blocks += history.fields(includeTable: true)
        blocks += PlanLayout.eventFields(newest.event, s)
        blocks.append(.minorHeading(s.members))
        blocks += history.members()
        blocks.append(.pageBreak)
        blocks.append(.heading(level: 1, text: LayoutText(s.introduction), anchor: nil))
        blocks += newest.introduction.map { .paragraph(LayoutText($0)) }
        blocks.append(.heading(level: 1, text: LayoutText(s.planSummary), anchor: nil))
        blocks += history.planSummary()
        blocks += history.body(level: 1)
        blocks += PlanLayout.nextSteps(newest)
        blocks += history.approval()
        var layout = PlanLayout.layout(newest, hasLogo: hasLogo)
        layout.blocks = blocks
        layout.properties.description = history.words.comparisonOf(plans.map(\.draft))
        layout.changeWords = history.words.changeWords
        return layout
    }

    /// A compendium chapter with the changes since the table's earlier draft, as
    /// `PlanLayout.chapter(_:number:content:)` lays out a plan.
    public static func chapter(
        _ plans: [ActionPlan], number: Int, author: String? = nil, content: ContentLayout = .default
    ) -> [DocumentLayout.Block] {
        let history = History(plans: plans, author: author)
        let newest = history.newest
        let landscape = content.showsMatrix && !history.rows.records.records.isEmpty && PlanLayout.needsLandscape(newest)
        var blocks: [DocumentLayout.Block] = [
            .orientation(landscape ? .landscape : .portrait),
            .heading(level: 1, text: LayoutText(PlanLayout.chapterTitle(newest)), anchor: "tq-plan-\(number)"),
        ]
        blocks += history.summaryBlocks()
        blocks += history.chapterFields()
        blocks += history.body(level: 2, content: content, labelled: true)
        return blocks
    }

    /// A plan compared with its table's earlier draft from another round, or marked new when there is
    /// none: a document of its own and a chapter of the compendium (`assemble --compare-with`).
    public struct Round: Sendable {
        /// The earlier round's plans, by `key`.
        var earlier: [String: ActionPlan]
        /// The earlier round's folder, as the note on a new plan names it.
        let folder: String

        public init(earlier plans: [ActionPlan], folder: String) {
            var earlier: [String: ActionPlan] = [:]
            for plan in plans where earlier[Self.key(plan)].map({ $0.draft <= plan.draft }) ?? true { earlier[Self.key(plan)] = plan }
            self.earlier = earlier
            self.folder = folder
        }

        /// A table is matched by module, matrix and table name (its slug, so spacing and accents do not
        /// matter).
        static func key(_ plan: ActionPlan) -> String { "\(plan.moduleID)\u{0}\(plan.matrixID)\u{0}\(plan.slug)" }

        public func layout(_ plan: ActionPlan, hasLogo: Bool) -> DocumentLayout {
            guard let before = earlier[Self.key(plan)] else {
                var layout = PlanLayout.layout(plan, hasLogo: hasLogo)
                let at = layout.blocks.firstIndex { if case .field = $0 { true } else { false } } ?? layout.blocks.count
                layout.blocks.insert(.paragraph(LayoutText(ComparisonWords(plan).newPlan(folder))), at: at)
                return layout
            }
            return ComparisonLayout.layout([before, plan], hasLogo: hasLogo)
        }

        /// The earlier plans with their words made again by `localise` (in a compendium's language).
        public func localised(_ localise: (ActionPlan) -> ActionPlan) -> Round {
            var round = self
            round.earlier = earlier.mapValues(localise)
            return round
        }

        public func chapter(_ plan: ActionPlan, number: Int, content: ContentLayout = .default) -> [DocumentLayout.Block] {
            guard let before = earlier[Self.key(plan)] else {
                var blocks = PlanLayout.chapter(plan, number: number, content: content)
                blocks.insert(.paragraph(LayoutText(ComparisonWords(plan).newPlan(folder))), at: 2)
                return blocks
            }
            return ComparisonLayout.chapter([before, plan], number: number, content: content)
        }
    }

    /// A comparison's file name, without extension: `<module>-<table>-cambios-<first>-<last>`.
    public static func fileName(_ plans: [ActionPlan]) -> String {
        let newest = plans[plans.count - 1]
        return "\(newest.baseName)-\(ComparisonWords(newest).fileWord)-\(plans[0].draft)-\(newest.draft)"
    }
}

/// Everything a comparison needs about its drafts: their plans, the history of each text and row,
/// who made each step, and what each step changed.
struct History {
    let plans: [ActionPlan]
    let changes: ChangeMaker
    let texts: TextHistory
    let rows: RowHistory
    let memberHistories: [(sector: CompletedMatrix.Sector, records: RevisedRecords, counts: [RevisedRecords.StepCounts])]
    let words: ComparisonWords
    var newest: ActionPlan { plans[plans.count - 1] }

    init(plans: [ActionPlan], author: String?) {
        self.plans = plans
        changes = ChangeMaker(plans: plans, author: author)
        texts = TextHistory(plans: plans, changes: changes)
        rows = RowHistory(plans: plans)
        memberHistories = Self.memberHistories(plans)
        words = ComparisonWords(plans[plans.count - 1])
    }

    /// The summary's title, one line per step and the legend; the first and last blocks are what
    /// readers (and the acceptance tests) set aside.
    func summaryBlocks() -> [DocumentLayout.Block] {
        var blocks: [DocumentLayout.Block] = [.minorHeading(words.summaryTitle(plans[0].draft))]
        let memberCounts = memberHistories.map(\.counts)
        for step in plans.indices.dropFirst() {
            let plan = plans[step]
            var members = RevisedRecords.StepCounts()
            for counts in memberCounts {
                let c = counts[step - 1]
                members.changed += c.changed
                members.added += c.added
                members.removed += c.removed
            }
            let previous = plans[step - 1]
            let summary = ComparisonWords.Step(
                rows: rows.counts[step - 1], members: members,
                detailsChanged: previous.tableName != plan.tableName || previous.municipality != plan.municipality)
            let date = plan.modified.map { plan.strings.longDate($0.calendarDate) } ?? ""
            let author = changes.author ?? plan.displayName
            blocks.append(.paragraph(LayoutText(words.stepLine(summary, draft: plan.draft, author: author, date: date))))
        }
        blocks.append(.paragraph(LayoutText(words.legend)))
        return blocks
    }

    /// The cover's fields, as `PlanLayout.fields(_:includeTable:)` writes them.
    func fields(includeTable: Bool) -> [DocumentLayout.Block] {
        let s = newest.strings
        var entries: [(String, (ActionPlan) -> String)] = []
        if includeTable { entries.append((s.workingTable, { $0.tableName })) }
        entries += [
            (s.municipality, { $0.municipality }), (s.draft, { String($0.draft) }),
            (s.date, { p in p.modified.map { s.longDate($0.calendarDate) } ?? "" }),
        ]
        return entries.compactMap { label, value in
            let text = texts.line(value)
            return text.isEmpty ? nil : .field(label: label, value: text)
        }
    }

    /// Members by sector; a member who changed sector leaves one group and joins another, as the two
    /// drafts show it.
    static func memberHistories(_ plans: [ActionPlan]) -> [(sector: CompletedMatrix.Sector, records: RevisedRecords, counts: [RevisedRecords.StepCounts])] {
        CompletedMatrix.Sector.allCases.map { sector in
            func values(_ plan: ActionPlan) -> [[String: String]] {
                (plan.memberGroups.first { $0.sector == sector }?.members ?? []).map {
                    ["name": $0.name.trimmingWhitespace(), "role": $0.role?.trimmingWhitespace() ?? ""]
                }
            }
            var records = RevisedRecords(values(plans[0]), fields: ["name", "role"])
            var counts: [RevisedRecords.StepCounts] = []
            for step in plans.indices.dropFirst() { counts.append(records.revise(to: values(plans[step]), step: step)) }
            return (sector, records, counts)
        }
    }

    func members() -> [DocumentLayout.Block] {
        var blocks: [DocumentLayout.Block] = []
        let none = texts.line { $0.memberGroups.isEmpty ? $0.strings.noMembers : "" }
        if !none.isEmpty { blocks.append(.paragraph(none)) }
        for (sector, records, _) in memberHistories where !records.records.isEmpty {
            let label = texts.line { plan in plan.memberGroups.contains { $0.sector == sector } ? plan.strings.sector(sector) : "" }
            if !label.isEmpty { blocks.append(.groupLabel(label)) }
            for record in records.records {
                let role = changes.text(record["role"])
                blocks.append(.member(name: changes.text(record["name"]), role: role.isEmpty ? nil : role))
            }
        }
        return blocks
    }

    /// The matrix and the problem sections, as `PlanLayout.body(_:level:content:labelled:)` lays them out.
    func body(level: Int, content: ContentLayout = .both, labelled: Bool = false) -> [DocumentLayout.Block] {
        let s = newest.strings
        let records = rows.records.records
        let landscape = PlanLayout.needsLandscape(newest) && !records.isEmpty
        let noRows = texts.line { $0.rows.isEmpty ? $0.strings.noRows : "" }
        var blocks: [DocumentLayout.Block] = []
        if content.showsMatrix {
            if level == 1 && landscape { blocks.append(.orientation(.landscape)) }
            blocks.append(.heading(level: level, text: LayoutText(newest.matrixTitle.isEmpty ? s.actionPlan : newest.matrixTitle), anchor: nil))
            if !noRows.isEmpty { blocks.append(.paragraph(noRows)) }
            if !records.isEmpty { blocks.append(.table(rows.table(newest, changes: changes, labelled: labelled))) }
        } else if !noRows.isEmpty {
            blocks.append(.paragraph(noRows))
        }
        guard content.showsProblems, !records.isEmpty else { return blocks }
        if content.showsMatrix && landscape { blocks.append(.orientation(.portrait)) }
        var problemLevel = level
        if level == 1 {
            let problems = texts.line { $0.problems.isEmpty ? "" : $0.strings.problemsAndActions }
            if !problems.isEmpty { blocks.append(.heading(level: 1, text: problems, anchor: nil)) }
            problemLevel = 2
        }
        for record in records { blocks += rows.section(record, level: problemLevel, changes: changes) }
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
