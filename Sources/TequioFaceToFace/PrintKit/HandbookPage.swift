import TequioModel

/// The participant handbook: cover, contents, each unit's presentations (slides as handouts with room
/// for notes), case studies with their questions and room to answer, diagnostic findings with charts
/// and data, activities, and the glossary.
struct HandbookPage {
    var context: PrintContext

    mutating func render() -> String {
        var h = HTMLBuilder()
        let s = context.strings
        context.head(&h, documentTitle: s.handbook, bodyClass: "handbook")
        h.open("main", ["class": "sheet"])
        h.block("section", ["class": "cover-page"]) { h in
            context.cover(&h, documentTitle: s.handbook)
            if !context.text(context.module.metadata.summary).isEmpty {
                h.block("div", ["class": "summary"]) { h in
                    for paragraph in context.text(context.module.metadata.summary).components(separatedBy: "\n\n") {
                        h.element("p", text: paragraph)
                    }
                }
            }
            h.block("nav", ["class": "toc"]) { h in
                h.element("h2", text: s.contents)
                h.open("ol")
                for (i, unit) in context.module.units.enumerated() {
                    h.block("li") { h in
                        h.element("span", ["class": "toc-title"], text: context.text(unit.title))
                        h.element("span", ["class": "toc-meta"], text: context.unitLabel(unit, index: i))
                    }
                }
                if !context.module.glossary.isEmpty { h.block("li") { $0.element("span", ["class": "toc-title"], text: s.glossary) } }
                h.close("ol")
            }
        }
        for (i, unit) in context.module.units.enumerated() { self.unit(unit, index: i, into: &h) }
        if !context.module.glossary.isEmpty { glossary(into: &h) }
        h.close("main")
        context.finish(&h)
        return h.output
    }

    private mutating func unit(_ unit: ModuleUnit, index: Int, into h: inout HTMLBuilder) {
        h.open("section", ["class": "unit", "id": unit.id])
        h.block("header", ["class": "unit-header"]) { h in
            h.element("p", ["class": "eyebrow"], text: context.unitLabel(unit, index: index))
            h.element("h2", text: context.text(unit.title))
            if let summary = unit.summary { h.element("p", ["class": "lead"], text: context.text(summary)) }
        }
        for block in unit.blocks {
            switch block {
            case .presentation(let p): presentation(p, into: &h)
            case .caseStudy(let c): caseStudy(c, into: &h)
            case .finding(let f): finding(f, into: &h)
            case .activity(let a): activity(a, into: &h)
            }
        }
        h.close("section")
        h.newline()
    }

    private mutating func presentation(_ p: Presentation, into h: inout HTMLBuilder) {
        let s = context.strings
        h.open("article", ["class": "block presentation", "id": p.id])
        h.element("p", ["class": "kind"], text: s.presentation)
        h.element("h3", text: context.text(p.title))
        if !p.experts.isEmpty {
            h.block("p", ["class": "experts"]) { h in
                h.text("\(s.presentedBy): ")
                h.text(
                    p.experts.map { e in
                        [e.name, context.text(e.role), context.text(e.affiliation)].filter { !$0.isEmpty }.joined(separator: ", ")
                    }.joined(separator: "; "))
            }
        }
        for (k, slide) in p.slides.enumerated() {
            h.open("section", ["class": "slide"])
            h.element("h4", text: "\(k + 1). \(context.text(slide.title))")
            context.blocks(context.rich(slide.content), into: &h)
            h.close("section")
        }
        context.writingLines(&h, count: 6, label: s.myNotes)
        h.close("article")
    }

