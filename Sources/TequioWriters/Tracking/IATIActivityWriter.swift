import Foundation
import TequioModel
import XMLSupport

/// Tracked plans as an IATI 2.03 activity file, so a donor can publish their results where it publishes
/// its aid data (docs/implementation.md, "IATI export"): one `iati-activity` per plan, identified by the
/// reporting organisation's id and the plan's; each commitment a `result` (outcome) with a completion
/// indicator (the percentage of its milestones, 0 → 100) and one indicator per expected result, each with
/// its baseline and one `period` (the commitment's dates) holding the target and the latest actual value,
/// its narrative and evidence links. Only updates up to `asOf` count; no actual date is after it.
///
/// What the IATI rulesets ask beyond the schema is kept by construction: identifiers start with the
/// reporting organisation's, every period starts before it ends, actual dates are not in the future.
/// Budgets are not exported: an IATI budget covers one activity for at most a year, not a commitment.
public struct IATIActivityWriter: Sendable {
    public struct Organisation: Sendable {
        /// The IATI organisation identifier (`XM-DAC-44000`).
        public var ref: String
        public var name: String
        /// The IATI OrganisationType code (`40` multilateral, `10` government…).
        public var type: String

        public init(ref: String, name: String, type: String) {
            self.ref = ref
            self.name = name
            self.type = type
        }
    }

    public let reportingOrg: Organisation
    public let asOf: CalendarDate
    /// ISO 3166-1 alpha-2, or nil.
    public let country: String?
    public let catalogue: StringCatalogue

    public init(reportingOrg: Organisation, asOf: CalendarDate, country: String?, catalogue: StringCatalogue) {
        self.reportingOrg = reportingOrg
        self.asOf = asOf
        self.country = country
        self.catalogue = catalogue
    }

    public func data(_ plans: [TrackedPlan]) throws -> Data {
        let w = XMLWriter(indent: true)
        w.start("iati-activities", ["version": "2.03", "generated-datetime": "\(asOf.iso)T00:00:00Z"])
        for plan in plans { activity(plan, w) }
        w.end()
        return try w.finish()
    }

    /// `<reporting org>-<plan id>`
    public func identifier(_ plan: TrackedPlan) -> String { "\(reportingOrg.ref)-\(plan.id)" }

    func activity(_ plan: TrackedPlan, _ w: XMLWriter) {
        let strings = LocalizedStrings(catalogue, language: plan.language)
        let progress = TrackingProgress(plan, asOf: asOf)
        let updated = plan.updates.map(\.imported).filter { Timestamp(iso: $0) != nil && $0.prefix(10) <= asOf.iso }.max() ?? plan.created
        w.start("iati-activity", ["last-updated-datetime": updated, "xml:lang": plan.language, "hierarchy": "1"])
        w.element("iati-identifier", text: identifier(plan))
        w.start("reporting-org", ["ref": reportingOrg.ref, "type": reportingOrg.type])
        narrative(w, reportingOrg.name)
        w.end()
        w.start("title")
        narrative(w, strings("track.iati.title", plan.displayName))
        w.end()
        w.start("description", ["type": "1"])
        narrative(w, strings("track.iati.description", plan.displayName, plan.municipality.isEmpty ? plan.displayName : plan.municipality, String(plan.commitments.count)))
        w.end()
        w.start("participating-org", ["ref": reportingOrg.ref, "type": reportingOrg.type, "role": "1"])
        narrative(w, reportingOrg.name)
        w.end()
        w.start("participating-org", ["role": "4"])
        narrative(w, plan.displayName)
        w.end()
        for agency in Set(plan.commitments.map(\.leadAgency).filter { !$0.isEmpty }).sorted() {
            w.start("participating-org", ["role": "4"])
            narrative(w, agency)
            w.end()
        }
        w.element("activity-status", ["code": status(progress)])
        for (type, date) in dates(plan, progress) { w.element("activity-date", ["type": type, "iso-date": date]) }
        if let country { w.element("recipient-country", ["code": country, "percentage": "100"]) }
        for c in progress.commitments { result(c, plan: plan, strings: strings, w) }
        w.end()
    }

    /// 1 pipeline (nothing reported yet), 2 implementation, 3 finalisation (every commitment complete or
    /// withdrawn).
    func status(_ p: TrackingProgress) -> String {
        if !p.commitments.isEmpty && p.commitments.allSatisfy({ $0.status == .complete || $0.status == .withdrawn }) { return "3" }
        return p.lastUpdate.isEmpty ? "1" : "2"
    }

