import Foundation
import TequioModel

/// The content documents of one language, in reading order.
enum EPUBChapter: Equatable {
    case titlePage
    case unit(Int)
    case matrix(Int)
    case glossary

    /// The file name inside `EPUB/text/`.
    func fileName(_ lang: String) -> String {
        let l = PackageText.xmlID(lang)
        switch self {
        case .titlePage: return "\(l)-title.xhtml"
        case .unit(let i): return "\(l)-unit-\(String(format: "%03d", i + 1)).xhtml"
        case .matrix(let i): return "\(l)-matrix-\(i + 1).xhtml"
        case .glossary: return "\(l)-glossary.xhtml"
        }
    }

    /// The chapters of `module` in reading order.
    static func all(_ module: Module) -> [EPUBChapter] {
        [.titlePage] + module.units.indices.map { .unit($0) } + module.matrices.indices.map { .matrix($0) }
            + (module.glossary.isEmpty ? [] : [.glossary])
    }
}

/// Renders the chapters of one language from the model: the title page and the glossary here, the
/// units in `EPUBContent+Units.swift`, the blank matrix in `EPUBContent+Matrix.swift`.
struct EPUBContent {
    let module: Module
    let lang: String
    let links: EPUBLinks
    /// The catalogue in this language.
    let strings: LocalizedStrings

    func text(_ t: LocalizedText?) -> String? {
        guard let t else { return nil }
        return t[lang] ?? t.resolved(lang, fallbacks: module.languages)
    }

    /// The title a chapter has in the navigation document.
    func title(of chapter: EPUBChapter) -> String {
        switch chapter {
        case .titlePage: return text(module.metadata.title) ?? module.id
        case .unit(let i): return "\(i + 1). " + (text(module.units[i].title) ?? module.units[i].id)
        case .matrix(let i): return "\(strings("common.matrix")): " + (text(module.matrices[i].title) ?? module.matrices[i].id)
        case .glossary: return strings("common.glossary")
        }
    }

    func render(_ chapter: EPUBChapter) throws -> Data {
        switch chapter {
        case .titlePage: return try titlePage()
        case .unit(let i): return try unit(i)
        case .matrix(let i): return try matrix(i)
        case .glossary: return try glossary()
        }
    }

    func page(_ chapter: EPUBChapter, bodyType: String) -> XHTMLPage {
        XHTMLPage(title: title(of: chapter), lang: lang, links: links, bodyType: bodyType)
    }

    // MARK: Title page

    private func titlePage() throws -> Data {
        let p = page(.titlePage, bodyType: "frontmatter")
        let md = module.metadata
        p.start("section", ["epub:type": "titlepage", "class": "titlepage"])
        p.localized("p", md.program, ["class": "program"])
        p.localized("h1", md.title)
        p.localized("p", md.subtitle, ["class": "subtitle"])
        p.end()
        if let (summary, summaryLang) = p.resolve(md.summary), !summary.isEmpty {
            p.start("section", ["class": "summary"])
            p.markLanguage(summaryLang)
            for para in Self.paragraphs(summary) { p.element("p", para) }
            p.end()
        }
        p.start("section", ["class": "howto"])
        p.element("h2", strings("epub.howToUse"))
        p.element("p", strings("epub.howToUseText"))
        p.end()

        p.start("section", ["class": "about"])
        p.element("h2", strings("common.about"))
        p.start("dl")
        func row(_ label: String, _ value: String) {
            guard !value.isEmpty else { return }
            p.element("dt", label)
            p.element("dd", value)
        }
        row(strings("common.authors"), md.authors.map { a in a.affiliation.map { "\(a.name) (\($0))" } ?? a.name }.joined(separator: "; "))
        var duration: [String] = []
        if let d = md.durationDays { duration.append(strings.plural(d, one: "common.daysOne", other: "common.daysN", String(d))) }
        if let h = md.durationHours { duration.append(strings.plural(h == 1 ? 1 : 2, one: "common.hoursOne", other: "common.hoursN", Self.number(h))) }
        row(strings("common.duration"), duration.joined(separator: ", "))
        row(strings("common.delivery"), md.deliveryModes.map { strings.deliveryMode($0) }.joined(separator: ", "))
        row(strings("common.license"), md.license)
        row(strings("common.version"), module.version)
        p.end()
        p.end()
        return try p.finish()
    }

    /// Plain text split at blank lines.
    static func paragraphs(_ text: String) -> [String] {
        text.components(separatedBy: "\n").split(whereSeparator: { $0.trimmingCharacters(in: .whitespaces).isEmpty })
            .map { $0.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    // MARK: Glossary

    private func glossary() throws -> Data {
        let p = page(.glossary, bodyType: "backmatter")
        p.start("section", ["epub:type": "glossary", "class": "glossary"])
        p.element("h1", strings("common.glossary"))
        p.start("dl")
        for term in sortedTerms() {
            p.localized("dt", term.label, ["id": EPUBLinks.anchor("term", term.id)])
            p.start("dd")
            p.rich(term.definition)
            p.end()
        }
        p.end()
        p.end()
        return try p.finish()
    }

    /// Terms in alphabetical order of their label in this language (a fixed, locale-free order).
    private func sortedTerms() -> [GlossaryTerm] {
        module.glossary.sorted { a, b in
            let la = Self.sortKey(text(a.label) ?? a.id), lb = Self.sortKey(text(b.label) ?? b.id)
            return la == lb ? a.id < b.id : la < lb
        }
    }

    /// Lowercased, accents folded: `Á` sorts with `a`, whatever the machine's locale.
    static func sortKey(_ s: String) -> String {
        String(String.UnicodeScalarView(s.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            !(0x300...0x36F).contains($0.value)
        }))
    }
}
