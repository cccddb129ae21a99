import Foundation
import TequioModel
import TequioWriters

/// What every printed document needs: the module, the language, the words and the paper.
struct PrintContext {
    let module: Module
    let language: String
    let options: FaceToFaceOptions
    let strings: PrintStrings
    /// Images the documents use, to copy into the kit.
    var images: [String] = []

    init(module: Module, language: String, options: FaceToFaceOptions, catalogue: StringCatalogue) {
        self.module = module
        self.language = language
        self.options = options
        self.strings = PrintStrings(catalogue, language: language)
    }

    var fallbacks: [String] { module.languages }

    func text(_ value: LocalizedText?) -> String { value?.resolved(language, fallbacks: fallbacks) ?? "" }
    func rich(_ value: LocalizedRichText?) -> [Block] { value?.resolved(language, fallbacks: fallbacks) ?? [] }

    var title: String { text(module.metadata.title).isEmpty ? module.id : text(module.metadata.title) }

    mutating func blocks(_ blocks: [Block], into h: inout HTMLBuilder) {
        var renderer = RichTextHTML()
        renderer.blocks(blocks, into: &h)
        images += renderer.images
    }

    /// `<!DOCTYPE html>` … `<body>`, with the page size and running footer for this document.
    ///
    /// - Parameters:
    ///   - large: the large landscape sheet (A3 or Tabloid) instead of handout paper.
    func head(_ h: inout HTMLBuilder, documentTitle: String, bodyClass: String, large: Bool = false) {
        h.trusted("<!DOCTYPE html>\n")
        h.open("html", ["lang": language])
        h.open("head")
        h.void("meta", ["charset": "utf-8"])
        h.void("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
        h.void("meta", ["name": "generator", "content": "Tequio"])
        h.element("title", text: "\(documentTitle) · \(title)")
        h.void("link", ["rel": "stylesheet", "href": "print.css"])
        let size = large ? options.paper.largeCSS : options.paper.cssName
        let footer = "\(title) · \(documentTitle)"
        let margin = large ? "12mm 12mm 14mm 12mm" : "16mm 16mm 18mm 16mm"
        h.open("style")
        h.trusted(
            """
            @page { size: \(size); margin: \(margin);
              @bottom-left { content: \(CSSString.quoted(footer)); font: 7.5pt Arial, "Liberation Sans", sans-serif; color: #5b6876; }
              @bottom-right { content: counter(page) " / " counter(pages); font: 7.5pt Arial, "Liberation Sans", sans-serif; color: #5b6876; } }
            @page :first { @bottom-left { content: none; } @bottom-right { content: none; } }
            @media screen { .sheet { width: \(screenWidth(large)); } }
            table.matrix td { height: \(options.paper == .a4 ? "40mm" : "35mm"); }
            """)
        h.close("style")
        h.close("head")
        h.newline()
        h.open("body", ["class": bodyClass])
    }

    /// The printable width, for the on-screen preview.
    private func screenWidth(_ large: Bool) -> String {
        switch (options.paper, large) {
        case (.a4, false): "178mm"
        case (.a4, true): "396mm"
        case (.letter, false): "184mm"
        case (.letter, true): "408mm"
        }
    }

    func finish(_ h: inout HTMLBuilder) {
        h.close("body")
        h.close("html")
        h.newline()
    }

    /// The title block of a document's first page.
    func cover(_ h: inout HTMLBuilder, documentTitle: String) {
        let m = module.metadata
        h.block("header", ["class": "cover"]) { h in
            if let program = m.program { h.element("p", ["class": "program"], text: text(program)) }
            h.element("p", ["class": "doc-kind"], text: documentTitle)
            h.element("h1", text: title)
            if let subtitle = m.subtitle { h.element("p", ["class": "subtitle"], text: text(subtitle)) }
            var facts: [String] = []
            if let days = m.durationDays { facts.append(strings.daysN(days)) }
            if let hours = m.durationHours { facts.append(strings.hoursN(ChartSVG.format(hours))) }
            facts.append("\(module.id) \(module.version)")
            h.element("p", ["class": "facts"], text: facts.joined(separator: " · "))
            if !m.authors.isEmpty {
                h.element(
                    "p", ["class": "authors"],
                    text: m.authors.map { [$0.name, $0.affiliation].compactMap { $0 }.joined(separator: ", ") }.joined(separator: " · "))
            }
        }
    }

    func unitLabel(_ unit: ModuleUnit, index: Int) -> String {
        var parts = [strings.unitN(index + 1)]
        if let day = unit.day { parts.append(strings.dayN(day)) }
        if let minutes = unit.minutes { parts.append(strings.minutesN(minutes)) }
        return parts.joined(separator: " · ")
    }

    /// Ruled lines to write on.
    func writingLines(_ h: inout HTMLBuilder, count: Int, label: String? = nil) {
        h.block("div", ["class": "write"]) { h in
            if let label { h.element("p", ["class": "write-label"], text: label) }
            for _ in 0..<count { h.element("div", ["class": "line"], text: "") }
        }
    }
}

/// The agenda: each unit's day and clock times, from 9:00, in order.
struct Agenda {
    struct Entry {
        let index: Int
        let unit: ModuleUnit
        let day: Int
        let start: Int
        let minutes: Int
    }

    static let dayStart = 9 * 60

    let entries: [Entry]

    init(_ module: Module) {
        var entries: [Entry] = []
        var day = 1
        var clock = Self.dayStart
        for (index, unit) in module.units.enumerated() {
            let unitDay = unit.day ?? day
            if unitDay != day {
                day = unitDay
                clock = Self.dayStart
            }
            let minutes = unit.minutes ?? Self.activityMinutes(unit)
            entries.append(Entry(index: index, unit: unit, day: day, start: clock, minutes: minutes))
            clock += minutes
        }
        self.entries = entries
    }

    var days: [Int] { Array(Set(entries.map(\.day))).sorted() }

    static func activityMinutes(_ unit: ModuleUnit) -> Int {
        unit.blocks.reduce(0) { sum, block in
            if case .activity(let a) = block { return sum + (a.minutes ?? 0) }
            return sum
        }
    }

    /// Minutes left in the unit for each block that has no time of its own (talks, cases, findings).
    static func sharedMinutes(_ unit: ModuleUnit) -> Int? {
        guard let total = unit.minutes else { return nil }
        let untimed = unit.blocks.filter { if case .activity(let a) = $0 { return a.minutes == nil } else { return true } }.count
        guard untimed > 0 else { return nil }
        let left = total - activityMinutes(unit)
        return left > 0 ? left / untimed : nil
    }

    static func clock(_ minutes: Int) -> String { String(format: "%d:%02d", minutes / 60, minutes % 60) }
}
