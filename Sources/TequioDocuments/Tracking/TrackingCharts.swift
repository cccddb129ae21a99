import TequioModel

/// The charts of a progress report as `Figure`s, in points, for a text column of 440 pt: a progress bar,
/// a commitment's milestone timeline (planned against actual, overdue marked, the report's date as a
/// vertical line), its indicators against their targets, and the plans' commitments by status. Every
/// grey is named in a legend or a label, so the charts read the same in black and white.
struct TrackingCharts {
    let words: TrackingWords
    let asOf: CalendarDate
    static let width = 440.0
    typealias Shape = Figure.Shape

    /// The five greys of the charts: what a grey means is always also written in words (a legend, a
    /// label), and the charts read the same printed in black and white.
    enum Grey {
        static let white = Branding.Colour.white
        static let light = Branding.Colour("D9D9D9")!
        static let medium = Branding.Colour("A6A6A6")!
        static let dark = Branding.Colour("595959")!
        static let black = Branding.Colour.black
    }

    static let outline = Figure.Stroke(.black, width: 0.75)

    /// `[██████░░░░░░] 40 % · Limitado`
    func progressBar(_ percent: Int, _ status: TrackedPlan.Status) -> Figure {
        let w = 260.0
        let text = "\(words.percent(percent)) · \(words.status(status))"
        return Figure(
            width: Self.width, height: 16, description: words.progressText(percent, status),
            shapes: [
                .rect(x: 0.5, y: 2, width: w, height: 12, fill: .solid(Grey.white), stroke: nil),
                .rect(x: 0.5, y: 2, width: w * Double(min(100, max(0, percent))) / 100, height: 12, fill: .solid(Grey.dark), stroke: nil),
                .rect(x: 0.5, y: 2, width: w, height: 12, fill: .none, stroke: Self.outline),
                .text(x: w + 8, y: 2.5, width: Self.width - w - 8, height: 9 * 1.4, lines: [text], style: Figure.TextStyle(size: 9, bold: true)),
            ])
    }

