import Foundation
import TequioModel

/// The document the donor committee signs (`tequio review record`), laid out once for every format:
///
/// a cover; the contents; the decision (the plans selected, the commitment of support, the rounds at a
/// glance); the criteria (weights, scale, gates, tie-breaker, how totals are made); one chapter per
/// round in chain order (`RecordRound`: participants and quorum, the ranking table, the chart of
/// totals with each evaluator's spread, the disagreements, the rationale and the round's decision);
/// the signature block; and the annexes (`RecordAnnexes`): every evaluator's scores with their
/// justifications, and the conflict-of-interest declarations.
public enum RecordLayout {
    public static func layout(_ record: DecisionRecord, hasLogo: Bool = true) -> DocumentLayout {
        let words = record.words
        let first = record.rounds.first!, last = record.rounds.last!
        var blocks: [DocumentLayout.Block] = []
        if hasLogo { blocks.append(.logo) }
        if !record.programTitle.isEmpty { blocks.append(.kicker(record.programTitle)) }
        blocks.append(.title(words.title))
        if !record.moduleTitle.isEmpty { blocks.append(.subtitle(LayoutText(record.moduleTitle))) }
        blocks.append(.coverText(chain(record)))
        blocks.append(.field(label: words.date, value: LayoutText(record.longDate(last.date))))
        let rubricTitle = record.text(record.rubric.title)
        if !rubricTitle.isEmpty { blocks.append(.field(label: words.rubric, value: LayoutText(rubricTitle))) }
        blocks.append(.pageBreak)
        blocks.append(.minorHeading(words.contents))
        var entries: [DocumentLayout.ContentsEntry] = [.init(text: words.decision, anchor: "tq-decision"), .init(text: words.criteria, anchor: "tq-criteria")]
        for (i, round) in record.rounds.enumerated() { entries.append(.init(text: round.round, anchor: "tq-round-\(i + 1)")) }
        entries += [
            .init(text: words.signatures, anchor: "tq-signatures"), .init(text: words.annexScores, anchor: "tq-annex-scores"),
            .init(text: words.annexConflicts, anchor: "tq-annex-conflicts"),
        ]
        blocks.append(.contents(entries))
        // The contents, the decision and the criteria are short: they follow one another, and each round
        // (the record's chapters) starts a page.
        blocks += decision(record)
        blocks += criteria(record)
        for (i, round) in record.rounds.enumerated() {
            blocks.append(.pageBreak)
            blocks += RecordRound(record: record, round: round, number: i + 1).blocks()
        }
        blocks.append(.pageBreak)
        blocks += signatures(record)
        blocks += RecordAnnexes(record: record).blocks()

        let title = record.moduleTitle.isEmpty ? words.title : "\(words.title): \(record.moduleTitle)"
        let properties = DocumentLayout.Properties(
            title: title, subject: rubricTitle, author: record.programTitle.isEmpty ? record.moduleTitle : record.programTitle,
            language: record.language, keywords: [record.moduleID, record.rubric.id].filter { !$0.isEmpty }, description: chain(record),
            created: Timestamp(iso: first.date), modified: Timestamp(iso: last.date), revision: record.rounds.count)
        return DocumentLayout(
            properties: properties, runningHeader: words.title, strings: record.strings, blocks: blocks, hasCover: true, hasPageReferences: true)
    }

    /// "Ronda 1 → Ronda 2 → Ronda 3"
    static func chain(_ record: DecisionRecord) -> String {
        "\(record.words.rounds): " + record.rounds.map(\.round).joined(separator: " → ")
    }

