import Foundation
import TequioDocuments
import TequioModel

/// The participant handbook: a cover with the event, the workshop's summary and the contents (with
/// page numbers in the PDF), then per unit its presentations (each slide as a handout, with lines for
/// notes), case studies (with room to answer their questions), findings (charts, data, testimonies)
/// and activities, and the glossary.
struct HandbookLayout {
    let context: PrintContext

    /// Lines to write on under a presentation, and under each question of a case.
    static let noteLines = 6
    static let answerLines = 4

    func layout() -> DocumentLayout {
        let s = context.strings
        let module = context.module
        var blocks = context.cover(s.handbook)
        blocks.append(.pageBreak)
        let summary = context.text(module.metadata.summary)
        if !summary.isEmpty {
            blocks.append(.minorHeading(s.about))
            for paragraph in summary.components(separatedBy: "\n\n") { blocks.append(.paragraph(LayoutText(paragraph))) }
        }
        var entries = module.units.enumerated().map { i, unit in
            DocumentLayout.ContentsEntry("\(s.unitN(i + 1)). \(context.text(unit.title))", anchor: PrintContext.anchor(unit))
        }
        if !module.glossary.isEmpty { entries.append(.init(s.glossary, anchor: "glossary")) }
        blocks += [.minorHeading(s.contents), .contents(entries), .pageBreak]
        for (i, unit) in module.units.enumerated() { blocks += self.unit(unit, index: i) }
        blocks += glossary()
        return context.layout(s.handbook, blocks: blocks, hasCover: true)
    }

    private func unit(_ unit: ModuleUnit, index: Int) -> [DocumentLayout.Block] {
        let s = context.strings
        var blocks: [DocumentLayout.Block] = [
            .heading(level: 1, text: LayoutText("\(s.unitN(index + 1)). \(context.text(unit.title))"), anchor: PrintContext.anchor(unit))
        ]
        var facts: [String] = []
        if let day = unit.day { facts.append(s.dayN(day)) }
        if let minutes = unit.minutes { facts.append(s.minutesN(minutes)) }
        if !facts.isEmpty { blocks.append(.groupLabel(LayoutText(facts.joined(separator: " · ")))) }
        if let summary = unit.summary { blocks.append(.paragraph(LayoutText(context.text(summary)))) }
        for block in unit.blocks {
            switch block {
            case .presentation(let p): blocks += presentation(p)
            case .caseStudy(let c): blocks += caseStudy(c)
            case .finding(let f): blocks += finding(f)
            case .activity(let a): blocks += activity(a)
            }
        }
        return blocks
    }

    private func presentation(_ p: Presentation) -> [DocumentLayout.Block] {
        let s = context.strings
        var blocks: [DocumentLayout.Block] = [.groupLabel(LayoutText(s.presentation)), .heading(level: 2, text: LayoutText(context.text(p.title)), anchor: nil)]
        if !p.experts.isEmpty {
            let experts = p.experts.map { e in
                [e.name, context.text(e.role), context.text(e.affiliation)].filter { !$0.isEmpty }.joined(separator: ", ")
            }
            blocks.append(.paragraph(LayoutText("\(s.presentedBy): \(experts.joined(separator: "; "))")))
        }
        for (k, slide) in p.slides.enumerated() {
            blocks.append(.heading(level: 3, text: LayoutText("\(k + 1). \(context.text(slide.title))"), anchor: nil))
            blocks += context.blocks(context.rich(slide.content))
        }
        blocks.append(.drawing(.init(.writingLines(Self.noteLines), text: s.myNotes)))
        return blocks
    }

