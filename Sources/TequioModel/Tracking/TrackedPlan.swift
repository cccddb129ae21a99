/// A winning action plan as the committee follows its implementation: one commitment per problem of the
/// matrix, its actions as milestones and its expected results as indicators, and the dated history of
/// what happened since (`updates`, `changes`). On disk it is the tracking format
/// (`schemas/tequio-tracking-1.rng`, docs/implementation.md), written by `tequio track init` and appended
/// to by `tequio import` of a filled tracking workbook.
///
/// Dates are `YYYY-MM-DD` texts (empty when not set yet): they are shown and stored as written, and
/// compared as `CalendarDate`s (`CalendarDate(iso:)`).
public struct TrackedPlan: Sendable, Equatable {
    /// The Open Government Partnership's completion levels, as its Independent Reporting Mechanism
    /// assesses them, and withdrawn for a milestone the table dropped.
    public enum Status: String, Sendable, Equatable, CaseIterable {
        case notStarted = "not-started"
        case limited
        case substantial
        case complete
        case withdrawn

        /// The percentage a status means when the table gave none.
        public var impliedPercent: Int {
            switch self {
            case .notStarted, .withdrawn: 0
            case .limited: 25
            case .substantial: 75
            case .complete: 100
            }
        }
    }

    /// Who carries out a milestone: the matrix's government or civil-society actions.
    public enum Owner: String, Sendable, Equatable, CaseIterable {
        case government
        case civilSociety = "civil-society"
    }

    /// Which way an indicator should move from its baseline.
    public enum Direction: String, Sendable, Equatable, CaseIterable {
        case increase, decrease, maintain
    }

    public struct Milestone: Sendable, Equatable {
        /// `c1-g2`: commitment 1, the second government action (`s` for civil society).
        public var id: String
        public var owner: Owner
        public var text: String
        public var start: String
        public var due: String

        public init(id: String, owner: Owner, text: String, start: String = "", due: String = "") {
            self.id = id
            self.owner = owner
            self.text = text
            self.start = start
            self.due = due
        }
    }

    public struct Indicator: Sendable, Equatable {
        /// `c1-r1`: commitment 1, its first expected result.
        public var id: String
        public var text: String
        public var unit: String
        /// Numbers as written (`18`, `0.5`), empty when not set.
        public var baseline: String
        public var target: String
        public var direction: Direction?

        public init(id: String, text: String, unit: String = "", baseline: String = "", target: String = "", direction: Direction? = nil) {
            self.id = id
            self.text = text
            self.unit = unit
            self.baseline = baseline
            self.target = target
            self.direction = direction
        }
    }

    public struct Commitment: Sendable, Equatable {
        /// `c1`, `c2`…: the problem's number in the plan.
        public var id: String
        /// The problem's first sentence (`PlanText.shortTitle`).
        public var title: String
        public var problem: String
        public var beneficiaries: String
        public var affected: String
        public var leadAgency: String = ""
        public var supportingActors: String = ""
        public var start: String = ""
        public var due: String = ""
        /// A decimal number as written, in `currency` (ISO 4217).
        public var budget: String = ""
        public var currency: String = ""
        public var fundingSource: String = ""
        public var milestones: [Milestone] = []
        public var indicators: [Indicator] = []

        public init(id: String, title: String, problem: String, beneficiaries: String = "", affected: String = "") {
            self.id = id
            self.title = title
            self.problem = problem
            self.beneficiaries = beneficiaries
            self.affected = affected
        }
    }

    /// Progress on one milestone or indicator, as of a date. Every field but `item` and `date` is
    /// optional: an update says what it says, and the rest stays as the earlier updates left it.
    public struct Update: Sendable, Equatable {
        public var item: String
        /// The day the update describes.
        public var date: String
        public var status: Status?
        public var percent: Int?
        /// The day the milestone actually started, and ended.
        public var started: String = ""
        public var completed: String = ""
        /// An indicator's measured value (a number as written).
        public var value: String = ""
        public var narrative: String = ""
        /// Links to the evidence (http or https).
        public var evidence: [String] = []
        /// When it was imported (`2026-04-02T10:00:00Z`) and from where (`seguimiento.xlsx:Plan 1!F9`).
        public var imported: String = ""
        public var source: String = ""

        public init(item: String, date: String, status: Status? = nil, percent: Int? = nil) {
            self.item = item
            self.date = date
            self.status = status
            self.percent = percent
        }

        /// The same report, whenever and wherever it came from: a row imported twice is not a new update.
        public func says(sameAs other: Update) -> Bool {
            item == other.item && date == other.date && status == other.status && percent == other.percent && started == other.started
                && completed == other.completed && value == other.value && narrative == other.narrative && evidence == other.evidence
        }
    }

    /// A planning field changed after it was first set (a due date moved, a lead agency replaced): the
    /// old value stays in the history.
    public struct Change: Sendable, Equatable {
        public var item: String
        /// The field's name in the format (`due`, `lead-agency`, `target`…).
        public var field: String
        public var from: String
        public var to: String
        /// The day it was imported.
        public var date: String
        public var source: String

        public init(item: String, field: String, from: String, to: String, date: String, source: String = "") {
            self.item = item
            self.field = field
            self.from = from
            self.to = to
            self.date = date
            self.source = source
        }
    }

    public var moduleID: String
    public var moduleVersion: String
    public var matrixID: String
    /// The plan's id, its documents' name (`oaxaca-agua-mesa-1-santa-lucia-del-camino`).
    public var id: String
    public var table: String
    public var municipality: String
    /// The draft of the matrix the plan was made from.
    public var draft: Int
    public var language: String
    /// When `tequio track init` made it (ISO 8601).
    public var created: String
    public var commitments: [Commitment]
    /// In the order they were imported; per item, in the order of their dates.
    public var updates: [Update]
    public var changes: [Change]

    public init(
        moduleID: String, moduleVersion: String, matrixID: String, id: String, table: String, municipality: String, draft: Int,
        language: String, created: String, commitments: [Commitment], updates: [Update] = [], changes: [Change] = []
    ) {
        self.moduleID = moduleID
        self.moduleVersion = moduleVersion
        self.matrixID = matrixID
        self.id = id
        self.table = table
        self.municipality = municipality
        self.draft = draft
        self.language = language
        self.created = created
        self.commitments = commitments
        self.updates = updates
        self.changes = changes
    }

    /// The table's name, or the municipality, or the plan's id.
    public var displayName: String { !table.isEmpty ? table : !municipality.isEmpty ? municipality : id }

    public var milestones: [Milestone] { commitments.flatMap(\.milestones) }
    public var indicators: [Indicator] { commitments.flatMap(\.indicators) }

    /// The updates of one milestone or indicator, oldest first.
    public func updates(of item: String) -> [Update] { updates.filter { $0.item == item } }
}
