import TequioDocuments
import TequioModel

/// The facilitator guide: a cover with the event, the contents, the agenda (each day from its start,
/// with its breaks and lunch, times rounded to 5 minutes), how to set up the working tables, then unit
/// by unit the speaker notes of the slides that have them, the discussion prompts and the activity
/// instructions, each with its time, and what to do with the matrices after the workshop.
struct FacilitatorGuideLayout {
    let context: PrintContext

    func layout() -> DocumentLayout {
        let s = context.strings
        let agenda = Agenda(context.module)
        var blocks = context.cover(s.facilitatorGuide)
        blocks.append(.pageBreak)
        var entries: [DocumentLayout.ContentsEntry] = [.init(s.agenda, anchor: "agenda"), .init(s.tableSetup, anchor: "setup")]
        entries += agenda.units.map { .init(unitTitle($0), anchor: PrintContext.anchor($0.unit)) }
        entries.append(.init(s.afterWorkshop, anchor: "after"))
        blocks += [.minorHeading(s.contents), .contents(entries)]
        blocks += agendaBlocks(agenda)
        blocks += tableSetup()
        for entry in agenda.units { blocks += unit(entry) }
        blocks += [
            .heading(level: 1, text: LayoutText(s.afterWorkshop), anchor: "after"), .paragraph(LayoutText(s.afterWorkshopText)),
        ]
        // The kit's own spreadsheets by name, one command per matrix.
        blocks += context.module.matrices.map { matrix in
            let file = "spreadsheets/\(BlankSpreadsheets.fileStem(context.module, matrix: matrix, language: context.language)).xlsx"
            return .paragraph(LayoutText("tequio import \(file) --module modules/\(context.module.id)"))
        }
        return context.layout(s.facilitatorGuide, blocks: blocks, hasCover: true)
    }

    private func unitTitle(_ entry: Agenda.UnitEntry) -> String {
        "\(context.strings.unitN(entry.index + 1)). \(context.text(entry.unit.title))"
    }

    // MARK: - Agenda

    private func agendaBlocks(_ agenda: Agenda) -> [DocumentLayout.Block] {
        let s = context.strings
        let note = agenda.hasBreaks ? s.agendaNote : s.agendaWithoutBreaks(start: Agenda.clock(agenda.days.first?.start ?? Agenda.defaultStart))
        var blocks: [DocumentLayout.Block] = [.heading(level: 1, text: LayoutText(s.agenda), anchor: "agenda"), .paragraph(LayoutText(note))]
        for day in agenda.days {
            let title = [s.dayN(day.number), context.date(ofDay: day.number)].compactMap { $0 }.joined(separator: " · ")
            blocks.append(.heading(level: 2, text: LayoutText(title), anchor: nil))
            let rows: [[[LayoutText]]] = day.items.map { item in
                switch item {
                case .unit(let u):
                    return [[LayoutText(Agenda.span(u.start, u.minutes))], [LayoutText(unitTitle(u))] + slotLines(u), [LayoutText(String(u.minutes))]]
                case .pause(let pause, let start):
                    return [[LayoutText(Agenda.span(start, pause.minutes))], [LayoutText(s.breakName(pause.kind))], [LayoutText(String(pause.minutes))]]
                }
            }
            blocks.append(
                .table(
                    DocumentLayout.Table(
                        kind: .summary, caption: title, header: [s.time, s.content, s.minutesColumn], weights: [1.25, 6, 0.7], rows: rows,
                        numericColumns: [2])))
        }
        return blocks
    }

    /// A unit's blocks as agenda lines: `9:30 · Presentación: … · 60 min`; the clock only while it is
    /// known (every block before has a time).
    private func slotLines(_ u: Agenda.UnitEntry) -> [LayoutText] {
        var known = true
        return u.slots.map { slot in
            var parts = known ? [Agenda.clock(slot.start)] : []
            parts.append("\(kind(slot.block)): \(title(slot.block))")
            if let minutes = slot.minutes, Agenda.shownMinutes(slot.start, minutes) > 0 {
                parts.append(context.strings.minutesN(Agenda.shownMinutes(slot.start, minutes)))
            } else {
                known = false
            }
            return LayoutText(parts.joined(separator: " · "))
        }
    }

    private func kind(_ block: UnitBlock) -> String {
        let s = context.strings
        switch block {
        case .presentation: return s.presentation
        case .caseStudy: return s.caseStudy
        case .finding: return s.finding
        case .activity(let a): return s.activityKind(a.kind)
        }
    }

