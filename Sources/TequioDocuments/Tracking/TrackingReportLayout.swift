import TequioModel

/// A progress report on tracked plans (`tequio track report`), laid out once for every format: a cover, a
/// summary across the plans (a table and a chart of their commitments by status), then per plan its
/// progress and per commitment its status and progress bar, its planning, the timeline of its
/// milestones (planned against actual, overdue marked) with their table, its indicators against their
/// targets, and the changes made to its planning. Only updates dated up to the report's date count.
public struct TrackingReportLayout: Sendable {
    /// The report's date: only updates dated up to it count.
    public var asOf: CalendarDate
    public var language: String
    public var moduleID: String
    /// The module's, in the report's language.
    public var programTitle: String
    public var moduleTitle: String
    public var catalogue: StringCatalogue
    public var hasLogo: Bool

    public init(
        asOf: CalendarDate, language: String, moduleID: String, programTitle: String, moduleTitle: String, catalogue: StringCatalogue,
        hasLogo: Bool = true
    ) {
        self.asOf = asOf
        self.language = language
        self.moduleID = moduleID
        self.programTitle = programTitle
        self.moduleTitle = moduleTitle
        self.catalogue = catalogue
        self.hasLogo = hasLogo
    }

    var words: TrackingWords { TrackingWords(catalogue, language: language) }

    /// The report of `plans`: the summary across them, then (`inDetail`) each plan's section.
    public func layout(_ plans: [TrackedPlan], inDetail: Bool = true) -> DocumentLayout {
        let words = self.words
        let charts = TrackingCharts(words: words, asOf: asOf)
        let progress = plans.map { TrackingProgress($0, asOf: asOf) }
        var blocks = cover(subtitle: moduleTitle, line: words.document.plansN(plans.count))
        blocks.append(.minorHeading(words.document.contents))
        blocks.append(
            .contents(
                [.init(text: words.document.summary, anchor: "tq-summary")]
                    + (inDetail ? progress.enumerated().map { .init(text: words.planHeading($0.offset + 1, $0.element.plan.displayName), anchor: "tq-plan-\($0.offset + 1)") } : [])))
        blocks.append(.pageBreak)
        blocks += Self.summary(progress, words: words, charts: charts)
        if inDetail {
            for (i, p) in progress.enumerated() { blocks += Self.plan(p, number: i + 1, words: words, charts: charts) }
        }
        return document(blocks, title: "\(words.title): \(moduleTitle.isEmpty ? moduleID : moduleTitle)")
    }

    /// The report of one plan: a cover, then its section.
    public func layout(plan: TrackedPlan) -> DocumentLayout {
        let words = self.words
        var blocks = cover(subtitle: plan.displayName, line: moduleTitle)
        blocks += Self.plan(TrackingProgress(plan, asOf: asOf), number: 1, words: words, charts: TrackingCharts(words: words, asOf: asOf))
        return document(blocks, title: "\(words.title): \(plan.displayName)")
    }

    func cover(subtitle: String, line: String) -> [DocumentLayout.Block] {
        let words = self.words
        var blocks: [DocumentLayout.Block] = []
        if hasLogo { blocks.append(.logo) }
        if !programTitle.isEmpty { blocks.append(.kicker(programTitle)) }
        blocks.append(.title(words.title))
        if !subtitle.isEmpty { blocks.append(.subtitle(LayoutText(subtitle))) }
        if !line.isEmpty { blocks.append(.coverText(line)) }
        blocks.append(.field(label: words.legendAsOf, value: LayoutText(words.document.longDate(asOf))))
        blocks.append(.pageBreak)
        return blocks
    }

    func document(_ blocks: [DocumentLayout.Block], title: String) -> DocumentLayout {
        let words = self.words
        let date = words.document.longDate(asOf)
        let day = Timestamp(iso: "\(asOf.iso)T00:00:00Z")
        let properties = DocumentLayout.Properties(
            title: title, subject: words.asOf(date), author: programTitle.isEmpty ? moduleTitle : programTitle, language: language,
            keywords: [moduleID], description: words.asOf(date), created: day, modified: day, revision: 1)
        return DocumentLayout(
            properties: properties, runningHeader: "\(title) · \(words.asOf(asOf.iso))", strings: words.document, blocks: blocks,
            hasCover: true, hasPageReferences: blocks.contains { if case .contents = $0 { true } else { false } })
    }

