import Foundation

/// Every plan of a run in one document: a cover, a table of contents, a summary table and one chapter
/// per plan, ordered by table name with Spanish collation.
public struct Compendium: Sendable, Equatable {
    public var language: String
    /// The fixed words of the cover, contents and summary.
    public var strings: DocumentStrings
    public var moduleID: String
    public var programTitle: String
    public var moduleTitle: String
    public var introduction: [String]
    /// Each plan with its fixed words and the module's texts in the compendium's language.
    public var plans: [ActionPlan]
    /// The workshop, in the compendium's language.
    public var event: EventText
    /// The title of the module's rubric (the committee's selection criteria), or "".
    public var rubricTitle: String
    public var created: Timestamp?
    public var modified: Timestamp?

    /// - Parameters:
    ///   - language: the language of the cover, contents and summary (each chapter keeps its plan's).
    ///   - catalogue: where the cover's, contents' and summary's words come from.
    public init(plans: [ActionPlan], module: Module, language: String? = nil, catalogue: StringCatalogue) {
        let lang = language ?? module.mainLanguage
        let fallbacks = [module.mainLanguage] + module.languages
        func text(_ t: LocalizedText?) -> String { t?.resolved(lang, fallbacks: fallbacks)?.trimmingWhitespace() ?? "" }
        self.language = lang
        strings = DocumentStrings(catalogue, language: lang)
        moduleID = module.id
        programTitle = text(module.metadata.program)
        moduleTitle = text(module.metadata.title)
        introduction = PlanText.paragraphs(text(module.metadata.summary))
        event = EventText(module.metadata.event, text: text)
        rubricTitle = text(module.rubric?.title)
        self.plans = Compendium.sorted(plans.map { Self.localised($0, module: module, language: lang, catalogue: catalogue) })
        created = plans.compactMap(\.created).min()
        modified = plans.compactMap(\.modified).max()
    }

    /// `plan` with its fixed words and the module's texts in `language` (made again only when they are in
    /// another language); what the table wrote stays as written.
    public static func localised(_ plan: ActionPlan, module: Module, language: String, catalogue: StringCatalogue) -> ActionPlan {
        guard plan.strings.strings.language != language else { return plan }
        return ActionPlan(matrix: plan.draftMatrix, module: module, catalogue: catalogue, source: plan.source, wordsLanguage: language)
    }

    /// Plans by table name in Spanish collation (`Ñ` after `N`, accents secondary, numbers by value:
    /// "Mesa 2" before "Mesa 10"), then municipality, draft and source for a stable order.
    public static func sorted(_ plans: [ActionPlan]) -> [ActionPlan] {
        let spanish = Locale(identifier: "es")
        func compare(_ a: String, _ b: String) -> ComparisonResult {
            let r = a.compare(b, options: [.numeric, .caseInsensitive], range: nil, locale: spanish)
            if r != .orderedSame { return r }
            return a == b ? .orderedSame : (Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)) ? .orderedAscending : .orderedDescending)
        }
        return plans.sorted { a, b in
            for (x, y) in [(a.displayName, b.displayName), (a.municipality, b.municipality)] {
                let r = compare(x, y)
                if r != .orderedSame { return r == .orderedAscending }
            }
            if a.draft != b.draft { return a.draft < b.draft }
            return compare(a.source, b.source) == .orderedAscending
        }
    }

    public var title: String { strings.compendium }

    public var totalProblems: Int { plans.reduce(0) { $0 + $1.problemCount } }
    public var totalGovernmentActions: Int { plans.reduce(0) { $0 + $1.governmentActionCount } }
    public var totalCivilSocietyActions: Int { plans.reduce(0) { $0 + $1.civilSocietyActionCount } }
    public var totalExpectedResults: Int { plans.reduce(0) { $0 + $1.expectedResultCount } }
    public var firstDeadline: MonthOfYear? { plans.compactMap(\.firstDeadline).min() }
    public var lastDeadline: MonthOfYear? { plans.compactMap(\.lastDeadline).max() }
}