    private func title(_ block: UnitBlock) -> String {
        switch block {
        case .presentation(let p): context.text(p.title)
        case .caseStudy(let c): context.text(c.title)
        case .finding(let f): context.text(f.title)
        case .activity(let a): context.text(a.title)
        }
    }

    // MARK: - Tables and units

    private func tableSetup() -> [DocumentLayout.Block] {
        let s = context.strings
        let large = context.options.paper.largeName
        var blocks: [DocumentLayout.Block] = [
            .heading(level: 1, text: LayoutText(s.tableSetup), anchor: "setup"), .list(.numbered, s.tableSetupSteps(large: large).map { LayoutText($0) }),
        ]
        if let matrix = context.module.primaryMatrix {
            let title = context.text(matrix.title)
            blocks.append(.heading(level: 2, text: LayoutText(title.isEmpty ? matrix.id : title), anchor: nil))
            let rows = matrix.columns.map { column -> [[LayoutText]] in
                let label = context.text(column.label) + (column.required ? " (\(s.required))" : "")
                return [[LayoutText(label)], [LayoutText(context.text(column.help))]]
            }
            blocks.append(.table(DocumentLayout.Table(kind: .summary, caption: title, header: [s.column, s.help], weights: [1, 2.2], rows: rows)))
        }
        blocks.append(.heading(level: 2, text: LayoutText(s.materials), anchor: nil))
        blocks.append(.list(.bullets, s.materialsList(large: large).map { LayoutText($0) }))
        return blocks
    }

    private func unit(_ entry: Agenda.UnitEntry) -> [DocumentLayout.Block] {
        let s = context.strings
        let unit = entry.unit
        var blocks: [DocumentLayout.Block] = [
            .heading(level: 1, text: LayoutText(unitTitle(entry)), anchor: PrintContext.anchor(unit)),
            .groupLabel(LayoutText("\(s.dayN(entry.day)) · \(Agenda.span(entry.start, entry.minutes)) · \(s.minutesN(entry.minutes))")),
        ]
        if let summary = unit.summary { blocks.append(.paragraph(LayoutText(context.text(summary)))) }
        for slot in entry.slots {
            var label = "\(Agenda.clock(slot.start)) · \(kind(slot.block))"
            if let minutes = slot.minutes, Agenda.shownMinutes(slot.start, minutes) > 0 {
                label += " · \(s.minutesN(Agenda.shownMinutes(slot.start, minutes)))"
            }
            blocks.append(.groupLabel(LayoutText(label)))
            blocks.append(.heading(level: 2, text: LayoutText(title(slot.block)), anchor: nil))
            blocks += details(slot.block)
        }
        return blocks
    }

    /// What the facilitator needs of a block: the notes of the slides that have some, the prompts of a
    /// case, a finding's first paragraph, an activity's instructions.
    private func details(_ block: UnitBlock) -> [DocumentLayout.Block] {
        let s = context.strings
        switch block {
        case .presentation(let p):
            var blocks: [DocumentLayout.Block] = []
            if !p.experts.isEmpty { blocks.append(.paragraph(LayoutText("\(s.presentedBy): \(p.experts.map(\.name).joined(separator: ", "))"))) }
            for (k, slide) in p.slides.enumerated() {
                let notes = context.rich(slide.notes)
                guard notes.contains(where: \.hasContent) else { continue }
                if !blocks.contains(.groupLabel(LayoutText(s.speakerNotes))) { blocks.append(.groupLabel(LayoutText(s.speakerNotes))) }
                // Headed by the slide's number on screen ("Diapositiva 6"): slides without notes are left out.
                blocks.append(.heading(level: 3, text: LayoutText("\(s.slideN(k + 1)). \(context.text(slide.title))"), anchor: nil))
                blocks += context.blocks(notes)
            }
            return blocks
        case .caseStudy(let c):
            var blocks: [DocumentLayout.Block] = []
            if !c.keyFacts.isEmpty { blocks.append(.list(.bullets, c.keyFacts.map { LayoutText(context.text($0)) })) }
            if !c.questions.isEmpty {
                blocks.append(.heading(level: 3, text: LayoutText(s.discussionPrompts), anchor: nil))
                blocks.append(.list(.numbered, c.questions.map { LayoutText(context.text($0.text)) }))
            }
            return blocks
        case .finding(let f):
            guard let first = context.rich(f.summary).first(where: { if case .paragraph = $0 { true } else { false } }) else { return [] }
            return context.blocks([first])
        case .activity(let a):
            return context.blocks(context.rich(a.instructions))
        }
    }
}
