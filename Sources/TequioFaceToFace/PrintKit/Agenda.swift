import TequioModel

/// The workshop's timetable: each day from its start (the module's `<event>`, else 9:00), its units in
/// order with the time of each of their blocks, and the event's breaks after the units it names.
///
/// Times are what a person writes on a programme: clocks rounded to 5 minutes, and the minutes a unit
/// leaves to its untimed blocks (talks, cases, findings) shared in steps of 5.
struct Agenda {
    struct Slot {
        let block: UnitBlock
        /// Minutes from midnight.
        let start: Int
        /// The block's own minutes or its share; nil when the unit's length is unknown.
        let minutes: Int?
    }

    struct UnitEntry {
        let index: Int
        let unit: ModuleUnit
        let day: Int
        let start: Int
        let minutes: Int
        let slots: [Slot]
    }

    enum Item {
        case unit(UnitEntry)
        case pause(Event.Break, start: Int)
    }

    struct Day {
        let number: Int
        let start: Int
        var items: [Item]
    }

    static let defaultStart = 9 * 60
    static let step = 5

    let days: [Day]
    /// Whether the module gives any break (else the guide says to add them).
    let hasBreaks: Bool

    init(_ module: Module) {
        let event = module.metadata.event
        var days: [Day] = []
        var clock = 0
        for (index, unit) in module.units.enumerated() {
            let number = unit.day ?? days.last?.number ?? 1
            if days.last?.number != number {
                let start = event?.day(number)?.start ?? Self.defaultStart
                days.append(Day(number: number, start: start, items: []))
                clock = start
            }
            let minutes = unit.minutes ?? Self.activityMinutes(unit)
            let entry = UnitEntry(index: index, unit: unit, day: number, start: clock, minutes: minutes, slots: Self.slots(unit, start: clock))
            days[days.count - 1].items.append(.unit(entry))
            clock += minutes
            for pause in event?.day(number)?.breaks ?? [] where pause.afterUnit == unit.id {
                days[days.count - 1].items.append(.pause(pause, start: clock))
                clock += pause.minutes
            }
        }
        self.days = days
        hasBreaks = !(event?.days.allSatisfy { $0.breaks.isEmpty } ?? true)
    }

    var units: [UnitEntry] {
        days.flatMap(\.items).compactMap { if case .unit(let u) = $0 { u } else { nil } }
    }

    static func activityMinutes(_ unit: ModuleUnit) -> Int {
        unit.blocks.reduce(0) { sum, block in
            if case .activity(let a) = block { return sum + (a.minutes ?? 0) }
            return sum
        }
    }

    /// Each block's start and minutes: activities keep theirs; the others share what is left of the
    /// unit in steps of 5 minutes, the earlier ones taking the odd steps.
    static func slots(_ unit: ModuleUnit, start: Int) -> [Slot] {
        let untimed = unit.blocks.filter { if case .activity(let a) = $0 { a.minutes == nil } else { true } }.count
        var shares: [Int]? = nil
        if let total = unit.minutes, untimed > 0 {
            let left = total - activityMinutes(unit)
            if left > 0 {
                let steps = left / step
                shares = (0..<untimed).map { i in (steps / untimed + (i < steps % untimed ? 1 : 0)) * step }
                shares![untimed - 1] += left % step
            }
        }
        var result: [Slot] = []
        var clock = start
        var shared = 0
        for block in unit.blocks {
            var minutes: Int?
            if case .activity(let a) = block, let own = a.minutes {
                minutes = own
            } else if let shares {
                minutes = shares[shared]
                shared += 1
            }
            result.append(Slot(block: block, start: clock, minutes: minutes))
            clock += minutes ?? 0
        }
        return result
    }

    /// Minutes after midnight to the nearest 5.
    static func rounded(_ minutes: Int) -> Int { (minutes + step / 2) / step * step }

    /// `9:05` from minutes after midnight, to the nearest 5 minutes.
    static func clock(_ minutes: Int) -> String {
        let r = rounded(minutes)
        return "\(r / 60):\(String(r % 60).leftPadded(to: 2))"
    }

    /// `9:00–10:30`.
    static func span(_ start: Int, _ minutes: Int) -> String { "\(clock(start))–\(clock(start + minutes))" }

    /// The minutes a programme shows for something that starts at `start`: the difference of its
    /// rounded clock times, so that the times and the minutes agree.
    static func shownMinutes(_ start: Int, _ minutes: Int) -> Int { rounded(start + minutes) - rounded(start) }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String { String(repeating: "0", count: max(0, length - count)) + self }
}
