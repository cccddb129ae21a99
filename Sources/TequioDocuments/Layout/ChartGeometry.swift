import TequioModel

/// Places a `DocumentLayout.SpreadChart` in a given width: plan labels on the left (wrapped), the bars on
/// the scale with gridlines at its whole numbers, each bar's value in a column on the right, the
/// scale's numbers and title below, then the legend. Text widths are estimated from the character
/// count (the emitters do not measure), generously, so that labels fit in every format.
enum ChartGeometry {
    static let fontSize = 8.0
    static var lineHeight: Double { Figure.TextStyle(size: fontSize).lineHeight }
    static let barHeight = 12.0
    static let pointRadius = 2.4
    static let valueWidth = 34.0
    static let maxLabelLines = 3

    static func figure(_ chart: DocumentLayout.SpreadChart, width: Double, colours: Branding.Colours) -> Figure {
        let ink = Figure.Stroke(colours.text, width: 1.2)
        let outline = Figure.Stroke(colours.primary, width: 0.75)
        let grid = Figure.Stroke(Branding.Colour("BFBFBF")!, width: 0.5)
        var shapes: [Figure.Shape] = []

        let longest = chart.bars.map { estimatedWidth($0.label) }.max() ?? 0
        let labelWidth = min(width * 0.36, max(40, longest + 2))
        let plotLeft = labelWidth + 8
        let plotRight = width - valueWidth - 6
        let low = chart.scale.lowerBound
        let span = max(chart.scale.upperBound - low, 1)
        func x(_ value: Double) -> Double { plotLeft + (min(max(value, low), chart.scale.upperBound) - low) / span * (plotRight - plotLeft) }

        let rows = chart.bars.map { wrap($0.label, width: labelWidth) }
        let heights = rows.map { max(22, Double($0.count) * lineHeight + 8) }
        let plotTop = 4.0
        let plotBottom = plotTop + heights.reduce(0, +)
        for tick in ticks(chart.scale) {
            let tx = x(tick)
            shapes.append(.line(x1: tx, y1: plotTop, x2: tx, y2: plotBottom, stroke: tick == low ? Figure.Stroke(colours.text, width: 0.75) : grid))
        }
        var top = plotTop
        for (i, bar) in chart.bars.enumerated() {
            let middle = top + heights[i] / 2
            shapes.append(.text(x: 0, y: top, width: labelWidth, height: heights[i], lines: rows[i], style: text(.end)))
            let end = x(bar.value)
            if end > plotLeft + 0.1 {
                shapes.append(.rect(x: plotLeft, y: middle - barHeight / 2, width: end - plotLeft, height: barHeight, fill: paint(bar.fill, colours), stroke: outline))
            }
            if let range = bar.range {
                let (a, b) = (x(range.lowerBound), x(range.upperBound))
                if b - a > 0.1 { shapes.append(.line(x1: a, y1: middle, x2: b, y2: middle, stroke: ink)) }
                for edge in [a, b] { shapes.append(.line(x1: edge, y1: middle - 4, x2: edge, y2: middle + 4, stroke: ink)) }
            }
            for (px, offset) in pointOffsets(bar.points.map(x)) {
                shapes.append(.dot(x: px, y: middle + offset, radius: pointRadius, fill: .solid(.white), stroke: Figure.Stroke(colours.text, width: 0.75)))
            }
            shapes.append(.text(x: plotRight + 6, y: top, width: valueWidth, height: heights[i], lines: [bar.valueText], style: text(.start)))
            top += heights[i]
        }
        for tick in ticks(chart.scale) {
            shapes.append(.text(x: x(tick) - 15, y: plotBottom + 2, width: 30, height: lineHeight, lines: [number(tick)], style: text(.center)))
        }
        var y = plotBottom + 2 + lineHeight
        let titleLines = wrap(chart.axisTitle, width: plotRight - plotLeft)
        shapes.append(.text(x: plotLeft, y: y, width: plotRight - plotLeft, height: Double(titleLines.count) * lineHeight, lines: titleLines, style: text(.center)))
        y += Double(titleLines.count) * lineHeight + 8
        y = legend(chart.legend, top: y, width: width, colours: colours, into: &shapes)
        return Figure(width: width, height: y, title: chart.title, description: chart.alternativeText, shapes: shapes, textColour: colours.text)
    }

