import Foundation

/// One round of the committee's decision, computed from the evaluators' score sheets: per plan and
/// criterion the mean, median, lowest, highest and count of the evaluators who scored it (an evaluator
/// who declared a conflict of interest on a plan is left out of that plan), the weighted total on the
/// rubric's scale, the eligibility gates, the rank with ties broken by the rubric's tie-breaker, the
/// disagreements the committee discusses before the result stands, and optionally each evaluator's
/// scores normalised to z-scores shown beside the raw figures.
public struct Ranking: Sendable, Equatable {
    public struct Statistics: Sendable, Equatable {
        public var criterion: String
        public var mean: Double
        public var median: Double
        public var minimum: Int
        public var maximum: Int
        public var count: Int
        /// The spread reached the rubric's disagreement threshold.
        public var disagreement: Bool

        public init(criterion: String, mean: Double, median: Double, minimum: Int, maximum: Int, count: Int, disagreement: Bool) {
            self.criterion = criterion
            self.mean = mean
            self.median = median
            self.minimum = minimum
            self.maximum = maximum
            self.count = count
            self.disagreement = disagreement
        }
    }

    public enum Status: String, Sendable, Equatable {
        case advances, reserve, out
        /// Failed an eligibility gate: listed apart, not ranked.
        case ineligible
    }

    public struct Entry: Sendable, Equatable {
        public var plan: String
        public var table: String
        public var draft: Int
        public var statistics: [Statistics]
        /// Σ mean × weight / 100: on the rubric's scale.
        public var total: Double
        /// The mean of the evaluators' z-scores, weighted the same way (`normalise`).
        public var normalisedTotal: Double?
        /// By gate id: how many evaluators said it is met, and how many answered.
        public var gates: [String: (met: Int, answered: Int)]
        public var failedGates: [String]
        /// 1 for the first; plans with the same total and tie-breaker share a rank.
        public var rank: Int?
        /// Tied with another plan on the total and the tie-breaker.
        public var tied: Bool
        public var status: Status
        /// Evaluators who declared a conflict of interest on this plan.
        public var recused: [String]

        public init(
            plan: String, table: String, draft: Int, statistics: [Statistics], total: Double, normalisedTotal: Double?,
            gates: [String: (met: Int, answered: Int)], failedGates: [String], rank: Int?, tied: Bool, status: Status, recused: [String]
        ) {
            self.plan = plan
            self.table = table
            self.draft = draft
            self.statistics = statistics
            self.total = total
            self.normalisedTotal = normalisedTotal
            self.gates = gates
            self.failedGates = failedGates
            self.rank = rank
            self.tied = tied
            self.status = status
            self.recused = recused
        }

        public static func == (a: Entry, b: Entry) -> Bool {
            a.plan == b.plan && a.draft == b.draft && a.statistics == b.statistics && a.total == b.total
                && a.normalisedTotal == b.normalisedTotal && a.failedGates == b.failedGates && a.rank == b.rank
                && a.tied == b.tied && a.status == b.status && a.recused == b.recused
                && a.gates.keys.sorted() == b.gates.keys.sorted()
                && a.gates.keys.allSatisfy { a.gates[$0]! == b.gates[$0]! }
        }
    }

    public var entries: [Entry]
    /// A tie that decides who advances: the committee must settle it.
    public var tieAtCutoff: Bool

    /// A ranking as a round file keeps it.
    public init(entries: [Entry], tieAtCutoff: Bool) {
        self.entries = entries
        self.tieAtCutoff = tieAtCutoff
    }

