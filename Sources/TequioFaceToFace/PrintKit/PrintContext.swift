import Foundation
import TequioDocuments
import TequioModel

/// What every printed piece needs: the module, the language, the words, the paper, the module's files
/// (for its pictures) and the build date.
struct PrintContext {
    let module: Module
    let language: String
    let options: FaceToFaceOptions
    let strings: PrintStrings
    let documentStrings: DocumentStrings
    let assets: FileTree
    let date: Timestamp

    init(module: Module, language: String, options: FaceToFaceOptions, catalogue: StringCatalogue, assets: FileTree = FileTree(), date: Date) {
        self.module = module
        self.language = language
        self.options = options
        self.strings = PrintStrings(catalogue, language: language)
        self.documentStrings = DocumentStrings(catalogue, language: language)
        self.assets = assets
        self.date = Timestamp(date)
    }

    var fallbacks: [String] { module.languages }

    func text(_ value: LocalizedText?) -> String { value?.resolved(language, fallbacks: fallbacks) ?? "" }
    func rich(_ value: LocalizedRichText?) -> [Block] { value?.resolved(language, fallbacks: fallbacks) ?? [] }

    var title: String { text(module.metadata.title).isEmpty ? module.id : text(module.metadata.title) }

    /// The title for the running header: up to its first colon ("Transparencia y rendición de cuentas en
    /// el agua: taller de …" gives the part before it), as a book's running head shortens its title, so
    /// that with the piece's name it stays on one line. The cover carries the whole title.
    var runningTitle: String {
        guard let colon = title.range(of: ": ") else { return title }
        let head = String(title[..<colon.lowerBound]).trimmingWhitespace()
        return head.isEmpty ? title : head
    }

    /// The module's rich text as layout blocks, its pictures from the module's files.
    func blocks(_ rich: [Block]) -> [DocumentLayout.Block] { PrintRichText(assets: assets).blocks(rich) }

    /// A whole printed piece: its blocks, with the module's title and the piece's name in the running
    /// header and the document's properties.
    func layout(_ kind: String, blocks: [DocumentLayout.Block], hasCover: Bool) -> DocumentLayout {
        let authors = module.metadata.authors.map(\.name).joined(separator: ", ")
        let properties = DocumentLayout.Properties(
            title: "\(kind) · \(title)", author: authors, subject: kind, language: language,
            keywords: [module.id, module.version], date: date)
        return DocumentLayout(
            properties: properties, runningHeader: "\(runningTitle) · \(kind)", strings: documentStrings, blocks: blocks, hasCover: hasCover,
            hasPageReferences: blocks.contains { if case .contents = $0 { true } else { false } })
    }

    /// The first page of the handbook and the guide: the program, the module's title, what the piece
    /// is, then where, when and by whom the workshop is given.
    func cover(_ kind: String) -> [DocumentLayout.Block] {
        let m = module.metadata
        var blocks: [DocumentLayout.Block] = [.logo]
        if let program = m.program { blocks.append(.kicker(text(program))) }
        blocks.append(.title(title))
        blocks.append(.subtitle(LayoutText(kind)))
        if let subtitle = m.subtitle { blocks.append(.coverText(text(subtitle))) }
        blocks += eventFields
        var duration: [String] = []
        if let days = m.durationDays { duration.append(strings.daysN(days)) }
        if let hours = m.durationHours { duration.append(strings.hoursN(hours.oneDecimal)) }
        if !duration.isEmpty { blocks.append(.field(label: strings.duration, value: LayoutText(duration.joined(separator: " · ")))) }
        if !m.authors.isEmpty {
            let authors = m.authors.map { [$0.name, $0.affiliation].compactMap { $0 }.joined(separator: ", ") }
            blocks.append(.field(label: strings.authors, value: LayoutText(authors.joined(separator: " · "))))
        }
        blocks.append(.field(label: strings.module, value: LayoutText("\(module.id) \(module.version)")))
        return blocks
    }

    /// Place, dates, organisers and donors of the event, each that the module gives.
    var eventFields: [DocumentLayout.Block] {
        guard let event = module.metadata.event else { return [] }
        var blocks: [DocumentLayout.Block] = []
        if let place = event.place { blocks.append(.field(label: strings.place, value: LayoutText(text(place)))) }
        if let dates = eventDates { blocks.append(.field(label: strings.dates, value: LayoutText(dates))) }
        if !event.organisers.isEmpty { blocks.append(.field(label: strings.organisers, value: LayoutText(strings.list(event.organisers.map(text))))) }
        if !event.donors.isEmpty { blocks.append(.field(label: strings.donors, value: LayoutText(strings.list(event.donors.map(text))))) }
        return blocks
    }

    /// The event's dates in words, when the module gives them.
    var eventDates: String? {
        guard let event = module.metadata.event, let start = event.startDate.flatMap(CalendarDate.init(iso:)) else { return nil }
        return documentStrings.dateSpan(start, event.endDate.flatMap(CalendarDate.init(iso:)) ?? start)
    }

    /// The date of workshop day `n` (the first day is the event's start), when it is known and not
    /// after the event's end.
    func date(ofDay n: Int) -> String? {
        guard let event = module.metadata.event, let start = event.startDate.flatMap(CalendarDate.init(iso:)) else { return nil }
        let day = start.adding(days: n - 1)
        if let end = event.endDate.flatMap(CalendarDate.init(iso:)), end < day { return nil }
        return documentStrings.longDate(day)
    }

    /// The organisers, who keep what the sign-up sheets collect.
    var keepers: String {
        let organisers = module.metadata.event?.organisers.map(text).filter { !$0.isEmpty } ?? []
        return organisers.isEmpty ? strings.privacyKeeper : strings.list(organisers)
    }

    /// The anchor of a unit's heading, for the contents.
    static func anchor(_ unit: ModuleUnit) -> String { "unit-\(unit.id)" }
}

/// Numbers as a printed page shows them.

extension CalendarDate {
    /// The date `days` later, across months and years.
    func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + max(0, days)) }
}
