/// Where, when and by whom the workshop is given (`<event>` in the module's metadata): the covers, the
/// sign-up sheets and the facilitator's agenda print it.
public struct Event: Sendable, Equatable, Codable {
    public var place: LocalizedText?
    /// ISO dates (`2011-12-08`), as the module gives them.
    public var startDate: String?
    public var endDate: String?
    public var organisers: [LocalizedText]
    public var donors: [LocalizedText]
    public var days: [Day]

    public init(
        place: LocalizedText? = nil, startDate: String? = nil, endDate: String? = nil,
        organisers: [LocalizedText] = [], donors: [LocalizedText] = [], days: [Day] = []
    ) {
        self.place = place
        self.startDate = startDate
        self.endDate = endDate
        self.organisers = organisers
        self.donors = donors
        self.days = days
    }

    /// A workshop day: when it starts and the breaks between its units.
    public struct Day: Sendable, Equatable, Codable {
        public var number: Int
        /// Minutes after midnight; `nil` keeps the default start.
        public var start: Int?
        public var breaks: [Break]

        public init(number: Int, start: Int? = nil, breaks: [Break] = []) {
            self.number = number
            self.start = start
            self.breaks = breaks
        }
    }

    public struct Break: Sendable, Equatable, Codable {
        public enum Kind: String, Sendable, Codable, CaseIterable { case coffee, lunch, `break` }
        /// The unit the break follows.
        public var afterUnit: String
        public var minutes: Int
        public var kind: Kind

        public init(afterUnit: String, minutes: Int, kind: Kind) {
            self.afterUnit = afterUnit
            self.minutes = minutes
            self.kind = kind
        }
    }

    public func day(_ number: Int) -> Day? { days.first { $0.number == number } }
}
