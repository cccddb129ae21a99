import TequioModel

/// One round's chapter of the decision record: who scored and the quorum; the ranking table (per plan
/// the weighted total, rank, per criterion the mean with the lowest and highest score and how many
/// scored, and the plan's status), the plans listed apart for a failed gate, the ties and how they
/// were broken; the chart of totals with each evaluator's spread; the disagreements; the rationale
/// and the round's decision with any departure from the ranking.
struct RecordRound {
    let record: DecisionRecord
    let round: RoundResult
    let number: Int

    /// Marks a criterion whose scores spread to the disagreement threshold: a shape Arial, Liberation
    /// Sans and DejaVu Sans all have, so that it prints (⚠ is missing from the first two).
    static let disagreementMark = "▲"

    /// Plans beyond this many are left out of the chart (the table keeps them all).
    static let chartLimit = 40

    private var words: RecordWords { record.words }
    private var ranked: [Ranking.Entry] { round.ranking.entries.filter { $0.status != .ineligible && $0.rank != nil } }
    private var ineligible: [Ranking.Entry] { round.ranking.entries.filter { $0.rank == nil || $0.status == .ineligible } }

    func blocks() -> [DocumentLayout.Block] {
        var blocks: [DocumentLayout.Block] = [.heading(level: 1, text: LayoutText(round.round), anchor: "tq-round-\(number)")]
        blocks.append(.field(label: words.date, value: LayoutText(record.longDate(round.date))))
        if let previous = round.previousRound { blocks.append(.field(label: words.previousRound, value: LayoutText(previous))) }
        blocks.append(.field(label: words.evaluators, value: LayoutText(round.evaluators.joined(separator: ", "))))
        blocks.append(.field(label: words.quorum, value: LayoutText(words.quorumValue(needed: round.quorum, present: round.evaluators.count))))
        blocks.append(.field(label: words.advance, value: LayoutText(String(round.advance))))
        if round.normalised { blocks.append(.field(label: words.normalisation, value: LayoutText(words.normalisationValue))) }

        blocks.append(.heading(level: 2, text: LayoutText(words.ranking), anchor: nil))
        blocks += rankingTable().chunked().map { .table($0) }
        blocks.append(.paragraph(LayoutText(words.rankingNote)))
        if round.normalised { blocks.append(.paragraph(LayoutText(words.normalisedNote))) }
        for e in round.ranking.entries where !e.recused.isEmpty {
            blocks.append(.paragraph(LayoutText(words.recused(e.table, words.list(e.recused)))))
        }
        blocks += ties()
        if !ineligible.isEmpty {
            blocks.append(.minorHeading(words.ineligible))
            blocks.append(.table(ineligibleTable()))
        }
        if !ranked.isEmpty {
            blocks.append(.heading(level: 2, text: LayoutText(words.chartHeading), anchor: nil))
            blocks.append(.chart(chart()))
            if ranked.count > Self.chartLimit { blocks.append(.paragraph(LayoutText(words.chartFirst(Self.chartLimit)))) }
        }
        blocks += disagreements()
        blocks += decision()
        return blocks
    }

    // MARK: - Ranking

