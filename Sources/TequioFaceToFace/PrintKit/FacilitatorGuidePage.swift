import TequioModel

/// The facilitator guide: the agenda with clock times per unit across the workshop days, how to set
/// up the working tables, then unit by unit the speaker notes, activity instructions and discussion
/// prompts, and what to do with the matrices after the workshop.
struct FacilitatorGuidePage {
    var context: PrintContext

    mutating func render() -> String {
        var h = HTMLBuilder()
        let s = context.strings
        context.head(&h, documentTitle: s.facilitatorGuide, bodyClass: "guide")
        h.open("main", ["class": "sheet"])
        h.block("section", ["class": "cover-page"]) { h in
            context.cover(&h, documentTitle: s.facilitatorGuide)
            agendaSection(into: &h)
        }
        tableSetup(into: &h)
        let agenda = Agenda(context.module)
        for entry in agenda.entries { unit(entry, into: &h) }
        afterWorkshop(into: &h)
        h.close("main")
        context.finish(&h)
        return h.output
    }

    private func agendaSection(into h: inout HTMLBuilder) {
        let s = context.strings
        let agenda = Agenda(context.module)
        h.open("section", ["class": "agenda"])
        h.element("h2", text: s.agenda)
        h.element("p", ["class": "note"], text: s.agendaNote)
        for day in agenda.days {
            h.block("table", ["class": "agenda-table"]) { h in
                h.element("caption", text: s.dayN(day))
                h.open("thead")
                h.open("tr")
                h.element("th", ["class": "time"], text: s.time)
                h.element("th", text: s.content)
                h.element("th", ["class": "num"], text: s.minutesColumn)
                h.close("tr")
                h.close("thead")
                h.open("tbody")
                for entry in agenda.entries where entry.day == day {
                    h.open("tr")
                    h.element("td", ["class": "time"], text: "\(Agenda.clock(entry.start))–\(Agenda.clock(entry.start + entry.minutes))")
                    h.block("td") { h in
                        h.element("strong", text: "\(s.unitN(entry.index + 1)). \(context.text(entry.unit.title))")
                        h.open("ul", ["class": "agenda-items"])
                        let shared = Agenda.sharedMinutes(entry.unit)
                        for block in entry.unit.blocks {
                            h.block("li") { h in
                                let (kind, title, minutes) = describe(block, shared: shared)
                                h.element("span", ["class": "item-kind"], text: kind)
                                h.text(" \(title)")
                                if let minutes { h.element("span", ["class": "item-minutes"], text: " · \(minutes)") }
                            }
                        }
                        h.close("ul")
                    }
                    h.element("td", ["class": "num"], text: String(entry.minutes))
                    h.close("tr")
                }
                h.close("tbody")
            }
        }
        h.close("section")
    }

    private func describe(_ block: UnitBlock, shared: Int?) -> (String, String, String?) {
        let s = context.strings
        let approx = shared.map(s.aboutMinutes)
        switch block {
        case .presentation(let p): return (s.presentation, context.text(p.title), approx)
        case .caseStudy(let c): return (s.caseStudy, context.text(c.title), approx)
        case .finding(let f): return (s.finding, context.text(f.title), approx)
        case .activity(let a):
            return (
                s.activityKind(a.kind), context.text(a.title), a.minutes.map(s.minutesN) ?? approx
            )
        }
    }

    private func tableSetup(into h: inout HTMLBuilder) {
        let s = context.strings
        h.open("section", ["class": "setup"])
        h.element("h2", text: s.tableSetup)
        h.open("ol")
        for item in s.tableSetupSteps(large: context.options.paper.largeName) { h.element("li", text: item) }
        h.close("ol")
        if let matrix = context.module.primaryMatrix {
            h.element("h3", text: context.text(matrix.title))
            h.open("table", ["class": "columns-table"])
            h.open("tbody")
            for column in matrix.columns {
                h.open("tr")
                h.block("th") { h in
                    h.text(context.text(column.label))
                    var facts: [String] = []
                    if column.required { facts.append(s.required) }
                    if let max = column.maxLength { facts.append(s.maxCharacters(max)) }
                    if !facts.isEmpty { h.element("span", ["class": "column-facts"], text: facts.joined(separator: " · ")) }
                }
                h.element("td", text: context.text(column.help))
                h.close("tr")
            }
            h.close("tbody")
            h.close("table")
        }
        h.element("h3", text: s.materials)
        h.open("ul", ["class": "checklist"])
        for item in s.materialsList(large: context.options.paper.largeName) { h.element("li", text: item) }
        h.close("ul")
        h.close("section")
    }