    /// A Gantt chart of one commitment's milestones; nil when none has a date yet.
    func timeline(_ c: TrackingProgress.CommitmentState) -> Figure? {
        let states = c.milestones
        var days: [Int] = []
        for m in states {
            for text in [m.milestone.start, m.milestone.due, m.started, m.completed] {
                if let d = CalendarDate(iso: text) { days.append(d.dayNumber) }
            }
        }
        guard !days.isEmpty else { return nil }
        days.append(asOf.dayNumber)
        let first = CalendarDate(dayNumber: days.min()!)
        let lastDay = CalendarDate(dayNumber: days.max()!)
        let lo = CalendarDate(year: first.year, month: first.month, day: 1).dayNumber
        let hi = CalendarDate(year: lastDay.year, month: lastDay.month, day: CalendarDate.days(in: lastDay.month, of: lastDay.year)).dayNumber + 1
        let (x0, x1, top, rowH) = (34.0, Self.width - 4, 16.0, 14.0)
        func x(_ day: Int) -> Double { x0 + (x1 - x0) * Double(day - lo) / Double(max(1, hi - lo)) }
        let bottom = top + rowH * Double(states.count)
        var shapes: [Shape] = []
        // Months: a light rule at each first day, named when there is room.
        var month = CalendarDate(dayNumber: lo)
        var months: [CalendarDate] = []
        while month.dayNumber < hi {
            months.append(month)
            month = month.month == 12 ? CalendarDate(year: month.year + 1, month: 1, day: 1) : CalendarDate(year: month.year, month: month.month + 1, day: 1)
        }
        let step = months.count <= 14 ? 1 : months.count <= 28 ? 3 : 12
        for (i, m) in months.enumerated() {
            shapes.append(.line(x1: x(m.dayNumber), y1: top - 3, x2: x(m.dayNumber), y2: bottom, stroke: Figure.Stroke(Grey.light, width: 0.5)))
            guard (m.month - 1) % step == 0 else { continue }
            let label = i == 0 || m.month == 1 ? "\(words.shortMonth(m.month)) \(m.year % 100 < 10 ? "0" : "")\(m.year % 100)" : words.shortMonth(m.month)
            shapes.append(.text(x: x(m.dayNumber) + 1.5, y: 1, width: 40, height: 7 * 1.4, lines: [label], style: Figure.TextStyle(size: 7, bold: false)))
        }
        var overdue = 0
        for (i, m) in states.enumerated() {
            let y = top + rowH * Double(i)
            shapes.append(.text(x: 0, y: y + 2, width: x0 - 4, height: 8 * 1.4, lines: [Self.code(m.milestone.id) + (m.overdue ? " !" : "")], style: Figure.TextStyle(size: 8, bold: true)))
            let start = CalendarDate(iso: m.milestone.start)?.dayNumber
            let due = CalendarDate(iso: m.milestone.due)?.dayNumber
            if let start, let due {
                shapes.append(.rect(x: x(start), y: y + 2, width: max(2, x(due) - x(start)), height: rowH - 4, fill: .solid(Grey.light), stroke: Self.outline))
            } else if let day = due ?? start {
                shapes.append(.diamond(x: x(day), y: y + rowH / 2, size: 7, fill: .solid(Grey.white), stroke: Self.outline))
            }
            if let started = CalendarDate(iso: m.started)?.dayNumber {
                let done = m.status == .complete
                let end = CalendarDate(iso: m.completed)?.dayNumber ?? (done ? started : max(started, asOf.dayNumber))
                shapes.append(.rect(x: x(started), y: y + 5, width: max(1.5, x(end) - x(started)), height: rowH - 10, fill: .solid(done ? Grey.black : Grey.dark), stroke: nil))
            }
            if m.overdue, let due {
                overdue += 1
                shapes.append(.diamond(x: x(due), y: y + rowH / 2, size: 8, fill: .solid(Grey.black), stroke: Self.outline))
            }
        }
        shapes.append(.line(x1: x(asOf.dayNumber), y1: top - 4, x2: x(asOf.dayNumber), y2: bottom + 2, stroke: Figure.Stroke(Grey.black, width: 1.25)))
        shapes += legend(y: bottom + 6)
        let from = CalendarDate(dayNumber: lo).iso
        let to = CalendarDate(dayNumber: hi - 1).iso
        return Figure(
            width: Self.width, height: bottom + 22, description: words.timelineText(states.count, from, to, overdue), shapes: shapes)
    }

    private func legend(y: Double) -> [Shape] {
        var shapes: [Shape] = []
        var x = 0.0
        func key(_ swatch: Shape, _ text: String, _ width: Double) {
            shapes.append(swatch)
            shapes.append(.text(x: x + 14, y: y, width: width, height: 7 * 1.4, lines: [text], style: Figure.TextStyle(size: 7, bold: false)))
            x += 14 + width
        }
        key(.rect(x: x, y: y + 1, width: 10, height: 8, fill: .solid(Grey.light), stroke: Self.outline), words.legendPlanned, 62)
        key(.rect(x: x, y: y + 3, width: 10, height: 4, fill: .solid(Grey.dark), stroke: nil), words.legendOngoing, 62)
        key(.rect(x: x, y: y + 3, width: 10, height: 4, fill: .solid(Grey.black), stroke: nil), words.legendDone, 62)
        key(.diamond(x: x + 5, y: y + 5, size: 8, fill: .solid(Grey.black), stroke: Self.outline), "! \(words.overdueMark)", 56)
        key(.line(x1: x + 5, y1: y, x2: x + 5, y2: y + 10, stroke: Figure.Stroke(Grey.black, width: 1.25)), "\(words.legendAsOf) \(asOf.iso)", 110)
        return shapes
    }

    /// `G1`, `S2`, `R3`: an item's number within its commitment.
    static func code(_ id: String) -> String { String(id.split(separator: "-").last ?? "").uppercased() }

