import Foundation
import PDFSupport
import TequioModel

/// A layout's chart measured for the PDF: every label laid out by pango and every bar, line and slice
/// placed, in points from the chart's top left corner. Drawn by cairo as vector paths, so it prints
/// sharp at any size; no label is smaller than 8 points.
final class PDFChart {
    /// Colours in order of lightness, so that a grey-scale copy still tells the series apart.
    static let palette = ["1F4E79", "5B9BD5", "B4D3EE", "C55A11", "F4B183", "548235"].map { RGB(hex: $0) }
    static let labelSize = 8.5
    static let tickSize = 8.0

    enum Mark {
        case box(x: Double, y: Double, width: Double, height: Double, colour: RGB)
        case rule(from: (x: Double, y: Double), to: (x: Double, y: Double), thickness: Double, colour: RGB)
        case text(TextBlock, x: Double, y: Double)
        case line([(x: Double, y: Double)], colour: RGB)
        case dot(x: Double, y: Double, radius: Double, colour: RGB)
        case slice(centre: (x: Double, y: Double), radius: Double, from: Double, to: Double, colour: RGB)
    }

    struct Look {
        var font: String
        var ink: RGB
        var muted: RGB
        var grid: RGB
    }

    let width: Double
    private(set) var height = 0.0
    private(set) var marks: [Mark] = []
    private let engine: TextEngine
    private let look: Look

    init(_ chart: DocumentLayout.Chart, width: Double, engine: TextEngine, look: Look) {
        self.width = width
        self.engine = engine
        self.look = look
        let values = chart.categories.indices.map { i in
            chart.series.indices.map { s in
                let v = i < chart.values.count && s < chart.values[i].count ? chart.values[i][s] : 0
                return v.isFinite ? max(0, v) : 0
            }
        }
        guard !chart.categories.isEmpty, !chart.series.isEmpty else { return }
        switch chart.kind {
        case .bars: bars(chart.categories, chart.series, values, stacked: false)
        case .stackedBars: bars(chart.categories, chart.series, values, stacked: true)
        case .line: line(chart.categories, chart.series, values)
        case .pie: pie(chart.categories, values.map { $0[0] })
        }
    }

    func draw(on canvas: PDFCanvas, x: Double, y: Double) {
        for mark in marks {
            switch mark {
            case .box(let bx, let by, let w, let h, let colour): canvas.fill(x: x + bx, y: y + by, width: w, height: h, colour: colour)
            case .rule(let from, let to, let thickness, let colour):
                canvas.line(from: (x + from.x, y + from.y), to: (x + to.x, y + to.y), width: thickness, colour: colour)
            case .text(let block, let tx, let ty): canvas.draw(block, x: x + tx, y: y + ty)
            case .line(let points, let colour): canvas.polyline(points.map { (x + $0.x, y + $0.y) }, width: 1.6, colour: colour)
            case .dot(let dx, let dy, let radius, let colour): canvas.dot(x: x + dx, y: y + dy, radius: radius, colour: colour)
            case .slice(let centre, let radius, let from, let to, let colour):
                canvas.sector(centre: (x + centre.x, y + centre.y), radius: radius, from: from, to: to, colour: colour)
            }
        }
    }

    // MARK: - Text

    private func text(_ s: String, width: Double, size: Double = labelSize, colour: RGB? = nil, alignment: TextAlignment = .start) -> TextBlock {
        TextBlock(engine, runs: [TextRun(s, RunStyle(font: FontSpec(family: look.font, size: size), colour: colour ?? look.ink))], width: width, alignment: alignment)
    }

    /// The widest line of a block.
    private static func inkWidth(_ block: TextBlock) -> Double {
        block.lines.indices.map { block.extent(ofLine: $0).width }.max() ?? 0
    }

    static func colour(_ index: Int) -> RGB { palette[index % palette.count] }

    /// A value as people write it: no decimals when it is whole, else one.

    /// A round axis maximum and step for values up to `max`.
    static func axis(_ max: Double) -> (top: Double, step: Double) {
        guard max > 0 else { return (1, 0.2) }
        let raw = max / 5
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        return (ceil(max / step) * step, step)
    }

    /// The series' swatches and names in rows across the width, from `top`; returns the bottom.
    private func legend(_ labels: [String], top: Double) -> Double {
        var x = 0.0
        var y = top
        var rowHeight = 0.0
        for (i, label) in labels.enumerated() {
            let block = text(label, width: width - 14)
            let itemWidth = 14 + Self.inkWidth(block)
            if x > 0 && x + itemWidth > width {
                x = 0
                y += rowHeight + 3
                rowHeight = 0
            }
            let swatchTop = y + block.lines[0].baseline - 8
            marks.append(.box(x: x, y: swatchTop, width: 9, height: 9, colour: Self.colour(i)))
            marks.append(.text(block, x: x + 14, y: y))
            rowHeight = max(rowHeight, block.height)
            x += itemWidth + 16
        }
        return y + rowHeight
    }

    // MARK: - Bars