    private mutating func unit(_ entry: Agenda.Entry, into h: inout HTMLBuilder) {
        let s = context.strings
        let unit = entry.unit
        h.open("section", ["class": "unit", "id": unit.id])
        h.block("header", ["class": "unit-header"]) { h in
            h.element(
                "p", ["class": "eyebrow"],
                text: "\(s.unitN(entry.index + 1)) · \(s.dayN(entry.day)) · \(Agenda.clock(entry.start))–\(Agenda.clock(entry.start + entry.minutes)) · \(s.minutesN(entry.minutes))")
            h.element("h2", text: context.text(unit.title))
            if let summary = unit.summary { h.element("p", ["class": "lead"], text: context.text(summary)) }
        }
        for block in unit.blocks {
            switch block {
            case .presentation(let p):
                h.open("article", ["class": "block presentation"])
                h.element("p", ["class": "kind"], text: "\(s.presentation) · \(s.speakerNotes)")
                h.element("h3", text: context.text(p.title))
                if !p.experts.isEmpty {
                    h.element("p", ["class": "experts"], text: "\(s.presentedBy): " + p.experts.map(\.name).joined(separator: ", "))
                }
                h.open("ol", ["class": "speaker-notes"])
                for slide in p.slides {
                    h.open("li")
                    h.element("strong", text: context.text(slide.title))
                    let notes = context.rich(slide.notes)
                    if notes.isEmpty {
                        h.element("p", ["class": "muted"], text: s.noNotes)
                    } else {
                        context.blocks(notes, into: &h)
                    }
                    h.close("li")
                }
                h.close("ol")
                h.close("article")
            case .caseStudy(let c):
                h.open("article", ["class": "block case"])
                h.element("p", ["class": "kind"], text: "\(s.caseStudy) · \(s.discussionPrompts)")
                h.element("h3", text: context.text(c.title))
                if !c.keyFacts.isEmpty {
                    h.open("ul", ["class": "facts-list"])
                    for fact in c.keyFacts { h.element("li", text: context.text(fact)) }
                    h.close("ul")
                }
                h.open("ol", ["class": "prompts"])
                for q in c.questions { h.element("li", text: context.text(q.text)) }
                h.close("ol")
                h.close("article")
            case .finding(let f):
                h.open("article", ["class": "block finding"])
                h.element("p", ["class": "kind"], text: s.finding)
                h.element("h3", text: context.text(f.title))
                if let first = context.rich(f.summary).first(where: { if case .paragraph = $0 { true } else { false } }) {
                    context.blocks([first], into: &h)
                }
                h.close("article")
            case .activity(let a):
                h.open("article", ["class": "block activity activity-\(a.kind.rawValue)"])
                var kind = "\(s.activityKind(a.kind)) · \(s.instructions)"
                if let minutes = a.minutes { kind += " · \(s.minutesN(minutes))" }
                h.element("p", ["class": "kind"], text: kind)
                h.element("h3", text: context.text(a.title))
                context.blocks(context.rich(a.instructions), into: &h)
                h.close("article")
            }
        }
        h.close("section")
        h.newline()
    }

    private func afterWorkshop(into h: inout HTMLBuilder) {
        let s = context.strings
        h.block("section", ["class": "after"]) { h in
            h.element("h2", text: s.afterWorkshop)
            h.element("p", text: s.afterWorkshopText)
            h.element("pre", text: "tequio import \(context.module.id)-\(context.module.version)-<matrix>-\(context.language).xlsx --module modules/\(context.module.id)")
        }
    }
}