    func rankingTable() -> DocumentLayout.Table {
        let criteria = record.rubric.criteria
        var header = [words.rank, words.plan, words.total]
        if round.normalised { header.append("z") }
        header += criteria.enumerated().map { words.criterionColumn($0.offset + 1, weight: ($0.element.weight).oneDecimal) }
        header.append(words.status)
        let departed = Set(round.departures.map(\.plan))
        let rows = round.ranking.entries.map { e -> [[LayoutText]] in
            var row: [[LayoutText]] = [
                [LayoutText(e.rank.map { "\($0)\(e.tied ? "=" : "")" } ?? "–")], [LayoutText(e.table)], [LayoutText(DecisionRecord.figure(e.total))],
            ]
            if round.normalised { row.append([LayoutText(e.normalisedTotal.map(DecisionRecord.figure) ?? "–")]) }
            for c in criteria {
                guard let s = e.statistics.first(where: { $0.criterion == c.id }), s.count > 0 else {
                    row.append([LayoutText("–")])
                    continue
                }
                row.append([LayoutText(DecisionRecord.figure(s.mean) + (s.disagreement ? " \(Self.disagreementMark)" : "")), LayoutText("\(s.minimum)–\(s.maximum) · \(s.count)")])
            }
            let status = words.status(e.status)
            row.append([LayoutText(departed.contains(e.plan) ? words.byDecision(status) : status)])
            return row
        }
        let numeric = Set(0..<header.count).subtracting([1, header.count - 1])
        return DocumentLayout.Table(
            kind: .summary, caption: "\(words.ranking) · \(round.round)", header: header,
            weights: [1.1, 2.8, 1.1] + (round.normalised ? [1] : []) + criteria.map { _ in 1.3 } + [1.6], rows: rows, footer: nil,
            numericColumns: numeric)
    }

    func ineligibleTable() -> DocumentLayout.Table {
        let gates = record.rubric.gates
        let rows = ineligible.map { e -> [[LayoutText]] in
            let failed = e.failedGates.map { id -> (String, String) in
                let index = gates.firstIndex { $0.id == id }
                let label = index.map { "\(words.gateLabel($0 + 1)). \(record.text(gates[$0].question))" } ?? id
                let count = e.gates[id].map { words.outOf($0.met, $0.answered) } ?? ""
                return (label, count)
            }
            return [[LayoutText(e.table)], failed.map { LayoutText($0.0) }, failed.map { LayoutText($0.1) }, [LayoutText(DecisionRecord.figure(e.total))]]
        }
        return DocumentLayout.Table(
            kind: .summary, caption: words.ineligible, header: [words.plan, words.gateNotMet, words.yesAnswers, words.total],
            weights: [3, 5, 1.4, 1.1], rows: rows, footer: nil, numericColumns: [3])
    }

    /// Plans with the same total: separated by the tie-breaker, or still tied and sharing a rank.
    func ties() -> [DocumentLayout.Block] {
        var blocks: [DocumentLayout.Block] = []
        let breaker = record.rubric.tieBreaker
        func mean(_ e: Ranking.Entry) -> Double { e.statistics.first { $0.criterion == breaker }?.mean ?? 0 }
        // Totals compare as the ranking compares them, to three decimals.
        let groups = Dictionary(grouping: ranked) { ($0.total * 1000).rounded() }
        for group in groups.values.sorted(by: { ($0[0].rank ?? 0) < ($1[0].rank ?? 0) }) where group.count > 1 {
            let total = DecisionRecord.figure(group[0].total)
            let byRank = Dictionary(grouping: group) { $0.rank ?? 0 }
            for (rank, same) in byRank.sorted(by: { $0.key < $1.key }) where same.count > 1 {
                blocks.append(.paragraph(LayoutText(words.tieKept(words.list(same.map(\.table)), rank: rank))))
            }
            let ordered = group.sorted { ($0.rank ?? 0) < ($1.rank ?? 0) }
            for (a, b) in zip(ordered, ordered.dropFirst()) where a.rank != b.rank {
                let criterion = breaker.map(record.criterionTitle) ?? ""
                blocks.append(
                    .paragraph(
                        LayoutText(
                            words.tieBroken(a.table, b.table, total: total, criterion: criterion, a: DecisionRecord.figure(mean(a)), b: DecisionRecord.figure(mean(b))))))
            }
        }
        if round.ranking.tieAtCutoff { blocks.append(.paragraph(LayoutText(words.tieAtCutoff))) }
        return blocks
    }

    // MARK: - Chart

