import TequioModel

/// The words of the scoring workbooks and printed score sheets, from the string catalogue (`score.`
/// keys and a few shared ones); the import recognises Sí/No in every language of the catalogue.
public struct ScoringStrings: Sendable {
    let strings: LocalizedStrings

    public init(_ catalogue: StringCatalogue, language: String) {
        strings = LocalizedStrings(catalogue, language: language)
    }

    public var instructionsSheetName: String { strings("common.instructions") }
    public func planSheetName(_ n: Int) -> String { strings("score.planN", String(n)) }
    public var table: String { strings("common.workingTable") }
    public var municipality: String { strings("common.municipality") }
    public var draft: String { strings("document.draft") }
    public var yes: String { strings("sheet.yes") }
    public var no: String { strings("sheet.no") }

    public var evaluator: String { strings("score.evaluator") }
    public var round: String { strings("score.round") }
    public func scaleLegend(_ levels: String) -> String { strings("score.scaleLegend", levels) }
    public var sheetHint: String { strings("score.sheetHint") }
    public var conflict: String { strings("score.conflict") }
    public var conflictQuestion: String { strings("score.conflictQuestion") }
    public var yesNo: String { strings("score.yesNo") }
    public var note: String { strings("score.note") }
    public var gates: String { strings("score.gates") }
    public var criterion: String { strings("score.criterion") }
    public var weight: String { strings("score.weight") }
    public func score(_ minimum: Int, _ maximum: Int) -> String { strings("score.score", String(minimum), String(maximum)) }
    public var justification: String { strings("score.justification") }
    public var guidance: String { strings("score.guidance") }
    public func justifyFor(_ values: String) -> String { strings("score.justifyFor", values) }
    public func percent(_ value: String) -> String { strings("score.percent", value) }
    public var invalidTitle: String { strings("score.invalidTitle") }
    public func scaleMessage(_ minimum: Int, _ maximum: Int) -> String { strings("score.scaleMessage", String(minimum), String(maximum)) }
    public var yesNoMessage: String { strings("score.yesNoMessage") }
    public var metadataNote: String { strings("score.metadataNote") }

    public func intro(plans: Int, round: String, evaluator: String) -> String {
        strings.plural(plans, one: "score.introOne", other: "score.intro", String(plans), round, evaluator)
    }
    public var scale: String { strings("score.scale") }
    public var value: String { strings("score.value") }
    public var meaning: String { strings("score.meaning") }
    public var criteria: String { strings("score.criteria") }
    public var justify: String { strings("score.justify") }
    public var gatesHelp: String { strings("score.gatesHelp") }
    public var conflictHelp: String { strings("score.conflictHelp") }
    public var returnHelp: String { strings("score.returnHelp") }

    public var printTitle: String { strings("score.printTitle") }
    public var printHelp: String { strings("score.printHelp") }
    public var signature: String { strings("score.signature") }
    public var date: String { strings("score.date") }
    public var plansToScore: String { strings("score.plansToScore") }

    /// "1, 2 y 5" / "1, 2 and 5".
    public func list(_ values: [Int]) -> String {
        strings.list(values.sorted().map(String.init))
    }
}
