/// One evaluator's scores for one round: for each plan, a conflict-of-interest declaration, the
/// eligibility gates and a score per criterion of the rubric with its justification. On disk it is the
/// score format (`schemas/tequio-scores-1.rng`, docs/committee-decision.md), written by `tequio import`
/// from a filled scoring workbook.
public struct ScoreSheet: Sendable, Equatable {
    public struct Score: Sendable, Equatable {
        public var criterion: String
        public var value: Int
        public var justification: String
        public init(criterion: String, value: Int, justification: String = "") {
            self.criterion = criterion
            self.value = value
            self.justification = justification
        }
    }

    public struct Plan: Sendable, Equatable {
        /// The plan's id: its file name without extension (`oaxaca-agua-mesa-1-santa-lucia-del-camino`).
        public var id: String
        public var table: String
        /// The draft the scores were given on: a later draft never silently takes them.
        public var draft: Int
        /// The evaluator declared a conflict of interest: no scores, excluded from this plan's figures.
        public var conflict: Bool
        /// What the evaluator said about the conflict, if anything.
        public var conflictNote: String
        /// Eligibility gates: met or not, by gate id (a gate left blank is absent).
        public var gates: [String: Bool]
        public var scores: [Score]

        public init(id: String, table: String, draft: Int, conflict: Bool = false, conflictNote: String = "", gates: [String: Bool] = [:], scores: [Score] = []) {
            self.id = id
            self.table = table
            self.draft = draft
            self.conflict = conflict
            self.conflictNote = conflictNote
            self.gates = gates
            self.scores = scores
        }

        public func score(_ criterion: String) -> Score? { scores.first { $0.criterion == criterion } }
    }

    public var moduleID: String
    public var moduleVersion: String
    public var rubricID: String
    /// The rubric's fingerprint per criterion when the sheet was made (`Rubric.fingerprint`).
    public var criteria: [(id: String, fingerprint: String)]
    public var evaluator: String
    public var round: String
    public var language: String
    /// When the scores were imported (ISO 8601).
    public var submitted: String
    public var plans: [Plan]

    public init(
        moduleID: String, moduleVersion: String, rubricID: String, criteria: [(id: String, fingerprint: String)], evaluator: String,
        round: String, language: String, submitted: String, plans: [Plan]
    ) {
        self.moduleID = moduleID
        self.moduleVersion = moduleVersion
        self.rubricID = rubricID
        self.criteria = criteria
        self.evaluator = evaluator
        self.round = round
        self.language = language
        self.submitted = submitted
        self.plans = plans
    }

    public static func == (a: ScoreSheet, b: ScoreSheet) -> Bool {
        a.moduleID == b.moduleID && a.moduleVersion == b.moduleVersion && a.rubricID == b.rubricID
            && a.criteria.map(\.id) == b.criteria.map(\.id) && a.criteria.map(\.fingerprint) == b.criteria.map(\.fingerprint)
            && a.evaluator == b.evaluator && a.round == b.round && a.language == b.language && a.submitted == b.submitted
            && a.plans == b.plans
    }

    public func plan(_ id: String) -> Plan? { plans.first { $0.id == id } }
}
