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
        start = event?.startDate.flatMap(CalendarDate.init(iso:))
        end = event?.endDate.flatMap(CalendarDate.init(iso:)) ?? start
        organisers = (event?.organisers ?? []).map(text).filter { !$0.isEmpty }
        donors = (event?.donors ?? []).map(text).filter { !$0.isEmpty }
    }
}
