/// Where a tracked plan stands on a day: each milestone's status and percentage from its latest update
/// up to that day, what is overdue, each indicator's latest value against its target, and each
/// commitment's and the plan's completion (docs/implementation.md, "How progress is counted").
///
/// - A milestone without updates has not started. An update without a percentage counts the status's
///   (`Status.impliedPercent`). Withdrawn milestones count for nothing.
/// - A milestone is overdue when its due date has passed and it is neither complete nor withdrawn.
/// - A commitment's percentage is the mean of its active milestones'; it is complete when they all
///   are, substantial from 50 %, limited when anything started, else not started (withdrawn when all
///   its milestones were withdrawn). A commitment without milestones takes its indicators' progress.
public struct TrackingProgress: Sendable {
    public struct MilestoneState: Sendable {
        public var milestone: TrackedPlan.Milestone
        public var status: TrackedPlan.Status
        public var percent: Int
        public var started: String
        public var completed: String
        public var latest: TrackedPlan.Update?
        public var overdue: Bool
        public var updateCount: Int
    }

    public struct IndicatorState: Sendable {
        public var indicator: TrackedPlan.Indicator
        /// The latest measured value and its date (empty when none).
        public var value: String
        public var date: String
        public var latest: TrackedPlan.Update?
        /// How far from the baseline to the target the value is (0…1), when all three are numbers and
        /// the target differs from the baseline.
        public var progress: Double?
    }

    public struct CommitmentState: Sendable {
        public var commitment: TrackedPlan.Commitment
        public var milestones: [MilestoneState]
        public var indicators: [IndicatorState]
        public var percent: Int
        public var status: TrackedPlan.Status
        public var changes: [TrackedPlan.Change]
        public var overdue: Int { milestones.filter(\.overdue).count }
    }

    public let plan: TrackedPlan
    public let asOf: CalendarDate
    public let commitments: [CommitmentState]

    public init(_ plan: TrackedPlan, asOf: CalendarDate) {
        self.plan = plan
        self.asOf = asOf
        var byItem: [String: [TrackedPlan.Update]] = [:]
        for update in plan.updates {
            guard let date = CalendarDate(iso: update.date), date <= asOf else { continue }
            byItem[update.item, default: []].append(update)
        }
        commitments = plan.commitments.map { c in
            let milestones = c.milestones.map { Self.milestone($0, byItem[$0.id] ?? [], asOf: asOf) }
            let indicators = c.indicators.map { Self.indicator($0, byItem[$0.id] ?? []) }
            let (percent, status) = Self.rollUp(milestones, indicators)
            return CommitmentState(
                commitment: c, milestones: milestones, indicators: indicators, percent: percent, status: status,
                changes: plan.changes.filter { change in change.item == c.id || c.milestones.contains { $0.id == change.item } || c.indicators.contains { $0.id == change.item } })
        }
    }

    public static func milestone(_ m: TrackedPlan.Milestone, _ updates: [TrackedPlan.Update], asOf: CalendarDate) -> MilestoneState {
        var status = TrackedPlan.Status.notStarted
        var percent: Int?
        var started = ""
        var completed = ""
        for u in updates {
            if let s = u.status {
                status = s
                if u.percent == nil { percent = nil }
            }
            if let p = u.percent { percent = p }
            if !u.started.isEmpty { started = u.started }
            if !u.completed.isEmpty { completed = u.completed }
        }
        let due = CalendarDate(iso: m.due)
        let overdue = due.map { $0 < asOf } == true && status != .complete && status != .withdrawn
        return MilestoneState(
            milestone: m, status: status, percent: percent ?? status.impliedPercent, started: started, completed: completed,
            latest: updates.last, overdue: overdue, updateCount: updates.count)
    }

    static func indicator(_ i: TrackedPlan.Indicator, _ updates: [TrackedPlan.Update]) -> IndicatorState {
        let measured = updates.last { !$0.value.isEmpty }
        let value = measured?.value ?? ""
        var progress: Double?
        if let v = Double(value), let b = Double(i.baseline), let t = Double(i.target), t != b {
            progress = min(1, max(0, (v - b) / (t - b)))
        }
        return IndicatorState(indicator: i, value: value, date: measured?.date ?? "", latest: updates.last, progress: progress)
    }

    static func rollUp(_ milestones: [MilestoneState], _ indicators: [IndicatorState]) -> (Int, TrackedPlan.Status) {
        let active = milestones.filter { $0.status != .withdrawn }
        if !milestones.isEmpty && active.isEmpty { return (0, .withdrawn) }
        let percents = active.isEmpty ? indicators.compactMap(\.progress).map { Int(($0 * 100).rounded()) } : active.map(\.percent)
        guard !percents.isEmpty else { return (0, .notStarted) }
        let percent = Int((Double(percents.reduce(0, +)) / Double(percents.count)).rounded())
        if !active.isEmpty && active.allSatisfy({ $0.status == .complete }) || active.isEmpty && percent == 100 { return (100, .complete) }
        if percent >= 50 { return (percent, .substantial) }
        if percent > 0 || active.contains(where: { $0.status != .notStarted }) { return (percent, .limited) }
        return (percent, .notStarted)
    }

    /// The plan's completion: the mean of its commitments' that are not withdrawn.
    public var percent: Int {
        let active = commitments.filter { $0.status != .withdrawn }
        guard !active.isEmpty else { return 0 }
        return Int((Double(active.map(\.percent).reduce(0, +)) / Double(active.count)).rounded())
    }

    /// How many commitments are at each completion level.
    public func count(_ status: TrackedPlan.Status) -> Int { commitments.filter { $0.status == status }.count }

    public var overdueMilestones: Int { commitments.reduce(0) { $0 + $1.overdue } }

    /// The date of the latest update up to `asOf`, or empty.
    public var lastUpdate: String {
        commitments.flatMap { $0.milestones.compactMap(\.latest?.date) + $0.indicators.compactMap(\.latest?.date) }.max() ?? ""
    }
}
