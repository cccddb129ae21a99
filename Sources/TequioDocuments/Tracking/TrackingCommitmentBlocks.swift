import TequioModel

/// One commitment of a progress report: its heading, status and planning, its progress bar, the
/// timeline and table of its milestones, its indicators against their targets, and the changes made
/// to its planning.
struct TrackingCommitmentBlocks {
    let words: TrackingWords
    let charts: TrackingCharts

    func blocks(_ c: TrackingProgress.CommitmentState, number: Int) -> [DocumentLayout.Block] {
        let k = c.commitment
        var blocks: [DocumentLayout.Block] = [.heading(level: 2, text: LayoutText(words.commitmentHeading(number, k.title)), anchor: nil)]
        let period = [k.start, k.due].contains { !$0.isEmpty } ? "\(k.start.isEmpty ? words.none : k.start) – \(k.due.isEmpty ? words.none : k.due)" : ""
        let budget = k.budget.isEmpty ? "" : [k.budget, k.currency].filter { !$0.isEmpty }.joined(separator: " ")
        for (label, value) in [
            (words.statusLabel, words.status(c.status)), (words.leadAgency, k.leadAgency), (words.supportingActors, k.supportingActors),
            (words.period, period), (words.budget, budget), (words.fundingSource, k.fundingSource),
        ] where !value.isEmpty {
            blocks.append(.field(label: label, value: LayoutText(value)))
        }
        blocks.append(.figure(charts.progressBar(c.percent, c.status)))
        if !c.milestones.isEmpty {
            blocks.append(.heading(level: 3, text: LayoutText(words.milestones), anchor: nil))
            if let timeline = charts.timeline(c) { blocks.append(.figure(timeline)) } else { blocks.append(.paragraph(LayoutText(words.noDates))) }
            blocks.append(.table(milestoneTable(c)))
        }
        if !c.indicators.isEmpty {
            blocks.append(.heading(level: 3, text: LayoutText(words.indicators), anchor: nil))
            if let chart = charts.indicators(c) { blocks.append(.figure(chart)) }
            blocks.append(.table(indicatorTable(c)))
        }
        if !c.changes.isEmpty {
            blocks.append(.heading(level: 3, text: LayoutText(words.changes), anchor: nil))
            blocks.append(
                .list(
                    .bullets,
                    c.changes.map {
                        LayoutText(words.changeLine($0.date, words.field($0.field), $0.item, $0.from.isEmpty ? words.none : $0.from, $0.to))
                    }))
        }
        return blocks
    }

    func range(_ from: String, _ to: String) -> String {
        from.isEmpty && to.isEmpty ? words.none : "\(from.isEmpty ? words.none : from) – \(to.isEmpty ? words.none : to)"
    }

    func milestoneTable(_ c: TrackingProgress.CommitmentState) -> DocumentLayout.Table {
        let rows: [[[LayoutText]]] = c.milestones.map { m in
            var status = words.status(m.status)
            if m.overdue { status += " · \(words.overdueMark)" }
            var latest: [LayoutText] = []
            if let u = m.latest {
                latest.append(LayoutText(u.narrative.isEmpty ? u.date : "\(u.date): \(u.narrative)"))
                latest += u.evidence.map { LayoutText($0) }
            }
            return [
                [LayoutText("\(TrackingCharts.code(m.milestone.id)). \(m.milestone.text)")], [LayoutText(words.owner(m.milestone.owner))],
                [LayoutText(range(m.milestone.start, m.milestone.due))], [LayoutText(range(m.started, m.completed))], [LayoutText(status)],
                [LayoutText(words.percent(m.percent))], latest.isEmpty ? [LayoutText(words.none)] : latest,
            ]
        }
        return DocumentLayout.Table(
            kind: .summary, caption: words.milestones,
            header: [words.milestone, words.owner, words.planned, words.actual, words.statusLabel, words.percentDone, words.latest],
            weights: [5, 1.6, 2.2, 2.2, 1.8, 1.2, 4], rows: rows, footer: nil, numericColumns: [5])
    }

    func indicatorTable(_ c: TrackingProgress.CommitmentState) -> DocumentLayout.Table {
        let rows: [[[LayoutText]]] = c.indicators.map { s in
            let i = s.indicator
            let value = s.value.isEmpty ? words.none : "\(s.value) (\(s.date))"
            let toward = s.progress.map { words.percent(Int(($0 * 100).rounded())) } ?? words.none
            let target = i.target.isEmpty ? words.none : i.direction.map { "\(i.target) (\(words.direction($0)))" } ?? i.target
            return [
                [LayoutText("\(TrackingCharts.code(i.id)). \(i.text)")], [LayoutText(i.unit.isEmpty ? words.none : i.unit)],
                [LayoutText(i.baseline.isEmpty ? words.none : i.baseline)], [LayoutText(target)], [LayoutText(value)], [LayoutText(toward)],
            ]
        }
        return DocumentLayout.Table(
            kind: .summary, caption: words.indicators, header: [words.indicator, words.unit, words.baseline, words.target, words.value, words.towardTarget],
            weights: [6, 1.6, 1.4, 2, 2.2, 1.6], rows: rows, footer: nil, numericColumns: [5])
    }
}
