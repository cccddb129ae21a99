import Foundation
import TequioModel
import XMLSupport

/// The workshop's event (`<event>`): place, dates, organisers, donors, and each day's start and breaks,
/// checked against the units it names (the schema cannot see that a break follows a unit of its day).
extension ModuleBuilder {
    mutating func buildEvent(_ e: XMLElement, units: [ModuleUnit]) -> Event {
        let dates = e.element(named: "dates")
        let start = dates?.attribute("start")
        let end = dates?.attribute("end")
        if let start, let end, end < start, let dates {
            diagnostics.append(.error(ModuleDiagnosticID.eventDates, "the event ends (\(end)) before it starts (\(start))", at: dates.location))
        }
        return Event(
            place: optionalText(e, "place", what: "place of the event"),
            startDate: start, endDate: end,
            organisers: e.elements(named: "organiser").map { text($0, "name", what: "name of an organiser") },
            donors: e.elements(named: "donor").map { text($0, "name", what: "name of a donor") },
            days: buildEventDays(e, units: units))
    }

    private mutating func buildEventDays(_ e: XMLElement, units: [ModuleUnit]) -> [Event.Day] {
        // A unit without a day is on the day of the unit before it, as the agenda places it.
        var unitDays: [String: Int] = [:]
        var current = 1
        for unit in units {
            current = unit.day ?? current
            unitDays[unit.id] = unitDays[unit.id] ?? current
        }
        var days: [Event.Day] = []
        for d in e.elements(named: "day") {
            let number = Int(d.attribute("n") ?? "") ?? 0
            if days.contains(where: { $0.number == number }) {
                diagnostics.append(.error(ModuleDiagnosticID.eventDay, "day \(number) of the event is given twice", at: d.location))
                continue
            }
            if !unitDays.values.contains(number) {
                diagnostics.append(.error(ModuleDiagnosticID.eventDay, "no unit is on day \(number) of the event", at: d.location))
            }
            var breaks: [Event.Break] = []
            for b in d.elements(named: "break") {
                let after = b.attribute("after") ?? ""
                switch unitDays[after] {
                case nil:
                    diagnostics.append(.error(ModuleDiagnosticID.eventBreak, "the break follows unit '\(after)', which does not exist", at: b.location))
                case let day? where day != number:
                    diagnostics.append(
                        .error(ModuleDiagnosticID.eventBreak, "the break on day \(number) follows unit '\(after)', which is on day \(day)", at: b.location))
                default:
                    breaks.append(
                        .init(afterUnit: after, minutes: Int(b.attribute("minutes") ?? "") ?? 0, kind: Event.Break.Kind(rawValue: b.attribute("kind") ?? "") ?? .break))
                }
            }
            days.append(.init(number: number, start: d.attribute("start").flatMap(Self.minutesOfDay), breaks: breaks))
        }
        return days
    }

    /// "09:30" → 570; the schema has checked the form.
    static func minutesOfDay(_ clock: String) -> Int? {
        let parts = clock.split(separator: ":").compactMap { Int($0) }
        return parts.count == 2 ? parts[0] * 60 + parts[1] : nil
    }
}