    /// The plans selected and the commitment of support, then the rounds at a glance.
    static func decision(_ record: DecisionRecord) -> [DocumentLayout.Block] {
        let words = record.words
        var blocks: [DocumentLayout.Block] = [.heading(level: 1, text: LayoutText(words.decision), anchor: "tq-decision")]
        let evaluated = Set(record.rounds.flatMap { $0.ranking.entries.map(\.plan) }).count
        blocks.append(.field(label: words.rounds, value: LayoutText(record.rounds.map(\.round).joined(separator: " → "))))
        blocks.append(.field(label: words.plansEvaluated, value: LayoutText(String(evaluated))))
        blocks.append(.minorHeading(words.selected))
        blocks.append(.list(.numbered, record.winners.map { LayoutText(words.winner($0.table, total: DecisionRecord.figure($0.total))) }))
        blocks.append(.minorHeading(words.commitment))
        let commitment = record.rounds.last?.commitment ?? ""
        if commitment.isEmpty {
            // Room to write the commitment by hand on the printed record.
            blocks.append(.paragraph(LayoutText(words.noCommitment)))
            blocks += Array(repeating: .paragraph(LayoutText(String(repeating: "_", count: 60))), count: 3)
        } else {
            blocks += paragraphs(commitment).map { .paragraph(LayoutText($0)) }
        }
        blocks.append(.minorHeading(words.roundSummary))
        let rows = record.rounds.map { r -> [[LayoutText]] in
            [
                r.round, record.longDate(r.date), r.evaluators.joined(separator: ", "),
                String(r.ranking.entries.count), String(r.advancing.count),
            ].map { [LayoutText($0)] }
        }
        blocks.append(
            .table(
                DocumentLayout.Table(
                    kind: .summary, caption: words.roundSummary,
                    header: [words.round, words.date, words.evaluators, words.plansEvaluated, words.advance],
                    weights: [1.6, 2.2, 3.6, 1.4, 1.2], rows: rows, footer: nil, numericColumns: [3, 4])))
        return blocks
    }

    /// The rubric: criteria with weights and the scores to justify, the scale, the gates, the
    /// tie-breaker and how totals and disagreements are worked out.
    static func criteria(_ record: DecisionRecord) -> [DocumentLayout.Block] {
        let words = record.words
        let rubric = record.rubric
        var blocks: [DocumentLayout.Block] = [.heading(level: 1, text: LayoutText(words.criteria), anchor: "tq-criteria")]
        let title = record.text(rubric.title)
        if !title.isEmpty { blocks.append(.paragraph(LayoutText(title))) }
        let rows = rubric.criteria.enumerated().map { i, c -> [[LayoutText]] in
            let guidance = record.text(c.guidance)
            return [
                [LayoutText(words.criterionLabel(i + 1))], [LayoutText(record.criterionTitle(c.id))] + (guidance.isEmpty ? [] : [LayoutText(guidance)]),
                [LayoutText(words.percent(c.weight.oneDecimal))],
                [LayoutText(c.justify.sorted().map(String.init).joined(separator: ", "))],
            ]
        }
        blocks.append(
            .table(
                DocumentLayout.Table(
                    kind: .summary, caption: words.criteria, header: ["", words.criterion, words.weight, words.justifyFor],
                    weights: [0.6, 6, 1.2, 1.8], rows: rows,
                    footer: [words.total, "", words.percent((rubric.criteria.reduce(0) { $0 + $1.weight }).oneDecimal), ""],
                    numericColumns: [2])))
        blocks.append(.minorHeading(words.scale))
        blocks.append(.list(.bullets, rubric.levels.map { LayoutText("\($0.value) — \(record.text($0.label))") }))
        if !rubric.gates.isEmpty {
            blocks.append(.minorHeading(words.gates))
            blocks.append(.list(.bullets, rubric.gates.enumerated().map { LayoutText("\(words.gateLabel($0.offset + 1)). \(record.text($0.element.question))") }))
        }
        if let breaker = rubric.tieBreaker { blocks.append(.paragraph(LayoutText(words.tieBreaker(record.criterionTitle(breaker))))) }
        blocks.append(.paragraph(LayoutText(words.disagreementRule(rubric.disagreementSpread.oneDecimal))))
        blocks.append(.paragraph(LayoutText(words.totalRule(String(rubric.minimum), String(rubric.maximum)))))
        return blocks
    }

    /// One line per member: name, role when known, and room to sign and date.
    static func signatures(_ record: DecisionRecord) -> [DocumentLayout.Block] {
        let words = record.words
        let rows = record.members.map { m -> [[LayoutText]] in
            // Two empty lines make the row tall enough for a signature.
            [[LayoutText(m.name)], [LayoutText(m.role)], [LayoutText(""), LayoutText(""), LayoutText("")], [LayoutText("")]]
        }
        return [
            .heading(level: 1, text: LayoutText(words.signatures), anchor: "tq-signatures"),
            .paragraph(LayoutText(words.signaturesIntro)),
            .table(
                DocumentLayout.Table(
                    kind: .summary, caption: words.signatures, header: [words.name, words.role, words.signature, words.date],
                    weights: [3, 2.6, 3.4, 1.8], rows: rows, footer: nil, numericColumns: [])),
        ]
    }

    /// A text as paragraphs: blank lines separate them, single line breaks stay inside one.
    static func paragraphs(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            .map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }
}