    private func caseStudy(_ c: CaseStudy) -> [DocumentLayout.Block] {
        let s = context.strings
        var blocks: [DocumentLayout.Block] = [.groupLabel(LayoutText(s.caseStudy)), .heading(level: 2, text: LayoutText(context.text(c.title)), anchor: nil)]
        if let place = c.place { blocks.append(.paragraph(LayoutText(context.text(place)))) }
        blocks.append(.heading(level: 3, text: LayoutText(s.context), anchor: nil))
        blocks += context.blocks(context.rich(c.context))
        blocks.append(.heading(level: 3, text: LayoutText(s.narrative), anchor: nil))
        blocks += context.blocks(context.rich(c.narrative))
        if !c.keyFacts.isEmpty {
            blocks.append(.heading(level: 3, text: LayoutText(s.keyFacts), anchor: nil))
            blocks.append(.list(.bullets, c.keyFacts.map { LayoutText(context.text($0)) }))
        }
        if !c.questions.isEmpty {
            blocks.append(.heading(level: 3, text: LayoutText(s.questions), anchor: nil))
            for (k, q) in c.questions.enumerated() {
                blocks.append(.drawing(.init(.writingLines(Self.answerLines), text: "\(k + 1). \(context.text(q.text))")))
            }
        }
        if !c.sources.isEmpty {
            blocks.append(.heading(level: 3, text: LayoutText(s.sources), anchor: nil))
            blocks.append(.list(.bullets, c.sources.map { LayoutText([context.text($0.text), $0.href].compactMap { $0 }.joined(separator: " ")) }))
        }
        return blocks
    }

    private func finding(_ f: DiagnosticFinding) -> [DocumentLayout.Block] {
        let s = context.strings
        var blocks: [DocumentLayout.Block] = [
            .groupLabel(LayoutText("\(s.finding) · \(s.findingKind(f.kind))")), .heading(level: 2, text: LayoutText(context.text(f.title)), anchor: nil),
        ]
        blocks += context.blocks(context.rich(f.summary))
        if let dataset = f.dataset {
            for chart in f.charts {
                guard let drawn = PrintChart.chart(chart, dataset: dataset, context: context) else { continue }
                let title = context.text(chart.title)
                blocks.append(.heading(level: 3, text: LayoutText(title), anchor: nil))
                blocks.append(.drawing(.init(.chart(drawn), text: context.text(chart.description).isEmpty ? title : context.text(chart.description))))
            }
            blocks.append(.groupLabel(LayoutText(s.data)))
            blocks.append(.table(dataTable(dataset)))
        }
        for quote in f.quotes {
            let who = quote.attribution.map { " — \(context.text($0))" } ?? ""
            blocks.append(.paragraph(LayoutText("“\(context.text(quote.text))”\(who)")))
        }
        if let source = f.source { blocks.append(.paragraph(LayoutText("\(s.source): \(context.text(source))"))) }
        return blocks
    }

    private func dataTable(_ dataset: Dataset) -> DocumentLayout.Table {
        let numeric = Set(dataset.columns.indices.filter { dataset.columns[$0].type == .number })
        let cells = dataset.rows(in: context.language, fallbacks: context.fallbacks)
        let rows = cells.map { row in dataset.columns.indices.map { [LayoutText(row.indices.contains($0) ? row[$0] : "")] } }
        let header = dataset.columns.map { context.text($0.label) }
        // As wide as the longest word of the column needs: no word is broken inside.
        let weights = dataset.columns.indices.map { c in
            Double(([header[c]] + cells.map { $0.indices.contains(c) ? $0[c] : "" }).map(Self.longestWord).max() ?? 0)
        }
        return DocumentLayout.Table(
            kind: .summary, caption: context.strings.data, header: header, weights: weights.map { max(5, $0) }, rows: rows, numericColumns: numeric)
    }

    static func longestWord(_ text: String) -> Int {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(\.count).max() ?? 0
    }

    private func activity(_ a: Activity) -> [DocumentLayout.Block] {
        let s = context.strings
        var kind = s.activityKind(a.kind)
        if let minutes = a.minutes { kind += " · \(s.minutesN(minutes))" }
        return [.groupLabel(LayoutText(kind)), .heading(level: 2, text: LayoutText(context.text(a.title)), anchor: nil)]
            + context.blocks(context.rich(a.instructions))
    }

    private func glossary() -> [DocumentLayout.Block] {
        let terms = context.module.glossary.sorted {
            context.text($0.label).compare(context.text($1.label), options: [.caseInsensitive, .diacriticInsensitive]) == .orderedAscending
        }
        guard !terms.isEmpty else { return [] }
        return [.heading(level: 1, text: LayoutText(context.strings.glossary), anchor: "glossary")]
            + terms.map { .field(label: context.text($0.label), value: LayoutText(PrintRichText.text(context.rich($0.definition)))) }
    }
}