    /// Planned start (1, always: the earliest planned date, else the day the plan was made), actual start
    /// (2), planned end (3) and actual end (4) when known; actual dates never after `asOf`.
    func dates(_ plan: TrackedPlan, _ p: TrackingProgress) -> [(String, String)] {
        func days(_ texts: [String]) -> [CalendarDate] { texts.compactMap(CalendarDate.init(iso:)) }
        let created = CalendarDate(iso: String(plan.created.prefix(10))) ?? asOf
        let planned = days(plan.commitments.flatMap { [$0.start] + $0.milestones.map(\.start) })
        let plannedStart = planned.min() ?? min(created, asOf)
        var result = [("1", plannedStart.iso)]
        let started = days(p.commitments.flatMap { $0.milestones.map(\.started) }).filter { $0 <= asOf }
        if let first = started.min() { result.append(("2", first.iso)) }
        if let end = days(plan.commitments.flatMap { [$0.due] + $0.milestones.map(\.due) }).max(), end >= plannedStart {
            result.append(("3", end.iso))
        }
        if status(p) == "3", let end = days(p.commitments.flatMap { $0.milestones.map(\.completed) }).filter({ $0 <= asOf }).max(), end >= (started.min() ?? end) {
            result.append(("4", end.iso))
        }
        return result
    }

    func result(_ c: TrackingProgress.CommitmentState, plan: TrackedPlan, strings: LocalizedStrings, _ w: XMLWriter) {
        let k = c.commitment
        let created = CalendarDate(iso: String(plan.created.prefix(10))) ?? asOf
        let start = CalendarDate(iso: k.start) ?? c.commitment.milestones.compactMap { CalendarDate(iso: $0.start) }.min() ?? min(created, asOf)
        let planEnd = CalendarDate(iso: k.due) ?? c.commitment.milestones.compactMap { CalendarDate(iso: $0.due) }.max() ?? asOf
        let end = max(start, planEnd)
        w.start("result", ["type": "2", "aggregation-status": "false"])
        w.start("title")
        narrative(w, k.title.isEmpty ? k.id : k.title)
        w.end()
        if !k.problem.isEmpty {
            w.start("description")
            narrative(w, k.problem)
            w.end()
        }
        w.start("indicator", ["measure": "2", "ascending": "true"])
        w.start("title")
        narrative(w, strings("track.iati.completion"))
        w.end()
        w.element("baseline", ["year": String(start.year), "iso-date": start.iso, "value": "0"])
        period(start, end, target: "100", actual: String(c.percent), comment: strings.status(c.status), evidence: [], w)
        w.end()
        for s in c.indicators {
            let i = s.indicator
            let numeric = [i.baseline, i.target, s.value].contains { !$0.isEmpty }
            let ascending: String? = i.direction.map { $0 == .decrease ? "false" : $0 == .increase ? "true" : nil } ?? nil
            w.start("indicator", ["measure": numeric ? "1" : "5", "ascending": ascending])
            w.start("title")
            narrative(w, i.text)
            w.end()
            if !i.unit.isEmpty {
                w.start("description")
                narrative(w, i.unit)
                w.end()
            }
            if !i.baseline.isEmpty { w.element("baseline", ["year": String(start.year), "iso-date": start.iso, "value": i.baseline]) }
            let latest = s.latest
            period(
                start, end, target: i.target.isEmpty ? nil : i.target, actual: s.value.isEmpty ? nil : s.value, comment: latest?.narrative ?? "",
                evidence: (latest?.evidence ?? []).map { ($0, latest?.date ?? "") }, w)
            w.end()
        }
        w.end()
    }

    func period(
        _ start: CalendarDate, _ end: CalendarDate, target: String?, actual: String?, comment: String, evidence: [(url: String, date: String)], _ w: XMLWriter
    ) {
        w.start("period")
        w.element("period-start", ["iso-date": start.iso])
        w.element("period-end", ["iso-date": end.iso])
        if let target { w.element("target", ["value": target]) }
        if actual != nil || !comment.isEmpty || !evidence.isEmpty {
            w.start("actual", ["value": actual])
            if !comment.isEmpty {
                w.start("comment")
                narrative(w, comment)
                w.end()
            }
            for link in evidence {
                w.start("document-link", ["url": link.url, "format": Self.format(link.url)])
                w.start("title")
                narrative(w, link.url)
                w.end()
                w.element("category", ["code": "A08"])
                if let day = CalendarDate(iso: link.date) { w.element("document-date", ["iso-date": day.iso]) }
                w.end()
            }
            w.end()
        }
        w.end()
    }

    func narrative(_ w: XMLWriter, _ text: String) { w.element("narrative", text: text) }

    /// The IANA media type a link's extension suggests (IATI's FileFormat codes), else a web page.
    static func format(_ url: String) -> String {
        let path = url.split(separator: "?").first.map(String.init)?.lowercased() ?? ""
        for (ext, type) in [
            (".pdf", "application/pdf"), (".jpg", "image/jpeg"), (".jpeg", "image/jpeg"), (".png", "image/png"),
            (".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"), (".csv", "text/csv"),
        ] where path.hasSuffix(ext) {
            return type
        }
        return "text/html"
    }
}
