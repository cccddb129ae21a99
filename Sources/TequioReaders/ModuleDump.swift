import TequioModel

/// A readable outline of a module with the position of everything that has an id: the golden-file
/// form of the reader's output (like swift-markdown's tree dumps).
public enum ModuleDump {
    public static func render(_ module: Module, locations: [String: SourceLocation], stripping prefix: String = "") -> String {
        var out: [String] = []
        func at(_ id: String) -> String {
            guard let l = locations[id] else { return "" }
            var d = l.description
            if !prefix.isEmpty && d.hasPrefix(prefix) { d.removeFirst(prefix.count) }
            return " @ \(d)"
        }
        func t(_ text: LocalizedText?) -> String {
            guard let text else { return "-" }
            return module.languages.map { "\($0)=\"\(short(text[$0] ?? "∅"))\"" }.joined(separator: " ")
        }
        func r(_ rich: LocalizedRichText?) -> String {
            guard let rich else { return "-" }
            return module.languages.map { lang in
                guard let blocks = rich[lang] else { return "\(lang)=∅" }
                return "\(lang)=[\(blocks.map(kind).joined(separator: ","))] \"\(short(blocks.plainText))\""
            }.joined(separator: " ")
        }
        out.append("module \(module.id) \(module.version) languages=\(module.languages.joined(separator: ","))\(at(module.id))")
        let m = module.metadata
        out.append("  title \(t(m.title))")
        out.append("  program \(t(m.program))")
        out.append("  summary \(t(m.summary))")
        out.append("  authors \(m.authors.map { $0.name + ($0.affiliation.map { " (\($0))" } ?? "") }.joined(separator: "; "))")
        out.append("  license \(m.license) delivery=\(m.deliveryModes.map(\.rawValue).joined(separator: ",")) days=\(m.durationDays.map(String.init) ?? "-") hours=\(m.durationHours.map { String($0) } ?? "-")")
        if let e = m.event {
            out.append("  event place \(t(e.place)) dates=\(e.startDate ?? "-")..\(e.endDate ?? "-")")
            for o in e.organisers { out.append("    organiser \(t(o))") }
            for d in e.donors { out.append("    donor \(t(d))") }
            for d in e.days {
                let breaks = d.breaks.map { "\($0.kind.rawValue) \($0.minutes) after \($0.afterUnit)" }.joined(separator: ", ")
                out.append("    day \(d.number) start=\(d.start.map(String.init) ?? "-") \(breaks)")
            }
        }
        for term in module.glossary {
            out.append("  term \(term.id)\(at(term.id)) \(t(term.label))")
        }
        for matrix in module.matrices {
            out.append("  matrix \(matrix.id)\(at(matrix.id)) preset=\(matrix.preset ?? "-") \(t(matrix.title))")
            for c in matrix.columns {
                out.append("    column \(c.id) required=\(c.required) max=\(c.maxLength.map(String.init) ?? "-") \(t(c.label))")
            }
        }
        if let r = module.rubric {
            out.append("  rubric \(r.id)\(at(r.id)) tie-breaker=\(r.tieBreaker ?? "-") disagreement=\(r.disagreementSpread) \(t(r.title))")
            out.append("    scale " + r.levels.map { "\($0.value)=\(t($0.label))" }.joined(separator: " "))
            for g in r.gates { out.append("    gate \(g.id)\(at(g.id)) \(t(g.question))") }
            for c in r.criteria {
                out.append("    criterion \(c.id)\(at(c.id)) weight=\(c.weight) justify=\(c.justify.sorted().map(String.init).joined(separator: ",")) \(t(c.title))")
            }
        }
        for unit in module.units {
            out.append("  unit \(unit.id)\(at(unit.id)) day=\(unit.day.map(String.init) ?? "-") minutes=\(unit.minutes.map(String.init) ?? "-") \(t(unit.title))")
            for block in unit.blocks {
                switch block {
                case .presentation(let p):
                    out.append("    presentation \(p.id)\(at(p.id)) \(t(p.title))")
                    for e in p.experts { out.append("      expert \(e.name) country=\(e.country ?? "-") photo=\(e.photo ?? "-") role \(t(e.role))") }
                    for s in p.slides {
                        out.append("      slide \(s.id)\(at(s.id)) \(t(s.title))")
                        out.append("        content \(r(s.content))")
                        if let notes = s.notes { out.append("        notes \(r(notes))") }
                    }
                    if let media = p.media {
                        out.append("      media \(media.kind.rawValue) \(media.src) captions=\(media.captions.keys.sorted().joined(separator: ","))")
                    }
                case .caseStudy(let c):
                    out.append("    case-study \(c.id)\(at(c.id)) \(t(c.title)) place \(t(c.place))")
                    out.append("      context \(r(c.context))")
                    out.append("      narrative \(r(c.narrative))")
                    for f in c.keyFacts { out.append("      fact \(t(f))") }
                    for q in c.questions { out.append("      question \(q.id)\(at(q.id)) \(t(q.text))") }
                    for s in c.sources { out.append("      source \(s.href ?? "-") \(t(s.text))") }
                case .finding(let f):
                    out.append("    finding \(f.id)\(at(f.id)) kind=\(f.kind.rawValue) \(t(f.title))")
                    out.append("      summary \(r(f.summary))")
                    if let d = f.dataset {
                        let values = d.columns.filter { !$0.values.isEmpty }.map { "\($0.id):\($0.values.map(\.text).joined(separator: "|"))" }
                        out.append(
                            "      dataset \(d.src) columns=\(d.columns.map { "\($0.id):\($0.type.rawValue)" }.joined(separator: ",")) rows=\(d.rows.count)"
                                + (values.isEmpty ? "" : " values=\(values.joined(separator: ","))"))
                    }
                    for c in f.charts { out.append("      chart \(c.type.rawValue) category=\(c.category) values=\(c.values.joined(separator: ",")) \(t(c.title))") }
                    for q in f.quotes { out.append("      quote \(t(q.text))") }
                case .activity(let a):
                    out.append("    activity \(a.id)\(at(a.id)) kind=\(a.kind.rawValue) minutes=\(a.minutes.map(String.init) ?? "-") matrix=\(a.matrix ?? "-") \(t(a.title))")
                    out.append("      instructions \(r(a.instructions))")
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private static func kind(_ block: Block) -> String {
        switch block {
        case .paragraph: "p"
        case .unorderedList: "ul"
        case .orderedList: "ol"
        case .quote: "quote"
        case .image: "img"
        }
    }

    private static func short(_ s: String) -> String {
        let flat = s.replacingOccurrences(of: "\n", with: "⏎")
        return flat.count > 48 ? String(flat.prefix(47)) + "…" : flat
    }
}
