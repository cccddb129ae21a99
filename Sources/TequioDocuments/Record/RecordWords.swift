import TequioModel

/// The fixed words of the decision record, from the string catalogue's `document.record.` keys (and
/// the scoring sheets' `score.` words where the record says the same thing).
struct RecordWords: Sendable {
    let strings: LocalizedStrings
    let document: DocumentStrings

    init(_ document: DocumentStrings) {
        self.document = document
        strings = document.strings
    }

    var title: String { strings("document.record.title") }
    var fileWord: String { strings("document.record.fileWord") }
    var rounds: String { strings("document.record.rounds") }
    var rubric: String { strings("document.record.rubric") }
    var contents: String { document.contents }
    var decision: String { strings("document.record.decision") }
    var plansEvaluated: String { strings("document.record.plansEvaluated") }
    var selected: String { strings("document.record.selected") }
    func winner(_ plan: String, total: String) -> String { strings("document.record.winner", plan, total) }
    var commitment: String { strings("document.record.commitment") }
    var noCommitment: String { strings("document.record.noCommitment") }
    var roundSummary: String { strings("document.record.roundSummary") }
    var round: String { strings("score.round") }
    var date: String { document.date }
    var evaluators: String { strings("document.record.evaluators") }
    var advance: String { strings("document.record.advance") }

    var criteria: String { strings("document.record.criteria") }
    var criterion: String { strings("score.criterion") }
    var weight: String { strings("score.weight") }
    var justifyFor: String { strings("document.record.justifyFor") }
    var total: String { document.total }
    func percent(_ value: String) -> String { strings("score.percent", value) }
    var scale: String { strings("score.scale") }
    var gates: String { strings("score.gates") }
    func tieBreaker(_ criterion: String) -> String { strings("document.record.tieBreaker", criterion) }
    func disagreementRule(_ spread: String) -> String { strings("document.record.disagreementRule", spread) }
    func totalRule(_ low: String, _ high: String) -> String { strings("document.record.totalRule", low, high) }
    func criterionLabel(_ n: Int) -> String { strings("document.record.criterionLabel", String(n)) }
    func gateLabel(_ n: Int) -> String { strings("document.record.gateLabel", String(n)) }

    var previousRound: String { strings("document.record.previousRound") }
    var quorum: String { strings("document.record.quorum") }
    func quorumValue(needed: Int, present: Int) -> String { strings("document.record.quorumValue", String(needed), String(present)) }
    var normalisation: String { strings("document.record.normalisation") }
    var normalisationValue: String { strings("document.record.normalisationValue") }
    var ranking: String { strings("document.record.ranking") }
    var rank: String { strings("document.record.rank") }
    var plan: String { strings("document.record.plan") }
    var status: String { strings("document.record.status") }
    func criterionColumn(_ n: Int, weight: String) -> String { strings("document.record.criterionColumn", String(n), weight) }
    var rankingNote: String { strings("document.record.rankingNote") }
    var normalisedNote: String { strings("document.record.normalisedNote") }
    func recused(_ plan: String, _ names: String) -> String { strings("document.record.recused", plan, names) }
    var ineligible: String { strings("document.record.ineligiblePlans") }
    var gateNotMet: String { strings("document.record.gateNotMet") }
    var yesAnswers: String { strings("document.record.yesAnswers") }
    func outOf(_ a: Int, _ b: Int) -> String { strings("document.record.outOf", String(a), String(b)) }
    func tieBroken(_ first: String, _ second: String, total: String, criterion: String, a: String, b: String) -> String {
        strings("document.record.tieBroken", first, second, total, criterion, a, b)
    }
    func tieKept(_ plans: String, rank: Int) -> String { strings("document.record.tieKept", plans, String(rank)) }
    var tieAtCutoff: String { strings("document.record.tieAtCutoff") }

    func status(_ s: Ranking.Status) -> String { strings.rankingStatus(s) }
    func byDecision(_ status: String) -> String { strings("document.record.byDecision", status) }

    var chartHeading: String { strings("document.record.chartHeading") }
    func chartTitle(_ round: String) -> String { strings("document.record.chartTitle", round) }
    var chartDescription: String { strings("document.record.chartDescription") }
    func chartBar(_ plan: String, _ total: String, _ low: String, _ high: String, _ status: String) -> String {
        strings("document.record.chartBar", plan, total, low, high, status)
    }
    func axis(_ low: String, _ high: String) -> String { strings("document.record.axis", low, high) }
    var rangeLegend: String { strings("document.record.rangeLegend") }
    var pointLegend: String { strings("document.record.pointLegend") }
    func chartFirst(_ n: Int) -> String { strings("document.record.chartFirst", String(n)) }

    var disagreements: String { strings("document.record.disagreements") }
    func disagreement(_ plan: String, _ criterion: String, _ low: Int, _ high: Int) -> String {
        strings("document.record.disagreement", plan, criterion, String(low), String(high), String(high - low))
    }
    func noDisagreement(_ spread: String) -> String { strings("document.record.noDisagreement", spread) }
    var settled: String { strings("document.record.settled") }
    var notSettled: String { strings("document.record.notSettled") }
    var rationale: String { strings("document.record.rationale") }
    var noRationale: String { strings("document.record.noRationale") }
    var reserveList: String { strings("document.record.reserveList") }
    func departure(_ plan: String, to: String, from: String, reason: String) -> String {
        strings("document.record.departure", plan, to, from, reason)
    }
    var noDepartures: String { strings("document.record.noDepartures") }

    var signatures: String { strings("document.record.signatures") }
    var signaturesIntro: String { strings("document.record.signaturesIntro") }
    var name: String { strings("document.record.name") }
    var role: String { strings("document.record.role") }
    var signature: String { strings("score.signature") }

    var annexScores: String { strings("document.record.annexScores") }
    func submitted(_ date: String) -> String { strings("document.record.submitted", date) }
    func planDraft(_ plan: String, _ draft: Int) -> String { strings("document.record.planDraft", plan, String(draft)) }
    var score: String { strings("score.value") }
    var justification: String { strings("score.justification") }
    var conflictDeclared: String { strings("document.record.conflictDeclared") }
    var yes: String { strings("document.record.yes") }
    var no: String { strings("document.record.no") }
    var noAnswer: String { strings("document.record.noAnswer") }
    var annexConflicts: String { strings("document.record.annexConflicts") }
    var evaluator: String { strings("score.evaluator") }
    var declaration: String { strings("document.record.declaration") }
    var note: String { strings("score.note") }
    func conflictWith(_ plan: String) -> String { strings("document.record.conflictWith", plan) }
    var noConflict: String { strings("document.record.noConflict") }

    /// "A", "A y B", "A, B y C".
    func list(_ items: [String]) -> String { strings.list(items) }
}
