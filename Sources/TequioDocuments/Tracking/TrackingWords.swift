import TequioModel

/// The fixed words of a progress report (`track.` keys, and the document and tracking-workbook words it
/// shares), in the report's language.
struct TrackingWords: Sendable {
    let strings: LocalizedStrings
    let document: DocumentStrings

    init(_ catalogue: StringCatalogue, language: String) {
        strings = LocalizedStrings(catalogue, language: language)
        document = DocumentStrings(catalogue, language: language)
    }

    var title: String { strings("track.report.title") }
    func asOf(_ date: String) -> String { strings("track.report.asOf", date) }
    var fileWord: String { strings("track.report.fileWord") }
    func planHeading(_ n: Int, _ name: String) -> String { strings("track.report.planN", String(n), name) }
    func commitmentHeading(_ n: Int, _ title: String) -> String {
        title.isEmpty ? strings("track.report.commitmentNumber", String(n)) : strings("track.report.commitmentN", String(n), title)
    }
    func percent(_ value: Int) -> String { strings("score.percent", String(value)) }
    var none: String { "—" }

    func status(_ s: TrackedPlan.Status) -> String { strings.status(s) }
    func owner(_ o: TrackedPlan.Owner) -> String { strings.owner(o) }
    func direction(_ d: TrackedPlan.Direction) -> String { strings.direction(d) }

    /// The name of a planning field (`due`, `lead-agency`…) in a change's line.
    func field(_ name: String) -> String {
        switch name {
        case "lead-agency": strings("track.leadAgency")
        case "supporting-actors": strings("track.supportingActors")
        case "start": strings("track.start")
        case "due": strings("track.due")
        case "budget": strings("track.budget")
        case "currency": strings("track.currency")
        case "funding-source": strings("track.fundingSource")
        case "unit": strings("track.unit")
        case "baseline": strings("track.baseline")
        case "target": strings("track.target")
        case "direction": strings("track.direction")
        default: name
        }
    }

    var leadAgency: String { strings("track.leadAgency") }
    var supportingActors: String { strings("track.supportingActors") }
    var budget: String { strings("track.budget") }
    var fundingSource: String { strings("track.fundingSource") }
    var statusLabel: String { strings("track.status") }
    var period: String { strings("track.report.period") }
    var lastUpdate: String { strings("track.report.lastUpdate") }
    var milestones: String { strings("track.milestones") }
    var indicators: String { strings("track.indicators") }
    var changes: String { strings("track.report.changes") }
    var milestone: String { strings("track.report.milestone") }
    var owner: String { strings("track.report.owner") }
    var planned: String { strings("track.report.planned") }
    var actual: String { strings("track.report.actual") }
    var percentDone: String { strings("track.percent") }
    var latest: String { strings("track.report.latest") }
    var indicator: String { strings("track.indicator") }
    var unit: String { strings("track.unit") }
    var baseline: String { strings("track.baseline") }
    var target: String { strings("track.target") }
    var value: String { strings("track.report.value") }
    var towardTarget: String { strings("track.report.towardTarget") }
    var plan: String { strings("track.report.plan") }
    var commitments: String { strings("track.commitments") }
    var progress: String { strings("track.report.progress") }
    var overdue: String { strings("track.report.overdue") }
    var overdueMark: String { strings("track.report.overdueMark") }
    var noDates: String { strings("track.report.noDates") }
    var noUpdates: String { strings("track.report.noUpdates") }
    var legendPlanned: String { strings("track.report.legendPlanned") }
    var legendOngoing: String { strings("track.report.legendOngoing") }
    var legendDone: String { strings("track.report.legendDone") }
    var legendAsOf: String { strings("track.report.legendAsOf") }

    /// "12 compromisos: 3 completos, …; 2 hitos vencidos; avance medio 45 %."
    func counts(commitments: Int, _ c: [TrackedPlan.Status: Int], overdue: Int, percent: Int) -> String {
        strings(
            "track.report.counts", String(commitments), String(c[.complete] ?? 0), String(c[.substantial] ?? 0), String(c[.limited] ?? 0),
            String(c[.notStarted] ?? 0), String(c[.withdrawn] ?? 0), String(overdue), String(percent))
    }

    func progressText(_ percent: Int, _ status: TrackedPlan.Status) -> String { strings("track.report.progressText", String(percent), self.status(status)) }
    func timelineText(_ count: Int, _ from: String, _ to: String, _ overdue: Int) -> String {
        strings("track.report.timelineText", String(count), from, to, String(overdue))
    }
    func indicatorText(_ name: String, _ value: String, _ baseline: String, _ target: String) -> String {
        strings("track.report.indicatorText", name, value, baseline, target)
    }
    var statusChartText: String { strings("track.report.statusChartText") }
    func changeLine(_ date: String, _ field: String, _ item: String, _ from: String, _ to: String) -> String {
        strings("track.report.changeLine", date, field, item, from, to)
    }

    /// `ene`, `feb`… / `Jan`, `Feb`…: the first three letters of the month's name.
    func shortMonth(_ month: Int) -> String {
        let name = document.longDate(CalendarDate(year: 2000, month: month, day: 1))
        let words = name.split(separator: " ").map(String.init).filter { $0.first?.isLetter == true && $0.count > 2 }
        return String((words.first ?? "").prefix(3))
    }
}