    /// `<module>-seguimiento-<date>`, or `<plan>-seguimiento-<date>` for one plan's report: the file
    /// name, without extension.
    public func fileName(plan: TrackedPlan? = nil) -> String { "\(plan?.id ?? moduleID)-\(words.fileWord)-\(asOf.iso)" }

    static func summary(_ plans: [TrackingProgress], words: TrackingWords, charts: TrackingCharts) -> [DocumentLayout.Block] {
        // A landscape page: the table's ten columns fit their headings' words only there.
        var blocks: [DocumentLayout.Block] = [.orientation(.landscape), .heading(level: 1, text: LayoutText(words.document.summary), anchor: "tq-summary")]
        var counts: [TrackedPlan.Status: Int] = [:]
        for p in plans { for c in p.commitments { counts[c.status, default: 0] += 1 } }
        let commitments = plans.reduce(0) { $0 + $1.commitments.count }
        let active = plans.flatMap(\.commitments).filter { $0.status != .withdrawn }
        let mean = active.isEmpty ? 0 : Int((Double(active.map(\.percent).reduce(0, +)) / Double(active.count)).rounded())
        blocks.append(.paragraph(LayoutText(words.counts(commitments: commitments, counts, overdue: plans.reduce(0) { $0 + $1.overdueMilestones }, percent: mean))))
        let statuses: [TrackedPlan.Status] = [.complete, .substantial, .limited, .notStarted, .withdrawn]
        let rows: [[[LayoutText]]] = plans.map { p in
            [[LayoutText(p.plan.displayName)], [LayoutText(String(p.commitments.count))]] + statuses.map { [LayoutText(String(p.count($0)))] }
                + [[LayoutText(words.percent(p.percent))], [LayoutText(String(p.overdueMilestones))], [LayoutText(p.lastUpdate.isEmpty ? words.none : p.lastUpdate)]]
        }
        blocks.append(
            .table(
                .init(
                    kind: .summary, caption: words.document.summary, header: [words.plan, words.commitments] + statuses.map(words.status) + [words.progress, words.overdue, words.lastUpdate],
                    weights: [4, 1.4, 1.3, 1.3, 1.3, 1.3, 1.3, 1.3, 1.3, 2], rows: rows, footer: nil, numericColumns: Set(1...8))))
        blocks += charts.statusCharts(plans).map { .figure($0) }
        return blocks
    }

    static func plan(_ p: TrackingProgress, number: Int, words: TrackingWords, charts: TrackingCharts) -> [DocumentLayout.Block] {
        // Each plan opens a section, as a compendium's chapters do: long reports are written in parallel chunks.
        var blocks: [DocumentLayout.Block] = [
            .orientation(.portrait), .heading(level: 1, text: LayoutText(words.planHeading(number, p.plan.displayName)), anchor: "tq-plan-\(number)"),
        ]
        for (label, value) in [
            (words.document.municipality, p.plan.municipality), (words.document.draft, String(p.plan.draft)),
            (words.lastUpdate, p.lastUpdate.isEmpty ? words.noUpdates : p.lastUpdate),
        ] where !value.isEmpty {
            blocks.append(.field(label: label, value: LayoutText(value)))
        }
        var counts: [TrackedPlan.Status: Int] = [:]
        for c in p.commitments { counts[c.status, default: 0] += 1 }
        blocks.append(.paragraph(LayoutText(words.counts(commitments: p.commitments.count, counts, overdue: p.overdueMilestones, percent: p.percent))))
        blocks.append(.figure(charts.progressBar(p.percent, p.commitments.isEmpty ? .notStarted : overall(p))))
        for (i, c) in p.commitments.enumerated() { blocks += TrackingCommitmentBlocks(words: words, charts: charts).blocks(c, number: i + 1) }
        return blocks
    }

    /// The plan's level: complete when every active commitment is, else by its percentage as a commitment's.
    static func overall(_ p: TrackingProgress) -> TrackedPlan.Status {
        let active = p.commitments.filter { $0.status != .withdrawn }
        if active.isEmpty { return .withdrawn }
        if active.allSatisfy({ $0.status == .complete }) { return .complete }
        if p.percent >= 50 { return .substantial }
        return active.contains { $0.status != .notStarted } ? .limited : .notStarted
    }
}
