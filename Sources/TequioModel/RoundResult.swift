/// What a round of the committee decided (`tequio review rank`), as its result file keeps it: who
/// scored, the quorum, the ranking with every figure, who advances and who is on the reserve list, the
/// committee's rationale and any departure from the ranking with its reason, the commitment of support
/// (on the last round), and every evaluator's sheet as it was counted. The next round takes its
/// advancing plans; the decision record (`tequio review record`) is written from the round files and
/// the module alone.
public struct RoundResult: Sendable, Equatable {
    /// The committee advanced, kept or dropped a plan against its place in the ranking.
    public struct Departure: Sendable, Equatable {
        public var plan: String
        public var from: Ranking.Status
        public var to: Ranking.Status
        public var reason: String
        public init(plan: String, from: Ranking.Status, to: Ranking.Status, reason: String) {
            self.plan = plan
            self.from = from
            self.to = to
            self.reason = reason
        }
    }

    public var round: String
    public var moduleID: String
    public var moduleVersion: String
    public var rubricID: String
    public var criteria: [(id: String, fingerprint: String)]
    public var date: String
    public var language: String
    /// Evaluators whose sheets were counted, in order.
    public var evaluators: [String]
    public var quorum: Int
    public var advance: Int
    /// The round whose advancing plans this one scored, if any.
    public var previousRound: String?
    public var normalised: Bool
    public var ranking: Ranking
    public var rationale: String
    public var departures: [Departure]
    /// What the committee commits to the plans it supports (`review rank --commitment`).
    public var commitment: String
    /// The evaluators' score sheets the ranking was computed from, in `evaluators` order: the decision
    /// record's annexes. Empty in a round file written before Tequio kept them.
    public var sheets: [ScoreSheet]

    public init(
        round: String, moduleID: String, moduleVersion: String, rubricID: String, criteria: [(id: String, fingerprint: String)],
        date: String, language: String, evaluators: [String], quorum: Int, advance: Int, previousRound: String?, normalised: Bool,
        ranking: Ranking, rationale: String, departures: [Departure], commitment: String = "", sheets: [ScoreSheet] = []
    ) {
        self.round = round
        self.moduleID = moduleID
        self.moduleVersion = moduleVersion
        self.rubricID = rubricID
        self.criteria = criteria
        self.date = date
        self.language = language
        self.evaluators = evaluators
        self.quorum = quorum
        self.advance = advance
        self.previousRound = previousRound
        self.normalised = normalised
        self.ranking = ranking
        self.rationale = rationale
        self.departures = departures
        self.commitment = commitment
        self.sheets = sheets
    }

    public static func == (a: RoundResult, b: RoundResult) -> Bool {
        a.round == b.round && a.moduleID == b.moduleID && a.rubricID == b.rubricID && a.criteria.map(\.id) == b.criteria.map(\.id)
            && a.criteria.map(\.fingerprint) == b.criteria.map(\.fingerprint) && a.date == b.date && a.evaluators == b.evaluators
            && a.quorum == b.quorum && a.advance == b.advance && a.previousRound == b.previousRound && a.ranking == b.ranking
            && a.rationale == b.rationale && a.departures == b.departures && a.commitment == b.commitment && a.sheets == b.sheets
    }

    /// The plans that go on to the next round, in rank order.
    public var advancing: [Ranking.Entry] { ranking.entries.filter { $0.status == .advances } }
}