    private mutating func caseStudy(_ c: CaseStudy, into h: inout HTMLBuilder) {
        let s = context.strings
        h.open("article", ["class": "block case", "id": c.id])
        h.element("p", ["class": "kind"], text: s.caseStudy)
        h.element("h3", text: context.text(c.title))
        if let place = c.place { h.element("p", ["class": "place"], text: context.text(place)) }
        h.element("h4", text: s.context)
        context.blocks(context.rich(c.context), into: &h)
        h.element("h4", text: s.narrative)
        context.blocks(context.rich(c.narrative), into: &h)
        if !c.keyFacts.isEmpty {
            h.block("aside", ["class": "facts-box"]) { h in
                h.element("h4", text: s.keyFacts)
                h.open("ul")
                for fact in c.keyFacts { h.element("li", text: context.text(fact)) }
                h.close("ul")
            }
        }
        if !c.questions.isEmpty {
            h.open("section", ["class": "questions"])
            h.element("h4", text: s.questions)
            for (k, q) in c.questions.enumerated() {
                h.block("div", ["class": "question"]) { h in
                    h.element("p", ["class": "question-text"], text: "\(k + 1). \(context.text(q.text))")
                    context.writingLines(&h, count: 5)
                }
            }
            h.close("section")
        }
        if !c.sources.isEmpty {
            h.block("section", ["class": "sources"]) { h in
                h.element("h4", text: s.sources)
                h.open("ul")
                for source in c.sources {
                    h.block("li") { h in
                        h.text(context.text(source.text))
                        if let href = source.href { h.element("span", ["class": "url"], text: " \(href)") }
                    }
                }
                h.close("ul")
            }
        }
        h.close("article")
    }

    private mutating func finding(_ f: DiagnosticFinding, into h: inout HTMLBuilder) {
        let s = context.strings
        h.open("article", ["class": "block finding", "id": f.id])
        h.element("p", ["class": "kind"], text: "\(s.finding) · \(s.findingKind(f.kind))")
        h.element("h3", text: context.text(f.title))
        context.blocks(context.rich(f.summary), into: &h)
        if let dataset = f.dataset {
            for chart in f.charts {
                guard let svg = ChartSVG.render(chart, dataset: dataset, language: context.language, fallbacks: context.fallbacks) else { continue }
                h.block("figure", ["class": "chart-figure"]) { h in
                    h.element("figcaption", ["class": "chart-title"], text: context.text(chart.title))
                    h.trusted(svg)
                    if let description = chart.description {
                        h.element("p", ["class": "chart-description"], text: context.text(description))
                    }
                }
            }
            dataTable(dataset, into: &h)
        }
        for quote in f.quotes {
            h.block("blockquote", ["class": "testimony"]) { h in
                h.element("p", text: context.text(quote.text))
                if let who = quote.attribution { h.element("cite", text: context.text(who)) }
            }
        }
        if let source = f.source {
            h.element("p", ["class": "source"], text: "\(s.source): \(context.text(source))")
        }
        h.close("article")
    }

    private func dataTable(_ dataset: Dataset, into h: inout HTMLBuilder) {
        h.block("table", ["class": "data"]) { h in
            h.element("caption", text: context.strings.data)
            h.open("thead")
            h.open("tr")
            for column in dataset.columns {
                h.element("th", ["class": column.type == .number ? "num" : nil], text: context.text(column.label))
            }
            h.close("tr")
            h.close("thead")
            h.open("tbody")
            for row in dataset.rows {
                h.open("tr")
                for (i, column) in dataset.columns.enumerated() {
                    h.element("td", ["class": column.type == .number ? "num" : nil], text: row.indices.contains(i) ? row[i] : "")
                }
                h.close("tr")
            }
            h.close("tbody")
        }
    }

    private mutating func activity(_ a: Activity, into h: inout HTMLBuilder) {
        let s = context.strings
        h.open("article", ["class": "block activity activity-\(a.kind.rawValue)", "id": a.id])
        var kind = s.activityKind(a.kind)
        if let minutes = a.minutes { kind += " · \(s.minutesN(minutes))" }
        h.element("p", ["class": "kind"], text: kind)
        h.element("h3", text: context.text(a.title))
        context.blocks(context.rich(a.instructions), into: &h)
        h.close("article")
    }

    private mutating func glossary(into h: inout HTMLBuilder) {
        h.open("section", ["class": "glossary", "id": "glossary"])
        h.element("h2", text: context.strings.glossary)
        h.open("dl")
        let terms = context.module.glossary.sorted {
            context.text($0.label).compare(context.text($1.label), options: [.caseInsensitive, .diacriticInsensitive]) == .orderedAscending
        }
        for term in terms {
            h.block("div", ["class": "term-entry"]) { h in
                h.element("dt", text: context.text(term.label))
                h.open("dd")
                context.blocks(context.rich(term.definition), into: &h)
                h.close("dd")
            }
        }
        h.close("dl")
        h.close("section")
    }
}
