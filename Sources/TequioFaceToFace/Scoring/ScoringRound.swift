import TequioModel

/// What the committee scores in one round: the module and its rubric, the plans in compendium order,
/// the round's name and the language of the workbooks. `tequio review sheets` builds one, and every
/// evaluator's workbook and printed score sheet come from it.
public struct ScoringRound: Sendable {
    /// One plan of the round: `Plan 1`, `Plan 2`… in this order.
    public struct Plan: Sendable, Equatable {
        /// The plan's id: its documents' file name without extension (`ActionPlan.baseName`).
        public var id: String
        public var table: String
        public var municipality: String
        public var draft: Int

        public init(id: String, table: String, municipality: String, draft: Int) {
            self.id = id
            self.table = table
            self.municipality = municipality
            self.draft = draft
        }
    }

    public let module: Module
    public let rubric: Rubric
    public let plans: [Plan]
    public let round: String
    public let language: String

    public init(module: Module, rubric: Rubric, plans: [Plan], round: String, language: String) {
        self.module = module
        self.rubric = rubric
        self.plans = plans
        self.round = round
        self.language = language
    }

    func text(_ value: LocalizedText?) -> String {
        value?.resolved(language, fallbacks: module.languages) ?? ""
    }

    func title(_ criterion: Rubric.Criterion) -> String {
        let t = text(criterion.title)
        return t.isEmpty ? criterion.id : t
    }

    func label(_ level: Rubric.Level) -> String { text(level.label) }

    /// The scale's values, lowest first, as the drop-down lists them.
    var scaleValues: [String] { rubric.levels.map(\.value).sorted().map(String.init) }

    var moduleTitle: String {
        let t = text(module.metadata.title)
        return t.isEmpty ? module.id : t
    }

    var rubricTitle: String {
        let t = text(rubric.title)
        return t.isEmpty ? rubric.id : t
    }
}
