import TequioModel

/// What a row of a tracking workbook says, as texts: what the writer fills in from the tracking file's
/// current state, and what the import reads back and compares with that state, so a row nobody touched
/// is not a new update.
struct TrackingRows {
    struct Commitment: Equatable {
        var leadAgency = "", supportingActors = "", start = "", due = "", budget = "", currency = "", fundingSource = ""
    }

    struct Milestone: Equatable {
        var plannedStart = "", plannedDue = ""
        var date = ""
        var status: TrackedPlan.Status?
        var percent: Int?
        var started = "", completed = "", narrative = ""
        var evidence: [String] = []

        var reportsProgress: Bool {
            status != nil || percent != nil || !started.isEmpty || !completed.isEmpty || !narrative.isEmpty || !evidence.isEmpty
        }
    }

    struct Indicator: Equatable {
        var unit = "", baseline = "", target = ""
        var direction: TrackedPlan.Direction?
        var date = "", value = "", narrative = ""
        var evidence: [String] = []

        var reportsProgress: Bool { !value.isEmpty || !narrative.isEmpty || !evidence.isEmpty }
    }

    let plan: TrackedPlan
    private let state: [String: [TrackedPlan.Update]]

    init(_ plan: TrackedPlan) {
        self.plan = plan
        state = Dictionary(grouping: plan.updates, by: \.item)
    }

    func commitment(_ c: TrackedPlan.Commitment) -> Commitment {
        Commitment(
            leadAgency: c.leadAgency, supportingActors: c.supportingActors, start: c.start, due: c.due, budget: c.budget, currency: c.currency,
            fundingSource: c.fundingSource)
    }

    /// The milestone's current state: status, percentage and actual dates as its updates leave them,
    /// and the latest narrative and evidence.
    func milestone(_ m: TrackedPlan.Milestone) -> Milestone {
        var row = Milestone(plannedStart: m.start, plannedDue: m.due)
        let updates = state[m.id] ?? []
        guard let last = updates.last else { return row }
        let current = TrackingProgress.milestone(m, updates, asOf: CalendarDate(year: 2999, month: 12, day: 31))
        row.date = last.date
        row.status = current.status
        row.percent = current.percent
        row.started = current.started
        row.completed = current.completed
        row.narrative = updates.last { !$0.narrative.isEmpty }?.narrative ?? ""
        row.evidence = updates.last { !$0.evidence.isEmpty }?.evidence ?? []
        return row
    }

    func indicator(_ i: TrackedPlan.Indicator) -> Indicator {
        var row = Indicator(unit: i.unit, baseline: i.baseline, target: i.target, direction: i.direction)
        let updates = state[i.id] ?? []
        guard let last = updates.last else { return row }
        row.date = last.date
        row.value = updates.last { !$0.value.isEmpty }?.value ?? ""
        row.narrative = updates.last { !$0.narrative.isEmpty }?.narrative ?? ""
        row.evidence = updates.last { !$0.evidence.isEmpty }?.evidence ?? []
        return row
    }
}