    func chart() -> DocumentLayout.SpreadChart {
        let shown = Array(ranked.prefix(Self.chartLimit))
        let bars = shown.map { e -> DocumentLayout.SpreadChart.Bar in
            let totals = record.evaluatorTotals(round, plan: e.plan)
            let range = totals.min().flatMap { low in totals.max().map { low...$0 } }
            let summary = words.chartBar(
                e.table, DecisionRecord.figure(e.total), DecisionRecord.figure(range?.lowerBound ?? e.total),
                DecisionRecord.figure(range?.upperBound ?? e.total), words.status(e.status))
            return .init(
                label: e.table, value: e.total, valueText: DecisionRecord.figure(e.total), range: range, points: totals, fill: Self.fill(e.status),
                summary: summary)
        }
        var legend: [DocumentLayout.SpreadChart.LegendEntry] = []
        for status in [Ranking.Status.advances, .reserve, .out] where shown.contains(where: { $0.status == status }) {
            legend.append(.init(.bar(Self.fill(status)), words.status(status)))
        }
        legend += [.init(.range, words.rangeLegend), .init(.point, words.pointLegend)]
        let rubric = record.rubric
        return DocumentLayout.SpreadChart(
            title: words.chartTitle(round.round), description: words.chartDescription,
            scale: Double(rubric.minimum)...Double(max(rubric.maximum, rubric.minimum + 1)),
            axisTitle: words.axis(String(rubric.minimum), String(rubric.maximum)), bars: bars, legend: legend)
    }

    /// Advancing plans solid, the reserve hatched, the others light: apart in grey too.
    static func fill(_ status: Ranking.Status) -> DocumentLayout.SpreadChart.Fill {
        switch status {
        case .advances: .solid
        case .reserve: .hatched
        case .out, .ineligible: .light
        }
    }

    // MARK: - Disagreements and decision

    func disagreements() -> [DocumentLayout.Block] {
        var blocks: [DocumentLayout.Block] = [.heading(level: 2, text: LayoutText(words.disagreements), anchor: nil)]
        let items = round.ranking.entries.flatMap { e in
            e.statistics.filter(\.disagreement).map { LayoutText(words.disagreement(e.table, record.criterionTitle($0.criterion), $0.minimum, $0.maximum)) }
        }
        guard !items.isEmpty else {
            return blocks + [.paragraph(LayoutText(words.noDisagreement(record.rubric.disagreementSpread.oneDecimal)))]
        }
        blocks.append(.list(.bullets, items))
        blocks.append(.paragraph(LayoutText(round.rationale.isEmpty ? words.notSettled : words.settled)))
        return blocks
    }

    func decision() -> [DocumentLayout.Block] {
        var blocks: [DocumentLayout.Block] = [.heading(level: 2, text: LayoutText(words.rationale), anchor: nil)]
        let paragraphs = RecordLayout.paragraphs(round.rationale)
        blocks += paragraphs.isEmpty ? [.paragraph(LayoutText(words.noRationale))] : paragraphs.map { .paragraph(LayoutText($0)) }
        let names = { (status: Ranking.Status) in round.ranking.entries.filter { $0.status == status }.map(\.table) }
        blocks.append(.field(label: words.advance, value: LayoutText(words.list(names(.advances)).isEmpty ? "—" : words.list(names(.advances)))))
        let reserve = names(.reserve)
        blocks.append(.field(label: words.reserveList, value: LayoutText(reserve.isEmpty ? "—" : words.list(reserve))))
        guard !round.departures.isEmpty else { return blocks + [.paragraph(LayoutText(words.noDepartures))] }
        let tables = Dictionary(round.ranking.entries.map { ($0.plan, $0.table) }, uniquingKeysWith: { a, _ in a })
        blocks.append(
            .list(
                .bullets,
                round.departures.map {
                    LayoutText(words.departure(tables[$0.plan] ?? $0.plan, to: words.status($0.to), from: words.status($0.from), reason: $0.reason))
                }))
        return blocks
    }
}
