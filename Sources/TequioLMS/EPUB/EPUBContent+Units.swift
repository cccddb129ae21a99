import Foundation
import TequioModel

/// A unit's chapter: its presentations, case studies, findings (with their charts as tables) and activities.
extension EPUBContent {
    // MARK: Units

    func unit(_ index: Int) throws -> Data {
        let u = module.units[index]
        let p = page(.unit(index), bodyType: "bodymatter")
        p.start("section", ["epub:type": "chapter", "id": PackageText.xmlID("unit", u.id)])
        var crumb = [strings("common.unitN", String(index + 1))]
        if let day = u.day { crumb.append(strings("common.dayN", String(day))) }
        if let minutes = u.minutes { crumb.append(strings("common.minutesN", String(minutes))) }
        p.element("p", crumb.joined(separator: " · "), ["class": "crumb"])
        p.localized("h1", u.title)
        p.localized("p", u.summary, ["class": "lead"])
        for block in u.blocks {
            switch block {
            case .presentation(let v): presentation(v, p)
            case .caseStudy(let v): caseStudy(v, p)
            case .finding(let v): finding(v, p)
            case .activity(let v): activity(v, p)
            }
        }
        p.end()
        return try p.finish()
    }

    private func blockStart(_ p: XHTMLPage, id: String, kind: String, label: String, title: LocalizedText) {
        p.start("section", ["class": "block \(kind)", "id": PackageText.xmlID("b", id)])
        p.element("p", label, ["class": "kind"])
        p.localized("h2", title)
    }

    private func presentation(_ v: Presentation, _ p: XHTMLPage) {
        blockStart(p, id: v.id, kind: "presentation", label: strings("common.block.presentation"), title: v.title)
        if !v.experts.isEmpty {
            p.element("h3", strings("epub.speakers"))
            for e in v.experts {
                p.start("div", ["class": "expert"])
                if let photo = e.photo, links.image(photo) != nil {
                    p.figure(src: photo, alt: e.name, caption: nil, cssClass: "photo")
                }
                p.element("p", e.name, ["class": "name"])
                let details = [text(e.role), text(e.affiliation), e.country].compactMap { $0 }.filter { !$0.isEmpty }
                if !details.isEmpty { p.element("p", details.joined(separator: " · "), ["class": "role"]) }
                p.rich(e.bio)
                p.end()
            }
        }
        for (i, slide) in v.slides.enumerated() {
            p.start("section", ["class": "slide", "id": PackageText.xmlID("slide", v.id, slide.id)])
            let title = text(slide.title).map { "\(strings("epub.slideN", String(i + 1))). \($0)" } ?? strings("epub.slideN", String(i + 1))
            p.element("h3", title)
            p.rich(slide.content)
            p.end()
        }
        if let media = v.media {
            p.start("section", ["class": "media"])
            let heading = [mediaKind(media.kind), text(media.title)].compactMap { $0 }.joined(separator: ": ")
            p.element("h3", heading)
            p.element("p", strings("epub.mediaElsewhere"), ["class": "note"])
            if let transcript = media.transcript, p.resolve(transcript) != nil {
                p.element("h4", strings("common.transcript"))
                p.rich(transcript)
            }
            p.end()
        }
        p.end()
    }

    private func mediaKind(_ kind: Media.Kind) -> String {
        switch kind {
        case .video: strings("epub.media.video")
        case .audio: strings("epub.media.audio")
        case .pdf: strings("epub.media.pdf")
        }
    }