    /// - Parameters:
    ///   - advance: how many eligible plans advance; the next ones (as many) are the reserve list.
    public init(rubric: Rubric, sheets: [ScoreSheet], advance: Int, normalise: Bool) {
        var plans: [String: (table: String, draft: Int)] = [:]
        for sheet in sheets { for p in sheet.plans where plans[p.id] == nil { plans[p.id] = (p.table, p.draft) } }
        let z = normalise ? Self.zScores(sheets) : nil
        var entries: [Entry] = plans.keys.sorted().map { id in
            let given = sheets.compactMap { s in s.plan(id).map { (s.evaluator, $0) } }
            let scoring = given.filter { !$0.1.conflict }
            let statistics = rubric.criteria.map { c -> Statistics in
                let values = scoring.compactMap { $0.1.score(c.id)?.value }.sorted()
                let mean = values.isEmpty ? 0 : Double(values.reduce(0, +)) / Double(values.count)
                let median = values.isEmpty ? 0
                    : values.count % 2 == 1 ? Double(values[values.count / 2])
                    : Double(values[values.count / 2 - 1] + values[values.count / 2]) / 2
                let spread = Double((values.last ?? 0) - (values.first ?? 0))
                return Statistics(
                    criterion: c.id, mean: mean, median: median, minimum: values.first ?? 0, maximum: values.last ?? 0,
                    count: values.count, disagreement: values.count > 1 && spread >= rubric.disagreementSpread)
            }
            let total = zip(rubric.criteria, statistics).reduce(0) { $0 + $1.1.mean * $1.0.weight / 100 }
            var normalised: Double?
            if let z {
                let perEvaluator = scoring.map { evaluator, plan in
                    rubric.criteria.reduce(0.0) { sum, c in
                        sum + (plan.score(c.id).map { z[evaluator]?.z(Double($0.value)) ?? 0 } ?? 0) * c.weight / 100
                    }
                }
                normalised = perEvaluator.isEmpty ? nil : perEvaluator.reduce(0, +) / Double(perEvaluator.count)
            }
            var gates: [String: (met: Int, answered: Int)] = [:]
            for gate in rubric.gates {
                let answers = scoring.compactMap { $0.1.gates[gate.id] }
                gates[gate.id] = (answers.filter { $0 }.count, answers.count)
            }
            // A gate fails when most of the evaluators who answered say it is not met.
            let failed = rubric.gates.map(\.id).filter { id in
                let g = gates[id]!
                return g.answered > 0 && g.met * 2 < g.answered
            }
            return Entry(
                plan: id, table: plans[id]!.table, draft: plans[id]!.draft, statistics: statistics, total: total,
                normalisedTotal: normalised, gates: gates, failedGates: failed, rank: nil, tied: false,
                status: failed.isEmpty ? .out : .ineligible, recused: given.filter { $0.1.conflict }.map(\.0).sorted())
        }
        let tieBreaker = rubric.tieBreaker
        func key(_ e: Entry) -> (Double, Double) {
            let breaker = tieBreaker.flatMap { t in e.statistics.first { $0.criterion == t }?.mean } ?? 0
            return (Self.rounded(e.total), Self.rounded(breaker))
        }
        var order = entries.indices.filter { entries[$0].status != .ineligible }
        order.sort { a, b in
            let ka = key(entries[a]), kb = key(entries[b])
            if ka.0 != kb.0 { return ka.0 > kb.0 }
            if ka.1 != kb.1 { return ka.1 > kb.1 }
            return entries[a].plan < entries[b].plan
        }
        var previousKey: (Double, Double)?
        var rank = 0
        for (position, index) in order.enumerated() {
            let k = key(entries[index])
            if let p = previousKey, p == k {
                entries[index].tied = true
                entries[order[position - 1]].tied = true
            } else {
                rank = position + 1
            }
            entries[index].rank = rank
            previousKey = k
            entries[index].status = position < advance ? .advances : position < advance * 2 ? .reserve : .out
        }
        tieAtCutoff = advance > 0 && advance < order.count && key(entries[order[advance - 1]]) == key(entries[order[advance]])
        entries.sort { a, b in
            switch (a.rank, b.rank) {
            case let (x?, y?): return x != y ? x < y : a.plan < b.plan
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.plan < b.plan
            }
        }
        self.entries = entries
    }

    /// Totals compare to three decimals, so that two equal sums of weights do not differ by rounding.
    static func rounded(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

    /// Each evaluator's mean and standard deviation over every score they gave.
    struct Normaliser {
        var mean: Double
        var deviation: Double
        func z(_ x: Double) -> Double { deviation > 0 ? (x - mean) / deviation : 0 }
    }

    static func zScores(_ sheets: [ScoreSheet]) -> [String: Normaliser] {
        var result: [String: Normaliser] = [:]
        for sheet in sheets {
            let values = sheet.plans.filter { !$0.conflict }.flatMap { $0.scores.map { Double($0.value) } }
            guard !values.isEmpty else { continue }
            let mean = values.reduce(0, +) / Double(values.count)
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
            result[sheet.evaluator] = Normaliser(mean: mean, deviation: variance.squareRoot())
        }
        return result
    }
}
