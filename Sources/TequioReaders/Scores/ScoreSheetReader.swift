import Foundation
import TequioModel
import XMLSupport

/// Reads score files (`docs/committee-decision.md`): parsed safely, validated against
/// `schemas/tequio-scores-1.rng`, then turned into a `ScoreSheet` with the location of each plan.
public struct ScoreSheetReader: Sendable {
    public static let namespace = "urn:tequio:scores:1"
    public let schemas: SchemaSet

    public init(schemas: SchemaSet) { self.schemas = schemas }

    public struct Located: Sendable {
        public var sheet: ScoreSheet
        public var rootLocation: SourceLocation
        /// By plan id.
        public var planLocations: [String: SourceLocation]
    }

    public func read(_ url: URL) -> (Located?, [Diagnostic]) {
        interpret(SafeXMLParser.parseFile(url, displayPath: DisplayPath.of(url), limits: .init(maxFileBytes: 16 << 20)))
    }

    public func read(_ data: Data, path: String) -> (Located?, [Diagnostic]) {
        interpret(SafeXMLParser.parse(data, path: path, limits: .init(maxFileBytes: 16 << 20)))
    }

    private func interpret(_ parsed: XMLParseResult) -> (Located?, [Diagnostic]) {
        var diagnostics = parsed.diagnostics
        guard let document = parsed.document, let root = document.root else { return (nil, diagnostics) }
        guard root.namespace == Self.namespace, root.name == "scores" else {
            diagnostics.append(
                .error(
                    ReviewDiagnosticID.notScores,
                    "root element is '\(root.name)' in namespace '\(root.namespace ?? "")', expected 'scores' in '\(Self.namespace)'",
                    at: root.location))
            return (nil, diagnostics)
        }
        do {
            let schemaDiagnostics = try schemas.relaxNG(SchemaSet.scores).validate(document)
            diagnostics += (try? schemas.explainer(SchemaSet.scores))?.explain(schemaDiagnostics, root: root, path: document.path)
                ?? schemaDiagnostics
        } catch {
            diagnostics.append(.error(TequioDiagnosticID.schemaMissing, "\(error)", at: nil))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (Self.located(root), diagnostics)
    }

    /// A `scores` element already validated against the schema (a score file's root, or a sheet kept
    /// in a round file) as a sheet, with where each plan is.
    public static func located(_ root: XMLElement) -> Located {
        var locations: [String: SourceLocation] = [:]
        let plans = root.elements(named: "plan").map { p -> ScoreSheet.Plan in
            let id = p.attribute("id") ?? ""
            locations[id] = p.location
            let conflict = p.element(named: "conflict")
            var gates: [String: Bool] = [:]
            for g in p.elements(named: "gate") { gates[g.attribute("id") ?? ""] = g.attribute("met") == "true" }
            return ScoreSheet.Plan(
                id: id, table: p.element(named: "table")?.text ?? "", draft: Int(p.attribute("draft") ?? "1") ?? 1,
                conflict: conflict?.attribute("declared") == "true", conflictNote: conflict?.text ?? "", gates: gates,
                scores: p.elements(named: "score").map {
                    .init(
                        criterion: $0.attribute("criterion") ?? "", value: Int($0.attribute("value") ?? "") ?? 0,
                        justification: $0.element(named: "justification")?.text ?? "")
                })
        }
        let sheet = ScoreSheet(
            moduleID: root.attribute("module") ?? "", moduleVersion: root.attribute("module-version") ?? "",
            rubricID: root.attribute("rubric") ?? "",
            criteria: (root.element(named: "rubric-criteria")?.elements(named: "criterion") ?? []).map {
                ($0.attribute("id") ?? "", $0.attribute("fingerprint") ?? "")
            },
            evaluator: root.element(named: "evaluator")?.text ?? "", round: root.attribute("round") ?? "",
            language: root.language ?? "es", submitted: root.attribute("submitted") ?? "", plans: plans)
        return Located(sheet: sheet, rootLocation: root.location, planLocations: locations)
    }
}
