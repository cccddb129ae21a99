/// How a donor committee scores action plans (`<rubric>` in the module): a scale with a label per
/// level, weighted criteria, yes/no eligibility gates a plan must pass, a tie-breaker and the spread
/// of scores that makes a disagreement the committee discusses before a result stands.
///
/// The criteria and weights are fixed in the module before any scoring starts, as donor practice
/// requires; each score file records the rubric's fingerprint per criterion, so a rubric changed
/// after scores were given is refused, naming the criterion that changed.
public struct Rubric: Sendable, Equatable {
    public struct Level: Sendable, Equatable {
        public var value: Int
        public var label: LocalizedText
        public init(value: Int, label: LocalizedText) {
            self.value = value
            self.label = label
        }
    }

    public struct Criterion: Sendable, Equatable {
        public var id: String
        public var title: LocalizedText
        public var guidance: LocalizedText
        /// Share of the total, in percent (the weights add up to 100).
        public var weight: Double
        /// Scores that need a written justification.
        public var justify: Set<Int>
        public init(id: String, title: LocalizedText, guidance: LocalizedText, weight: Double, justify: Set<Int>) {
            self.id = id
            self.title = title
            self.guidance = guidance
            self.weight = weight
            self.justify = justify
        }
    }

    /// A condition every eligible plan meets ("has actions for both government and civil society").
    public struct Gate: Sendable, Equatable {
        public var id: String
        public var question: LocalizedText
        public init(id: String, question: LocalizedText) {
            self.id = id
            self.question = question
        }
    }

    public var id: String
    public var title: LocalizedText
    public var levels: [Level]
    public var criteria: [Criterion]
    public var gates: [Gate]
    /// The criterion whose weighted score breaks a tie.
    public var tieBreaker: String?
    /// A criterion whose highest and lowest scores differ by this much or more is a disagreement.
    public var disagreementSpread: Double

    public init(
        id: String, title: LocalizedText, levels: [Level], criteria: [Criterion], gates: [Gate], tieBreaker: String?,
        disagreementSpread: Double = 2
    ) {
        self.id = id
        self.title = title
        self.levels = levels
        self.criteria = criteria
        self.gates = gates
        self.tieBreaker = tieBreaker
        self.disagreementSpread = disagreementSpread
    }

    public var minimum: Int { levels.map(\.value).min() ?? 1 }
    public var maximum: Int { levels.map(\.value).max() ?? 5 }
    public func criterion(_ id: String) -> Criterion? { criteria.first { $0.id == id } }

    /// What a score file records of each criterion, so that a rubric changed after scoring is noticed:
    /// its weight, the scale and the scores that need a justification (titles may be corrected).
    public func fingerprint(_ criterion: Criterion) -> String {
        let weight = criterion.weight == criterion.weight.rounded() ? String(Int(criterion.weight)) : String(criterion.weight)
        return "w\(weight);s\(minimum)-\(maximum);j\(criterion.justify.sorted().map(String.init).joined(separator: ","))"
    }
}