    private func caseStudy(_ v: CaseStudy, _ p: XHTMLPage) {
        blockStart(p, id: v.id, kind: "caseStudy", label: strings("common.block.caseStudy"), title: v.title)
        p.localized("p", v.place, ["class": "place"])
        p.element("h3", strings("common.context"))
        p.rich(v.context)
        p.element("h3", strings("common.narrative"))
        p.rich(v.narrative)
        let facts = v.keyFacts.compactMap { p.resolve($0) }
        if !facts.isEmpty {
            p.element("h3", strings("common.keyFacts"))
            p.start("ul", ["class": "facts"])
            for (fact, factLang) in facts { p.element("li", fact, textLang: factLang) }
            p.end()
        }
        if !v.questions.isEmpty {
            p.element("h3", strings("common.questions"))
            p.start("ol", ["class": "questions"])
            for q in v.questions { p.localized("li", q.text) }
            p.end()
        }
        if !v.sources.isEmpty {
            p.element("h3", strings("common.sources"))
            p.start("ul", ["class": "sources"])
            for source in v.sources {
                guard let (label, labelLang) = p.resolve(source.text) else { continue }
                p.start("li")
                if let href = source.href, EPUBLinks.isExternal(href) {
                    p.element("a", label, textLang: labelLang, ["href": href])
                } else {
                    p.element("span", label, textLang: labelLang)
                }
                p.end()
            }
            p.end()
        }
        p.end()
    }

    private func finding(_ v: DiagnosticFinding, _ p: XHTMLPage) {
        blockStart(p, id: v.id, kind: "finding", label: strings("common.block.finding"), title: v.title)
        p.element("p", strings.findingKind(v.kind), ["class": "finding-kind"])
        p.rich(v.summary)
        if let dataset = v.dataset {
            for (i, chart) in v.charts.enumerated() { chartTable(chart, dataset, id: "\(v.id)-\(i + 1)", p) }
        }
        for quote in v.quotes {
            guard let (q, qLang) = p.resolve(quote.text) else { continue }
            p.start("figure", ["class": "quote"])
            p.start("blockquote")
            p.element("p", q, textLang: qLang)
            p.end()
            if let attribution = quote.attribution, let (a, aLang) = p.resolve(attribution) {
                p.element("figcaption", "— \(a)", textLang: aLang)
            }
            p.end()
        }
        if let source = v.source, let (src, srcLang) = p.resolve(source) {
            p.start("p", ["class": "source"])
            p.element("span", "\(strings("common.source")): ", ["class": "label"])
            p.element("span", src, textLang: srcLang)
            p.end()
        }
        p.end()
    }

    /// A chart as the table of the values it draws: one row per category, one column per series.
    private func chartTable(_ chart: Chart, _ dataset: Dataset, id: String, _ p: XHTMLPage) {
        guard let categoryIndex = dataset.columnIndex(chart.category) else { return }
        let series = chart.values.compactMap { v in dataset.columnIndex(v).map { (dataset.columns[$0], $0) } }
        p.start("table", ["class": "chart", "id": PackageText.xmlID("chart", id)])
        p.start("caption")
        p.localized("span", chart.title, ["class": "chart-title"])
        p.end()
        p.start("thead")
        p.start("tr")
        p.localized("th", dataset.columns[categoryIndex].label, ["scope": "col"])
        for (column, _) in series { p.localized("th", column.label, ["scope": "col"]) }
        p.end()
        p.end()
        p.start("tbody")
        for row in dataset.rows(in: lang, fallbacks: module.languages) {
            p.start("tr")
            p.element("th", categoryIndex < row.count ? row[categoryIndex] : "", ["scope": "row"])
            for (_, index) in series { p.element("td", index < row.count ? row[index] : "", ["class": "num"]) }
            p.end()
        }
        p.end()
        p.end()
        p.localized("p", chart.description, ["class": "chart-description"])
    }

    private func activity(_ v: Activity, _ p: XHTMLPage) {
        blockStart(p, id: v.id, kind: "activity", label: strings("common.block.activity"), title: v.title)
        var meta = [strings.activityKind(v.kind)]
        if let minutes = v.minutes { meta.append(strings("common.minutesN", String(minutes))) }
        p.element("p", meta.joined(separator: " · "), ["class": "activity-kind"])
        p.rich(v.instructions)
        if let matrixID = v.matrix, let index = module.matrices.firstIndex(where: { $0.id == matrixID }) {
            p.start("p", ["class": "see-matrix"])
            p.element("a", strings("epub.seeMatrix", title(of: .matrix(index))), ["href": EPUBChapter.matrix(index).fileName(lang)])
            p.end()
        }
        p.end()
    }
}
