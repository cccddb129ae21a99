import TequioModel

/// The rules every update must keep, given the earlier updates of its item: checked by the reader on a
/// whole file (`TrackingValidation`, at the update's line) and by the import on each row of a workbook
/// (at the cell of the field in question), so a file the import writes is one the reader accepts.
public enum TrackingRules {
    /// What a field-level problem is about, so each caller can point at its own place for it.
    public enum Field: Sendable, Equatable { case date, status, percent, started, completed, value }

    public struct Problem: Sendable, Equatable {
        public var id: TrackDiagnosticID
        public var message: String
        public var field: Field
    }

    public enum ItemKind: Sendable { case milestone, indicator }

    /// - Parameters:
    ///   - earlier: the item's updates before this one, oldest first.
    ///   - today: the day of the import; no date may be after it.
    public static func problems(
        _ u: TrackedPlan.Update, kind: ItemKind, earlier: [TrackedPlan.Update], today: CalendarDate?
    ) -> [Problem] {
        var problems: [Problem] = []
        func add(_ id: TrackDiagnosticID, _ message: String, _ field: Field) { problems.append(Problem(id: id, message: message, field: field)) }
        func day(_ text: String, _ field: Field, _ what: String) -> CalendarDate? {
            guard !text.isEmpty else { return nil }
            guard let date = CalendarDate(iso: text) else {
                add(.badDate, "'\(text)' is not a date (\(what)): write it as 2025-03-31", field)
                return nil
            }
            if let today, date > today { add(.futureDate, "\(what) \(text) is after today (\(today.iso))", field) }
            return date
        }
        let date = day(u.date, .date, "the update's date")
        if let last = earlier.last, let date, let lastDate = CalendarDate(iso: last.date), date < lastDate {
            add(
                .updateBeforeLast,
                "the update of '\(u.item)' is dated \(u.date), before its last update (\(last.date)): updates are added in order; correct a report with a new update dated \(last.date) or later",
                .date)
        }
        switch kind {
        case .indicator:
            if u.status != nil || u.percent != nil || !u.started.isEmpty || !u.completed.isEmpty {
                add(.inconsistentStatus, "'\(u.item)' is an indicator: it takes a measured value, not a status, percentage or dates", .status)
            }
            if !u.value.isEmpty && Double(u.value) == nil { add(.notANumber, "'\(u.value)' is not a number (the value of '\(u.item)')", .value) }
        case .milestone:
            if !u.value.isEmpty { add(.inconsistentStatus, "'\(u.item)' is a milestone: it takes a status and a percentage, not a measured value", .value) }
            milestoneProblems(u, earlier: earlier, add: add, day: day)
        }
        return problems
    }

    private static func milestoneProblems(
        _ u: TrackedPlan.Update, earlier: [TrackedPlan.Update], add: (TrackDiagnosticID, String, Field) -> Void,
        day: (String, Field, String) -> CalendarDate?
    ) {
        let status = u.status ?? earlier.last(where: { $0.status != nil })?.status ?? .notStarted
        if let p = u.percent {
            if status == .complete && p < 100 {
                add(.inconsistentStatus, "'\(u.item)' is complete but only \(p) % done: give 100 or choose another status", .percent)
            } else if status != .complete && status != .withdrawn && p == 100 {
                add(.inconsistentStatus, "'\(u.item)' is 100 % done but its status is '\(status.rawValue)': choose complete", .percent)
            } else if status == .notStarted && p > 0 {
                add(.inconsistentStatus, "'\(u.item)' has not started but is \(p) % done: choose the status that matches", .percent)
            }
        }
        let started = day(u.started, .started, "the actual start of '\(u.item)'")
        let completed = day(u.completed, .completed, "the actual end of '\(u.item)'")
        if completed != nil && status != .complete {
            add(.inconsistentStatus, "'\(u.item)' has an actual end date but its status is '\(status.rawValue)': choose complete, or leave the end date empty", .completed)
        }
        let startedBefore = started ?? earlier.last(where: { !$0.started.isEmpty }).flatMap { CalendarDate(iso: $0.started) }
        let completedNow = completed ?? (u.started.isEmpty ? nil : earlier.last(where: { !$0.completed.isEmpty }).flatMap { CalendarDate(iso: $0.completed) })
        if let s = startedBefore, let c = completedNow, c < s {
            add(
                .doneBeforeStart, "'\(u.item)' would end on \(c.iso), before it started (\(s.iso)): check both dates",
                completed != nil ? .completed : .started)
        }
        if status == .notStarted && (started != nil || completed != nil) {
            add(.inconsistentStatus, "'\(u.item)' has an actual start date but its status is not started: choose the status that matches", .status)
        }
    }

    /// Planned dates in order: a start after its due date is refused.
    public static func reversed(start: String, due: String) -> Bool {
        guard let s = CalendarDate(iso: start), let d = CalendarDate(iso: due) else { return false }
        return s > d
    }
}