    /// Each indicator with a number for its baseline, target and value, as a bar from baseline to target;
    /// nil when none has all three.
    func indicators(_ c: TrackingProgress.CommitmentState) -> Figure? {
        let measured = c.indicators.filter { $0.progress != nil }
        guard !measured.isEmpty else { return nil }
        let (x0, w, rowH) = (34.0, 220.0, 16.0)
        var shapes: [Shape] = []
        var texts: [String] = []
        for (i, state) in measured.enumerated() {
            let y = rowH * Double(i)
            let i = state.indicator
            let unit = i.unit.isEmpty ? "" : " \(i.unit)"
            shapes.append(.text(x: 0, y: y + 3, width: x0 - 4, height: 8 * 1.4, lines: [Self.code(i.id)], style: Figure.TextStyle(size: 8, bold: true)))
            shapes.append(.rect(x: x0, y: y + 3, width: w, height: 10, fill: .solid(Grey.white), stroke: nil))
            shapes.append(.rect(x: x0, y: y + 3, width: w * (state.progress ?? 0), height: 10, fill: .solid(Grey.medium), stroke: nil))
            shapes.append(.rect(x: x0, y: y + 3, width: w, height: 10, fill: .none, stroke: Self.outline))
            shapes.append(.text(x: x0 + w + 8, y: y + 3, width: Self.width - x0 - w - 8, height: 8 * 1.4, lines: ["\(state.value) (\(i.baseline) → \(i.target)\(unit))"], style: Figure.TextStyle(size: 8, bold: false)))
            texts.append(words.indicatorText(Self.code(i.id), state.value + unit, i.baseline, i.target))
        }
        return Figure(width: Self.width, height: rowH * Double(measured.count) + 2, description: texts.joined(separator: "; "), shapes: shapes)
    }

    /// The plans' commitments by status, one bar per plan (at most `perChart` plans per drawing).
    func statusCharts(_ plans: [TrackingProgress], perChart: Int = 30) -> [Figure] {
        let order: [(TrackedPlan.Status, Branding.Colour)] = [
            (.complete, Grey.black), (.substantial, Grey.dark), (.limited, Grey.medium), (.notStarted, Grey.white), (.withdrawn, Grey.light),
        ]
        let (labelW, barW, rowH) = (150.0, 220.0, 15.0)
        return stride(from: 0, to: plans.count, by: perChart).map { start in
            let chunk = plans[start..<min(plans.count, start + perChart)]
            var shapes: [Shape] = []
            for (i, p) in chunk.enumerated() {
                let y = rowH * Double(i)
                let name = p.plan.displayName.count > 32 ? String(p.plan.displayName.prefix(31)) + "…" : p.plan.displayName
                shapes.append(.text(x: 0, y: y + 2, width: labelW - 4, height: 8 * 1.4, lines: [name], style: Figure.TextStyle(size: 8, bold: false)))
                let total = max(1, p.commitments.count)
                var x = labelW
                for (status, ink) in order {
                    let w = barW * Double(p.count(status)) / Double(total)
                    if w > 0 { shapes.append(.rect(x: x, y: y + 2, width: w, height: 10, fill: .solid(ink), stroke: Self.outline)) }
                    x += w
                }
                if p.commitments.isEmpty { shapes.append(.rect(x: labelW, y: y + 2, width: barW, height: 10, fill: .none, stroke: Self.outline)) }
                shapes.append(.text(x: labelW + barW + 6, y: y + 2, width: 60, height: 8 * 1.4, lines: [words.percent(p.percent)], style: Figure.TextStyle(size: 8, bold: true)))
            }
            let y = rowH * Double(chunk.count) + 6
            var x = 0.0
            for (status, ink) in order {
                shapes.append(.rect(x: x, y: y + 1, width: 10, height: 8, fill: .solid(ink), stroke: Self.outline))
                shapes.append(.text(x: x + 13, y: y, width: 70, height: 7 * 1.4, lines: [words.status(status)], style: Figure.TextStyle(size: 7, bold: false)))
                x += 86
            }
            return Figure(width: Self.width, height: y + 14, description: words.statusChartText, shapes: shapes)
        }
    }
}
