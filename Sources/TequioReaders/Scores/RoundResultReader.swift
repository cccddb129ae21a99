import Foundation
import TequioModel
import XMLSupport

/// Reads a round's result file (`schemas/tequio-round-1.rng`): for the next round (which plans
/// advance, on which draft) and for the decision record (with the evaluators' sheets it keeps).
public struct RoundResultReader: Sendable {
    public static let namespace = "urn:tequio:round:1"
    public let schemas: SchemaSet

    public init(schemas: SchemaSet) { self.schemas = schemas }

    /// A round file's result, where its root is, and each kept sheet with where its plans are (for
    /// checking the sheets against the module as score files are checked).
    public struct Located: Sendable {
        public var result: RoundResult
        public var rootLocation: SourceLocation
        public var sheets: [ScoreSheetReader.Located]
    }

    public func read(_ url: URL) -> (RoundResult?, [Diagnostic]) {
        let (located, diagnostics) = locate(url)
        return (located?.result, diagnostics)
    }

    public func locate(_ url: URL) -> (Located?, [Diagnostic]) {
        let parsed = SafeXMLParser.parseFile(url, displayPath: DisplayPath.of(url), limits: .init(maxFileBytes: 64 << 20))
        var diagnostics = parsed.diagnostics
        guard let document = parsed.document, let root = document.root else { return (nil, diagnostics) }
        guard root.namespace == Self.namespace, root.name == "round" else {
            diagnostics.append(
                .error(ReviewDiagnosticID.notScores, "not a round result: the root element is '\(root.name)', expected 'round' in '\(Self.namespace)'", at: root.location))
            return (nil, diagnostics)
        }
        do {
            diagnostics += try schemas.relaxNG(SchemaSet.round).validate(document)
        } catch {
            diagnostics.append(.error(TequioDiagnosticID.schemaMissing, "\(error)", at: nil))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        func double(_ e: XMLElement, _ name: String) -> Double { Double(e.attribute(name) ?? "") ?? 0 }
        let entries = (root.element(named: "ranking")?.elements(named: "plan") ?? []).map { p -> Ranking.Entry in
            var gates: [String: (met: Int, answered: Int)] = [:]
            var failed: [String] = []
            for g in p.elements(named: "gate") {
                let id = g.attribute("id") ?? ""
                gates[id] = (Int(g.attribute("met") ?? "") ?? 0, Int(g.attribute("answered") ?? "") ?? 0)
                if g.attribute("failed") == "true" { failed.append(id) }
            }
            let statistics: [Ranking.Statistics] = p.elements(named: "criterion").map { c in
                let minimum = Int(c.attribute("min") ?? "") ?? 0
                let maximum = Int(c.attribute("max") ?? "") ?? 0
                let count = Int(c.attribute("count") ?? "") ?? 0
                return Ranking.Statistics(
                    criterion: c.attribute("id") ?? "", mean: double(c, "mean"), median: double(c, "median"), minimum: minimum,
                    maximum: maximum, count: count, disagreement: c.attribute("disagreement") == "true")
            }
            let draft = Int(p.attribute("draft") ?? "1") ?? 1
            let rank: Int? = p.attribute("rank").flatMap { Int($0) }
            let normalised: Double? = p.attribute("normalised-total").flatMap { Double($0) }
            let status = Ranking.Status(rawValue: p.attribute("status") ?? "") ?? .out
            return Ranking.Entry(
                plan: p.attribute("id") ?? "", table: p.element(named: "table")?.text ?? "", draft: draft, statistics: statistics,
                total: double(p, "total"), normalisedTotal: normalised, gates: gates, failedGates: failed, rank: rank,
                tied: p.attribute("tied") == "true", status: status, recused: p.elements(named: "recused").map(\.text))
        }
        let sheets = (root.element(named: "sheets")?.elements(named: "scores") ?? []).map(ScoreSheetReader.located)
        let result = RoundResult(
            round: root.attribute("name") ?? "", moduleID: root.attribute("module") ?? "", moduleVersion: root.attribute("module-version") ?? "",
            rubricID: root.attribute("rubric") ?? "",
            criteria: (root.element(named: "rubric-criteria")?.elements(named: "criterion") ?? []).map {
                ($0.attribute("id") ?? "", $0.attribute("fingerprint") ?? "")
            },
            date: root.attribute("date") ?? "", language: root.language ?? "es",
            evaluators: root.element(named: "evaluators")?.elements(named: "evaluator").map(\.text) ?? [],
            quorum: Int(root.attribute("quorum") ?? "") ?? 0, advance: Int(root.attribute("advance") ?? "") ?? 0,
            previousRound: root.attribute("previous"), normalised: root.attribute("normalised") == "true",
            ranking: Ranking(entries: entries, tieAtCutoff: root.attribute("tie-at-cutoff") == "true"),
            rationale: root.element(named: "rationale")?.text ?? "",
            departures: root.elements(named: "departure").map {
                .init(
                    plan: $0.attribute("plan") ?? "", from: Ranking.Status(rawValue: $0.attribute("from") ?? "") ?? .out,
                    to: Ranking.Status(rawValue: $0.attribute("to") ?? "") ?? .out, reason: $0.text)
            }, commitment: root.element(named: "commitment")?.text ?? "", sheets: sheets.map(\.sheet))
        return (Located(result: result, rootLocation: root.location, sheets: sheets), diagnostics)
    }
}