    /// The legend's entries left to right, on as many rows as they need; returns the bottom.
    private static func legend(_ entries: [DocumentLayout.SpreadChart.LegendEntry], top: Double, width: Double, colours: Branding.Colours, into shapes: inout [Figure.Shape]) -> Double {
        guard !entries.isEmpty else { return top }
        let symbolWidth = 16.0
        var (x, y) = (0.0, top)
        for entry in entries {
            let textWidth = min(estimatedWidth(entry.text) + 2, width - symbolWidth - 4)
            if x > 0 && x + symbolWidth + 4 + textWidth > width {
                x = 0
                y += lineHeight + 4
            }
            let middle = y + lineHeight / 2
            switch entry.symbol {
            case .bar(let fill):
                shapes.append(.rect(x: x, y: middle - 4, width: symbolWidth, height: 8, fill: paint(fill, colours), stroke: Figure.Stroke(colours.primary, width: 0.75)))
            case .range:
                let ink = Figure.Stroke(colours.text, width: 1.2)
                shapes.append(.line(x1: x + 1, y1: middle, x2: x + symbolWidth - 1, y2: middle, stroke: ink))
                shapes.append(.line(x1: x + 1, y1: middle - 4, x2: x + 1, y2: middle + 4, stroke: ink))
                shapes.append(.line(x1: x + symbolWidth - 1, y1: middle - 4, x2: x + symbolWidth - 1, y2: middle + 4, stroke: ink))
            case .point:
                shapes.append(.dot(x: x + symbolWidth / 2, y: middle, radius: pointRadius, fill: .solid(.white), stroke: Figure.Stroke(colours.text, width: 0.75)))
            }
            shapes.append(.text(x: x + symbolWidth + 4, y: y, width: textWidth, height: lineHeight, lines: [entry.text], style: text(.start)))
            x += symbolWidth + 4 + textWidth + 12
        }
        return y + lineHeight + 2
    }

    static func paint(_ fill: DocumentLayout.SpreadChart.Fill, _ colours: Branding.Colours) -> Figure.Paint {
        switch fill {
        case .solid: .solid(colours.primary)
        case .hatched: .hatched(colours.primary)
        case .light: .solid(Branding.Colour("D9D9D9")!)
        }
    }

    /// The scale's whole numbers, at most about ten of them.
    static func ticks(_ scale: ClosedRange<Double>) -> [Double] {
        let first = scale.lowerBound.rounded(.up)
        let step = max(1, ((scale.upperBound - first) / 10).rounded(.up))
        return Array(stride(from: first, through: scale.upperBound, by: step))
    }

    /// Points that fall on the same place are drawn one above the other, alternately.
    static func pointOffsets(_ xs: [Double]) -> [(Double, Double)] {
        var placed: [(Double, Double)] = []
        for px in xs.sorted() {
            let same = placed.filter { abs($0.0 - px) < pointRadius * 1.5 }.count
            let step = (pointRadius * 2 + 0.6) * Double((same + 1) / 2)
            placed.append((px, same % 2 == 1 ? -step : step))
        }
        return placed
    }

    private static func text(_ alignment: Figure.Alignment) -> Figure.TextStyle { Figure.TextStyle(size: fontSize, alignment: alignment) }

    static func number(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }

    /// A generous estimate of the width of `text` at the chart's size.
    static func estimatedWidth(_ text: String) -> Double { TextWidthEstimate.width(text, size: fontSize) }

    /// Words to lines of at most `width` points; a word longer than a line stands alone. More lines
    /// than `maxLabelLines` end the last one with "…".
    static func wrap(_ text: String, width: Double) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let candidate = line.isEmpty ? word : "\(line) \(word)"
            if !line.isEmpty && estimatedWidth(candidate) > width {
                lines.append(line)
                line = word
            } else {
                line = candidate
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        if lines.count > maxLabelLines {
            lines = Array(lines.prefix(maxLabelLines))
            lines[maxLabelLines - 1] += "…"
        }
        return lines
    }
}
