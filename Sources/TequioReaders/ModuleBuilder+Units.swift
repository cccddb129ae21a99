import Foundation
import TequioModel
import XMLSupport

/// Units and the blocks they hold: presentations (experts, slides, media), case studies, findings and activities.
extension ModuleBuilder {
    // MARK: Units and their blocks

    mutating func buildUnit(_ e: XMLElement) -> ModuleUnit {
        registerID(e)
        let id = e.attribute("id") ?? ""
        var blocks: [UnitBlock] = []
        for b in e.elements {
            switch b.name {
            case "presentation": blocks.append(.presentation(buildPresentation(b)))
            case "case-study": blocks.append(.caseStudy(buildCaseStudy(b)))
            case "finding": blocks.append(.finding(buildFinding(b)))
            case "activity": blocks.append(.activity(buildActivity(b)))
            default: break
            }
        }
        return ModuleUnit(
            id: id, day: e.attribute("day").flatMap { Int($0) }, minutes: e.attribute("minutes").flatMap { Int($0) },
            title: text(e, "title", what: "title of unit '\(id)'"),
            summary: optionalText(e, "summary", what: "summary of unit '\(id)'", paragraphs: true), blocks: blocks)
    }

    private mutating func buildPresentation(_ e: XMLElement) -> Presentation {
        registerID(e)
        let id = e.attribute("id") ?? ""
        let experts = e.elements(named: "expert").map { x -> Expert in
            let name = x.attribute("name") ?? ""
            let photo = x.attribute("photo")
            if let photo { checkFile(photo, at: x.location, what: "photo") }
            return Expert(
                name: name, country: x.attribute("country"), photo: photo,
                role: text(x, "role", what: "role of expert '\(name)'"),
                affiliation: optionalText(x, "affiliation", what: "affiliation of expert '\(name)'") ?? .init(),
                bio: rich(x, "bio", what: "biography of expert '\(name)'", required: false))
        }
        let slides = e.elements(named: "slide").map { s -> Slide in
            registerID(s)
            let sid = s.attribute("id") ?? ""
            return Slide(
                id: sid, title: text(s, "title", what: "title of slide '\(sid)'"),
                content: rich(s, "content", what: "content of slide '\(sid)'"),
                notes: s.elements(named: "notes").isEmpty ? nil : rich(s, "notes", what: "speaker notes of slide '\(sid)'"))
        }
        return Presentation(
            id: id, title: text(e, "title", what: "title of presentation '\(id)'"), experts: experts, slides: slides,
            media: e.element(named: "media").map { buildMedia($0, owner: id) })
    }

    private mutating func buildMedia(_ e: XMLElement, owner: String) -> Media {
        let src = e.attribute("src") ?? ""
        checkFile(src, at: e.location, what: "media file")
        let kind = Media.Kind(rawValue: e.attribute("kind") ?? "") ?? .video
        var captions: [String: String] = [:]
        for c in e.elements(named: "captions") {
            if let lang = c.language, let csrc = c.attribute("src") {
                checkFile(csrc, at: c.location, what: "captions file")
                captions[lang] = csrc
            }
        }
        let transcript = e.elements(named: "transcript").isEmpty ? nil : rich(e, "transcript", what: "transcript of the media of '\(owner)'", required: false)
        if kind != .pdf {
            let covered = Set(captions.keys).union(transcript?.languages ?? [])
            let uncovered = languages.filter { !covered.contains($0) }
            if !uncovered.isEmpty {
                diagnostics.append(
                    .warning(
                        ModuleDiagnosticID.mediaWithoutCaptions,
                        "\(kind.rawValue) '\(src)' has no captions or transcript in \(uncovered.map { "'\($0)'" }.joined(separator: ", "))",
                        at: e.location))
            }
        }
        return Media(
            kind: kind, src: src, title: optionalText(e, "title", what: "title of the media of '\(owner)'"), captions: captions,
            transcript: transcript)
    }

    private mutating func buildCaseStudy(_ e: XMLElement) -> CaseStudy {
        registerID(e)
        let id = e.attribute("id") ?? ""
        let facts = (e.element(named: "key-facts")?.elements(named: "fact") ?? []).enumerated().map { i, f in
            text(f, "text", what: "key fact \(i + 1) of case study '\(id)'")
        }
        let questions = (e.element(named: "questions")?.elements(named: "question") ?? []).map { q -> CaseStudy.Question in
            registerID(q)
            let qid = q.attribute("id") ?? ""
            return CaseStudy.Question(id: qid, text: text(q, "text", what: "question '\(qid)'"))
        }
        if questions.isEmpty {
            diagnostics.append(.warning(ModuleDiagnosticID.noQuestions, "case study '\(id)' has no discussion questions", at: e.location))
        }
        let sources = (e.element(named: "sources")?.elements(named: "source") ?? []).enumerated().map { i, s in
            CaseStudy.Source(href: s.attribute("href"), text: text(s, "text", what: "source \(i + 1) of case study '\(id)'"))
        }
        return CaseStudy(
            id: id, title: text(e, "title", what: "title of case study '\(id)'"),
            place: optionalText(e, "place", what: "place of case study '\(id)'"),
            context: rich(e, "context", what: "context of case study '\(id)'"),
            narrative: rich(e, "narrative", what: "narrative of case study '\(id)'"), keyFacts: facts, questions: questions,
            sources: sources)
    }

    private mutating func buildFinding(_ e: XMLElement) -> DiagnosticFinding {
        registerID(e)
        let id = e.attribute("id") ?? ""
        let dataset = e.element(named: "dataset").flatMap { buildDataset($0) }
        let charts = e.elements(named: "chart").map { c -> Chart in
            let chart = Chart(
                type: Chart.Kind(rawValue: c.attribute("type") ?? "") ?? .bar, category: c.attribute("category") ?? "",
                values: Self.uniqueTokens(c.attribute("values") ?? ""),
                title: text(c, "title", what: "title of a chart of finding '\(id)'"),
                description: optionalText(c, "description", what: "description of a chart of finding '\(id)'"))
            checkChart(chart, declared: e.element(named: "dataset"), at: c.location)
            return chart
        }
        let quotes = e.elements(named: "quote").enumerated().map { i, q in
            Quote(
                text: text(q, "text", what: "quote \(i + 1) of finding '\(id)'"),
                attribution: optionalText(q, "attribution", what: "attribution of quote \(i + 1) of finding '\(id)'"))
        }
        return DiagnosticFinding(
            id: id, kind: DiagnosticFinding.Kind(rawValue: e.attribute("kind") ?? "") ?? .study,
            title: text(e, "title", what: "title of finding '\(id)'"), summary: rich(e, "summary", what: "summary of finding '\(id)'"),
            dataset: dataset, charts: charts, quotes: quotes,
            source: e.element(named: "source").map { text($0, "text", what: "source of finding '\(id)'") })
    }

    private mutating func buildActivity(_ e: XMLElement) -> Activity {
        registerID(e)
        let id = e.attribute("id") ?? ""
        if let matrix = e.attribute("matrix") { matrixReferences.append((matrix, e.location)) }
        return Activity(
            id: id, kind: Activity.Kind(rawValue: e.attribute("kind") ?? "") ?? .discussion,
            minutes: e.attribute("minutes").flatMap { Int($0) }, matrix: e.attribute("matrix"),
            title: text(e, "title", what: "title of activity '\(id)'"),
            instructions: rich(e, "instructions", what: "instructions of activity '\(id)'"))
    }
}