    private func bars(_ categories: [String], _ series: [String], _ values: [[Double]], stacked: Bool) {
        var top = series.count > 1 ? legend(series, top: 0) + 8 : 0
        let wrap = width * 0.36
        let labels = categories.map { text($0, width: wrap, alignment: .end) }
        let labelWidth = min(wrap, labels.map(Self.inkWidth).max() ?? 0)
        let left = labelWidth + 6
        let plot = width - left - (stacked ? 4 : 24)
        let bar = stacked || series.count == 1 ? 11.0 : 8.5
        let group = stacked ? bar : bar * Double(series.count)
        let gap = 6.0
        let maximum = stacked ? values.map { $0.reduce(0, +) }.max() ?? 0 : values.flatMap { $0 }.max() ?? 0
        let (axisTop, step) = Self.axis(maximum)
        let plotTop = top
        for (i, label) in labels.enumerated() {
            let row = max(group, label.height)
            let groupTop = top + gap / 2 + (row - group) / 2
            marks.append(.text(label, x: left - 6 - wrap, y: top + gap / 2 + (row - label.height) / 2))
            var x0 = left
            for (s, value) in values[i].enumerated() {
                let w = plot * value / axisTop
                let colour = Self.colour(s)
                let value = text(value.oneDecimal, width: 60, size: Self.tickSize)
                let valueWidth = Self.inkWidth(value)
                if stacked {
                    marks.append(.box(x: x0, y: groupTop, width: w, height: bar, colour: colour))
                    if w > valueWidth + 4 {
                        let ink = colour.luminance < 0.5 ? RGB(hex: "FFFFFF") : look.ink
                        let inside = text(values[i][s].oneDecimal, width: 60, size: Self.tickSize, colour: ink)
                        marks.append(.text(inside, x: x0 + (w - valueWidth) / 2, y: groupTop + (bar - inside.height) / 2))
                    }
                    x0 += w
                } else {
                    let by = groupTop + Double(s) * bar
                    marks.append(.box(x: left, y: by, width: w, height: bar - 1.2, colour: colour))
                    marks.append(.text(value, x: left + w + 3, y: by + (bar - 1.2 - value.height) / 2))
                }
            }
            top += row + gap
        }
        ticks(left: left, plot: plot, top: plotTop, bottom: top, axisTop: axisTop, step: step)
    }

    /// Vertical grid lines with their values under the plot, and the axis at its left edge.
    private func ticks(left: Double, plot: Double, top: Double, bottom: Double, axisTop: Double, step: Double) {
        var tick = 0.0
        var labelBottom = bottom
        var grid: [Mark] = []
        while tick <= axisTop + step / 2 {
            let x = left + plot * tick / axisTop
            grid.append(.rule(from: (x, top), to: (x, bottom), thickness: 0.4, colour: look.grid))
            let label = text(tick.oneDecimal, width: 60, size: Self.tickSize, colour: look.muted)
            marks.append(.text(label, x: x - Self.inkWidth(label) / 2, y: bottom + 2))
            labelBottom = bottom + 2 + label.height
            tick += step
        }
        marks.insert(contentsOf: grid, at: 0)
        marks.append(.rule(from: (left, top), to: (left, bottom), thickness: 0.7, colour: look.muted))
        height = labelBottom
    }

    // MARK: - Lines

    private func line(_ categories: [String], _ series: [String], _ values: [[Double]]) {
        let top = legend(series, top: 0) + 8
        let (axisTop, step) = Self.axis(values.flatMap { $0 }.max() ?? 0)
        let tickLabels = stride(from: 0.0, through: axisTop + step / 2, by: step).map { ($0, text(($0).oneDecimal, width: 60, size: Self.tickSize, colour: look.muted)) }
        let left = (tickLabels.map { Self.inkWidth($0.1) }.max() ?? 0) + 6
        let plotHeight = 150.0
        let dx = categories.count > 1 ? (width - left - 30) / Double(categories.count - 1) : 0
        let plotLeft = left + 15
        func y(_ v: Double) -> Double { top + plotHeight - plotHeight * v / axisTop }
        for (tick, label) in tickLabels {
            marks.append(.rule(from: (left, y(tick)), to: (width, y(tick)), thickness: 0.4, colour: look.grid))
            marks.append(.text(label, x: left - 4 - Self.inkWidth(label), y: y(tick) - label.height / 2))
        }
        var bottom = top + plotHeight
        for (i, category) in categories.enumerated() {
            let room = max(30, dx - 4)
            let label = text(category, width: room, alignment: .center)
            marks.append(.text(label, x: plotLeft + Double(i) * dx - room / 2, y: top + plotHeight + 3))
            bottom = max(bottom, top + plotHeight + 3 + label.height)
        }
        for s in series.indices {
            let points = values.indices.map { (x: plotLeft + Double($0) * dx, y: y(values[$0][s])) }
            marks.append(.line(points, colour: Self.colour(s)))
            for p in points { marks.append(.dot(x: p.x, y: p.y, radius: 2.2, colour: Self.colour(s))) }
        }
        height = bottom
    }

    // MARK: - Pie

    private func pie(_ categories: [String], _ values: [Double]) {
        let total = values.reduce(0, +)
        guard total > 0 else { return }
        let radius = min(80, width * 0.2)
        var angle = -Double.pi / 2
        for (i, value) in values.enumerated() where value > 0 {
            let sweep = 2 * Double.pi * value / total
            marks.append(.slice(centre: (radius, radius), radius: radius, from: angle, to: angle + sweep, colour: Self.colour(i)))
            angle += sweep
        }
        var y = 0.0
        let x = 2 * radius + 24
        for (i, category) in categories.enumerated() {
            let share = String(format: "%.0f", locale: nil, values[i] / total * 100)
            let block = text("\(category) — \(values[i].oneDecimal) (\(share) %)", width: width - x - 14)
            marks.append(.box(x: x, y: y + block.lines[0].baseline - 8, width: 9, height: 9, colour: Self.colour(i)))
            marks.append(.text(block, x: x + 14, y: y))
            y += block.height + 4
        }
        height = max(2 * radius, y)
    }
}

extension RGB {
    /// Relative lightness from 0 (black) to 1 (white), to choose the ink of a label on a colour.
    var luminance: Double { 0.2126 * red + 0.7152 * green + 0.0722 * blue }
}
