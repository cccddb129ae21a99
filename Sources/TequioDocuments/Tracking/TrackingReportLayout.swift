import TequioModel

/// A progress report on tracked plans (`tequio track report`), laid out once for every format: a cover, a
/// summary across the plans (a table and a chart of their commitments by status), then per plan its
/// progress and per commitment its status and progress bar, its planning, the timeline of its
/// milestones (planned against actual, overdue marked) with their table, its indicators against their
/// targets, and the changes made to its planning. Only updates dated up to the report's date count.
public enum TrackingReportLayout {
    /// - Parameters:
    ///   - asOf: the report's date.
    ///   - programTitle, moduleTitle: the module's, in the report's language.
    public static func layout(
        _ plans: [TrackedPlan], asOf: CalendarDate, language: String, moduleID: String, programTitle: String, moduleTitle: String,
        catalogue: StringCatalogue, hasLogo: Bool = true
    ) -> DocumentLayout {
        let words = TrackingWords(catalogue, language: language)
        let charts = TrackingCharts(words: words, asOf: asOf)
        let progress = plans.map { TrackingProgress($0, asOf: asOf) }
        let date = words.document.longDate(asOf)
        var blocks: [DocumentLayout.Block] = []
        if hasLogo { blocks.append(.logo) }
        if !programTitle.isEmpty { blocks.append(.kicker(programTitle)) }
        blocks.append(.title(words.title))
        if !moduleTitle.isEmpty { blocks.append(.subtitle(LayoutText(moduleTitle))) }
        blocks.append(.coverText(words.document.plansN(plans.count)))
        blocks.append(.field(label: words.legendAsOf, value: LayoutText(date)))
        blocks.append(.pageBreak)
        blocks.append(.minorHeading(words.document.contents))
        blocks.append(
            .contents(
                [.init(text: words.document.summary, anchor: "tq-summary")]
                    + progress.enumerated().map { .init(text: words.planHeading($0.offset + 1, $0.element.plan.displayName), anchor: "tq-plan-\($0.offset + 1)") }))
        blocks.append(.pageBreak)
        blocks += summary(progress, words: words, charts: charts)
        for (i, p) in progress.enumerated() { blocks += plan(p, number: i + 1, words: words, charts: charts) }
        let title = "\(words.title): \(moduleTitle.isEmpty ? moduleID : moduleTitle)"
        let properties = DocumentLayout.Properties(
            title: title, subject: words.asOf(date), author: programTitle.isEmpty ? moduleTitle : programTitle, language: language,
            keywords: [moduleID], description: words.asOf(date), created: Timestamp(iso: "\(asOf.iso)T00:00:00Z"),
            modified: Timestamp(iso: "\(asOf.iso)T00:00:00Z"), revision: 1)
        return DocumentLayout(
            properties: properties, runningHeader: "\(words.title) · \(words.asOf(asOf.iso))", strings: words.document, blocks: blocks,
            hasCover: true, hasPageReferences: true)
    }

    /// `<module>-seguimiento-<date>`: the report's file name, without extension.
    public static func fileName(moduleID: String, asOf: CalendarDate, language: String, catalogue: StringCatalogue) -> String {
        "\(moduleID)-\(TrackingWords(catalogue, language: language).fileWord)-\(asOf.iso)"
    }

    static func summary(_ plans: [TrackingProgress], words: TrackingWords, charts: TrackingCharts) -> [DocumentLayout.Block] {
        var blocks: [DocumentLayout.Block] = [.heading(level: 1, text: LayoutText(words.document.summary), anchor: "tq-summary")]
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
        blocks += charts.statusCharts(plans).map { .drawing($0) }
        return blocks
    }

    static func plan(_ p: TrackingProgress, number: Int, words: TrackingWords, charts: TrackingCharts) -> [DocumentLayout.Block] {
        var blocks: [DocumentLayout.Block] = [.pageBreak, .heading(level: 1, text: LayoutText(words.planHeading(number, p.plan.displayName)), anchor: "tq-plan-\(number)")]
        for (label, value) in [
            (words.document.municipality, p.plan.municipality), (words.document.draft, String(p.plan.draft)),
            (words.lastUpdate, p.lastUpdate.isEmpty ? words.noUpdates : p.lastUpdate),
        ] where !value.isEmpty {
            blocks.append(.field(label: label, value: LayoutText(value)))
        }
        var counts: [TrackedPlan.Status: Int] = [:]
        for c in p.commitments { counts[c.status, default: 0] += 1 }
        blocks.append(.paragraph(LayoutText(words.counts(commitments: p.commitments.count, counts, overdue: p.overdueMilestones, percent: p.percent))))
        blocks.append(.drawing(charts.progressBar(p.percent, p.commitments.isEmpty ? .notStarted : overall(p))))
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
