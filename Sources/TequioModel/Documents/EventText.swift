/// The module's `<event>` in one language, as the documents' covers print it: the place, the days and
/// who organised and supported the workshop. Everything is empty when the module has no event.
public struct EventText: Sendable, Equatable {
    public var place: String
    public var start: CalendarDate?
    public var end: CalendarDate?
    public var organisers: [String]
    public var donors: [String]

    /// - Parameter text: a module text in the document's language, trimmed ("" when missing).
    public init(_ event: Event?, text: (LocalizedText?) -> String) {
        place = text(event?.place)
        start = event?.startDate.flatMap(Self.date)
        end = event?.endDate.flatMap(Self.date) ?? start
        organisers = (event?.organisers ?? []).map(text).filter { !$0.isEmpty }
        donors = (event?.donors ?? []).map(text).filter { !$0.isEmpty }
    }

    /// `2011-12-08` as a calendar date; nil for anything else.
    static func date(_ iso: String) -> CalendarDate? {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
}
