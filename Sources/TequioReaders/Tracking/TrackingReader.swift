import Foundation
import TequioModel
import XMLSupport

/// Reads tracking files (docs/implementation.md): parsed safely, validated against
/// `schemas/tequio-tracking-1.rng`, turned into a `TrackedPlan` with the place of every item and update,
/// then checked (`TrackingValidation`).
public struct TrackingReader: Sendable {
    public static let namespace = "urn:tequio:tracking:1"
    /// A year of monthly updates of a large plan is well under a megabyte.
    static let limits = XMLParseLimits(maxFileBytes: 32 << 20)
    public let schemas: SchemaSet

    public init(schemas: SchemaSet) { self.schemas = schemas }

    public struct Located: Sendable {
        public var plan: TrackedPlan
        public var rootLocation: SourceLocation
        /// By commitment, milestone or indicator id (the first element with that id).
        public var itemLocations: [String: SourceLocation]
        /// Every commitment, milestone and indicator in document order, with its place.
        public var items: [(id: String, location: SourceLocation)]
        /// In the order of `plan.updates` and `plan.changes`.
        public var updateLocations: [SourceLocation]
        public var changeLocations: [SourceLocation]

        public func location(of item: String) -> SourceLocation { itemLocations[item] ?? rootLocation }
    }

    public func read(_ url: URL) -> (Located?, [Diagnostic]) {
        interpret(SafeXMLParser.parseFile(url, displayPath: DisplayPath.of(url), limits: Self.limits))
    }

    public func read(_ data: Data, path: String) -> (Located?, [Diagnostic]) {
        interpret(SafeXMLParser.parse(data, path: path, limits: Self.limits))
    }

    private func interpret(_ parsed: XMLParseResult) -> (Located?, [Diagnostic]) {
        var diagnostics = parsed.diagnostics
        guard let document = parsed.document, let root = document.root else { return (nil, diagnostics) }
        guard root.namespace == Self.namespace, root.name == "tracking" else {
            diagnostics.append(
                .error(
                    TrackDiagnosticID.notTracking,
                    "root element is '\(root.name)' in namespace '\(root.namespace ?? "")', expected 'tracking' in '\(Self.namespace)'",
                    at: root.location))
            return (nil, diagnostics)
        }
        do {
            let found = try schemas.relaxNG(SchemaSet.tracking).validate(document)
            diagnostics += (try? schemas.explainer(SchemaSet.tracking))?.explain(found, root: root, path: document.path) ?? found
        } catch {
            diagnostics.append(.error(TequioDiagnosticID.schemaMissing, "\(error)", at: nil))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        let located = Self.build(root)
        diagnostics += TrackingValidation.check(located)
        return (located, diagnostics)
    }

    static func build(_ root: XMLElement) -> Located {
        func text(_ e: XMLElement, _ name: String) -> String { e.element(named: name)?.text ?? "" }
        var locations: [String: SourceLocation] = [:]
        var items: [(id: String, location: SourceLocation)] = []
        let commitments = root.elements(named: "commitment").map { e -> TrackedPlan.Commitment in
            var c = TrackedPlan.Commitment(
                id: e.attribute("id") ?? "", title: text(e, "title"), problem: text(e, "problem"), beneficiaries: text(e, "beneficiaries"),
                affected: text(e, "affected"))
            locations[c.id] = locations[c.id] ?? e.location
            items.append((c.id, e.location))
            c.leadAgency = text(e, "lead-agency")
            c.supportingActors = text(e, "supporting-actors")
            c.start = text(e, "start")
            c.due = text(e, "due")
            c.budget = text(e, "budget")
            c.currency = e.element(named: "budget")?.attribute("currency") ?? ""
            c.fundingSource = text(e, "funding-source")
            c.milestones = e.elements(named: "milestone").map { m in
                let id = m.attribute("id") ?? ""
                locations[id] = locations[id] ?? m.location
                items.append((id, m.location))
                return TrackedPlan.Milestone(
                    id: id, owner: TrackedPlan.Owner(rawValue: m.attribute("owner") ?? "") ?? .government, text: text(m, "text"),
                    start: text(m, "start"), due: text(m, "due"))
            }
            c.indicators = e.elements(named: "indicator").map { i in
                let id = i.attribute("id") ?? ""
                locations[id] = locations[id] ?? i.location
                items.append((id, i.location))
                return TrackedPlan.Indicator(
                    id: id, text: text(i, "text"), unit: text(i, "unit"), baseline: text(i, "baseline"), target: text(i, "target"),
                    direction: i.attribute("direction").flatMap(TrackedPlan.Direction.init(rawValue:)))
            }
            return c
        }
        let updateElements = root.element(named: "updates")?.elements(named: "update") ?? []
        let updates = updateElements.map { e -> TrackedPlan.Update in
            var u = TrackedPlan.Update(
                item: e.attribute("item") ?? "", date: e.attribute("date") ?? "",
                status: e.attribute("status").flatMap(TrackedPlan.Status.init(rawValue:)), percent: e.attribute("percent").flatMap { Int($0) })
            u.started = e.attribute("started") ?? ""
            u.completed = e.attribute("completed") ?? ""
            u.value = e.attribute("value") ?? ""
            u.narrative = text(e, "narrative")
            u.evidence = e.elements(named: "evidence").compactMap { $0.attribute("href") }
            u.imported = e.attribute("imported") ?? ""
            u.source = e.attribute("source") ?? ""
            return u
        }
        let changeElements = root.element(named: "changes")?.elements(named: "change") ?? []
        let changes = changeElements.map { e in
            TrackedPlan.Change(
                item: e.attribute("item") ?? "", field: e.attribute("field") ?? "", from: e.attribute("from") ?? "", to: e.attribute("to") ?? "",
                date: e.attribute("date") ?? "", source: e.attribute("source") ?? "")
        }
        let plan = TrackedPlan(
            moduleID: root.attribute("module") ?? "", moduleVersion: root.attribute("module-version") ?? "",
            matrixID: root.attribute("matrix") ?? "", id: root.attribute("plan") ?? "", table: text(root, "table"),
            municipality: text(root, "municipality"), draft: Int(root.attribute("draft") ?? "1") ?? 1, language: root.language ?? "es",
            created: root.attribute("created") ?? "", commitments: commitments, updates: updates, changes: changes)
        return Located(
            plan: plan, rootLocation: root.location, itemLocations: locations, items: items, updateLocations: updateElements.map(\.location),
            changeLocations: changeElements.map(\.location))
    }
}
