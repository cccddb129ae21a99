import Foundation
import TequioModel

/// What the decision record is made from: the rounds of one decision in chain order (each with the
/// evaluators' sheets it kept), the module's rubric and titles, the document's language and who signs.
/// `RecordLayout` lays it out; `RoundChain` (TequioReaders) checks and orders the rounds first.
public struct DecisionRecord: Sendable {
    /// A committee member on the signature block.
    public struct Member: Sendable, Equatable {
        public var name: String
        public var role: String

        public init(name: String, role: String = "") {
            self.name = name
            self.role = role
        }
    }

    /// The chain, first round first; the last one's advancing plans are the winners.
    public let rounds: [RoundResult]
    public let rubric: Rubric
    public let language: String
    public let moduleID: String
    public let programTitle: String
    public let moduleTitle: String
    /// Every evaluator of every round in order of first appearance, with the role given for them,
    /// then the other members given (`review record --member`).
    public let members: [Member]
    public let strings: DocumentStrings
    let words: RecordWords
    private let fallbacks: [String]

    /// - Precondition: at least one round, all scored with `module`'s rubric.
    public init(rounds: [RoundResult], module: Module, language: String, catalogue: StringCatalogue, members given: [Member] = []) {
        self.rounds = rounds
        rubric = module.rubric ?? Rubric(id: "", title: LocalizedText(), levels: [], criteria: [], gates: [], tieBreaker: nil)
        self.language = language
        moduleID = module.id
        fallbacks = [module.mainLanguage] + module.languages + ["es", "en"]
        strings = DocumentStrings(catalogue, language: language)
        words = RecordWords(strings)
        let fallbacks = self.fallbacks
        programTitle = module.metadata.program?.resolved(language, fallbacks: fallbacks)?.trimmingWhitespace() ?? ""
        moduleTitle = module.metadata.title.resolved(language, fallbacks: fallbacks)?.trimmingWhitespace() ?? ""
        func key(_ name: String) -> String { TextTokens.foldedWords(name).joined(separator: " ") }
        var members: [Member] = []
        var seen: Set<String> = []
        for name in rounds.flatMap(\.evaluators) where seen.insert(key(name)).inserted {
            members.append(Member(name: name, role: given.first { key($0.name) == key(name) }?.role ?? ""))
        }
        for member in given where seen.insert(key(member.name)).inserted { members.append(member) }
        self.members = members
    }

    /// `oaxaca-agua-acta-comite`: the record's file name without extension.
    public var fileName: String { "\(moduleID)-\(words.fileWord)" }

    /// The winners: the last round's advancing plans, in rank order.
    public var winners: [Ranking.Entry] { rounds.last?.advancing ?? [] }

    func text(_ t: LocalizedText?) -> String { t?.resolved(language, fallbacks: fallbacks)?.trimmingWhitespace() ?? "" }

    func criterionTitle(_ id: String) -> String { rubric.criterion(id).map { text($0.title) }.flatMap { $0.isEmpty ? nil : $0 } ?? id }

    /// Each evaluator's weighted total for a plan (Σ score × weight / 100), evaluators who recused
    /// left out, in the round's order of evaluators.
    func evaluatorTotals(_ round: RoundResult, plan: String) -> [Double] {
        round.sheets.compactMap { sheet in
            guard let p = sheet.plan(plan), !p.conflict else { return nil }
            return rubric.criteria.reduce(0.0) { sum, c in sum + Double(p.score(c.id)?.value ?? 0) * c.weight / 100 }
        }
    }

    /// A figure as the record writes it: two decimals, a point whatever the locale.
    static func figure(_ x: Double) -> String { String(format: "%.2f", locale: nil, x) }

    /// `14 de marzo de 2012` from an ISO 8601 time, or the text as given when it is not one.
    func longDate(_ iso: String) -> String {
        Timestamp(iso: iso).map { strings.longDate($0.calendarDate) } ?? iso
    }
}
