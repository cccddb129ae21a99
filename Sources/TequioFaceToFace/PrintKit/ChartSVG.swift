import Foundation
import TequioModel
import TequioWriters

/// Draws a finding's chart as inline SVG for print: horizontal bars (grouped or stacked), a line
/// chart or a pie, with a legend, value labels and a text alternative. Colours keep their order in
/// lightness so that a grey-scale copy still tells the series apart.
enum ChartSVG {
    static let palette = ["#1f4e79", "#5b9bd5", "#b4d3ee", "#c55a11", "#f4b183", "#548235"]
    static let width = 640.0

    static func render(_ chart: Chart, dataset: Dataset, language: String, fallbacks: [String]) -> String? {
        guard let categoryIndex = dataset.columnIndex(chart.category) else { return nil }
        let series = chart.values.compactMap { id -> (label: String, index: Int)? in
            guard let i = dataset.columnIndex(id) else { return nil }
            return (dataset.columns[i].label.resolved(language, fallbacks: fallbacks) ?? id, i)
        }
        guard !series.isEmpty, !dataset.rows.isEmpty else { return nil }
        let categories = dataset.rows.map { $0.indices.contains(categoryIndex) ? $0[categoryIndex] : "" }
        let values = dataset.rows.map { row in
            series.map { s in row.indices.contains(s.index) ? Double(row[s.index].trimmingCharacters(in: .whitespaces)) ?? 0 : 0 }
        }
        let title = chart.title.resolved(language, fallbacks: fallbacks) ?? ""
        switch chart.type {
        case .bar: return bars(categories, series.map(\.label), values, title: title, stacked: false)
        case .stackedBar: return bars(categories, series.map(\.label), values, title: title, stacked: true)
        case .line: return line(categories, series.map(\.label), values, title: title)
        case .pie: return pie(categories, series[0].label, values.map { $0[0] }, title: title)
        }
    }

    private static func esc(_ s: String) -> String { HTMLText.escape(s) }
    private static func n(_ v: Double) -> String { String(format: "%.1f", v) }

    static func format(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v)
    }

    /// A round axis maximum and step for values up to `max`.
    static func axis(_ max: Double) -> (top: Double, step: Double) {
        guard max > 0 else { return (1, 0.2) }
        let raw = max / 5
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        return (ceil(max / step) * step, step)
    }

    private static func legend(_ labels: [String], y: inout Double) -> String {
        var out = ""
        for (i, label) in labels.enumerated() {
            out += "<rect x=\"0\" y=\"\(n(y - 9))\" width=\"11\" height=\"11\" fill=\"\(palette[i % palette.count])\"/>"
            out += "<text x=\"17\" y=\"\(n(y))\" class=\"legend\">\(esc(label))</text>"
            y += 17
        }
        return out
    }

    private static func open(_ height: Double, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height.rounded(.up)))\" role=\"img\" aria-label=\"\(esc(title))\"><title>\(esc(title))</title>"
    }

    static func bars(_ categories: [String], _ labels: [String], _ values: [[Double]], title: String, stacked: Bool) -> String {
        let left = 200.0
        let right = 40.0
        let plot = width - left - right
        let bar = stacked || labels.count == 1 ? 15.0 : 10.0
        let group = stacked ? bar : bar * Double(labels.count)
        let gap = 9.0
        var y = 14.0
        var body = labels.count > 1 ? legend(labels, y: &y) : ""
        y += 4
        let top = y
        let maximum = stacked ? values.map { $0.reduce(0, +) }.max() ?? 0 : values.flatMap { $0 }.max() ?? 0
        let (axisTop, step) = axis(maximum)
        let plotHeight = Double(categories.count) * (group + gap)
        // Grid and axis labels.
        var tick = 0.0
        while tick <= axisTop + step / 2 {
            let x = left + plot * tick / axisTop
            body += "<line x1=\"\(n(x))\" y1=\"\(n(top))\" x2=\"\(n(x))\" y2=\"\(n(top + plotHeight))\" class=\"grid\"/>"
            body += "<text x=\"\(n(x))\" y=\"\(n(top + plotHeight + 13))\" class=\"tick\" text-anchor=\"middle\">\(format(tick))</text>"
            tick += step
        }
        for (i, category) in categories.enumerated() {
            let gy = top + Double(i) * (group + gap) + gap / 2
            body += "<text x=\"\(n(left - 8))\" y=\"\(n(gy + group / 2 + 3.5))\" class=\"category\" text-anchor=\"end\">\(esc(category))</text>"
            var x0 = left
            for (s, value) in values[i].enumerated() {
                let w = plot * value / axisTop
                let colour = palette[s % palette.count]
                if stacked {
                    body += "<rect x=\"\(n(x0))\" y=\"\(n(gy))\" width=\"\(n(w))\" height=\"\(n(bar))\" fill=\"\(colour)\"/>"
                    if w > 22 {
                        let ink = s % palette.count < 1 ? "#ffffff" : "#1d2733"
                        body += "<text x=\"\(n(x0 + w / 2))\" y=\"\(n(gy + bar / 2 + 3.5))\" class=\"value\" fill=\"\(ink)\" text-anchor=\"middle\">\(format(value))</text>"
                    }
                    x0 += w
                } else {
                    let by = gy + Double(s) * bar
                    body += "<rect x=\"\(n(left))\" y=\"\(n(by))\" width=\"\(n(w))\" height=\"\(n(bar - 1.5))\" fill=\"\(colour)\"/>"
                    body += "<text x=\"\(n(left + w + 4))\" y=\"\(n(by + bar / 2 + 2.5))\" class=\"value\">\(format(value))</text>"
                }
            }
        }
        body += "<line x1=\"\(n(left))\" y1=\"\(n(top))\" x2=\"\(n(left))\" y2=\"\(n(top + plotHeight))\" class=\"axis\"/>"
        return open(top + plotHeight + 20, title: title) + body + "</svg>"
    }

    static func line(_ categories: [String], _ labels: [String], _ values: [[Double]], title: String) -> String {
        let left = 44.0
        let right = 20.0
        var y = 14.0
        var body = legend(labels, y: &y)
        let top = y + 6
        let plotHeight = 220.0
        let plot = width - left - right
        let (axisTop, step) = axis(values.flatMap { $0 }.max() ?? 0)
        var tick = 0.0
        while tick <= axisTop + step / 2 {
            let ty = top + plotHeight - plotHeight * tick / axisTop
            body += "<line x1=\"\(n(left))\" y1=\"\(n(ty))\" x2=\"\(n(left + plot))\" y2=\"\(n(ty))\" class=\"grid\"/>"
            body += "<text x=\"\(n(left - 6))\" y=\"\(n(ty + 3))\" class=\"tick\" text-anchor=\"end\">\(format(tick))</text>"
            tick += step
        }
        let dx = categories.count > 1 ? plot / Double(categories.count - 1) : 0
        for (i, category) in categories.enumerated() {
            let x = left + Double(i) * dx
            body += "<text transform=\"translate(\(n(x)) \(n(top + plotHeight + 12))) rotate(30)\" class=\"category\">\(esc(category))</text>"
        }
        for s in labels.indices {
            let points = values.enumerated().map { i, row in
                "\(n(left + Double(i) * dx)),\(n(top + plotHeight - plotHeight * row[s] / axisTop))"
            }
            let colour = palette[s % palette.count]
            body += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.2\"/>"
            for p in points {
                let xy = p.split(separator: ",")
                body += "<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"3\" fill=\"\(colour)\"/>"
            }
        }
        let longest = Double(categories.map(\.count).max() ?? 0)
        return open(top + plotHeight + 20 + longest * 3.2, title: title) + body + "</svg>"
    }

    static func pie(_ categories: [String], _ label: String, _ values: [Double], title: String) -> String {
        let total = values.reduce(0, +)
        guard total > 0 else { return open(20, title: title) + "</svg>" }
        let r = 100.0
        let cx = 120.0
        let cy = 120.0
        var body = ""
        var angle = -Double.pi / 2
        for (i, value) in values.enumerated() {
            let sweep = 2 * Double.pi * value / total
            let colour = palette[i % palette.count]
            if sweep >= 2 * Double.pi - 0.0001 {
                body += "<circle cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"\(n(r))\" fill=\"\(colour)\"/>"
            } else if sweep > 0 {
                let x1 = cx + r * cos(angle)
                let y1 = cy + r * sin(angle)
                let x2 = cx + r * cos(angle + sweep)
                let y2 = cy + r * sin(angle + sweep)
                body += "<path d=\"M\(n(cx)),\(n(cy)) L\(n(x1)),\(n(y1)) A\(n(r)),\(n(r)) 0 \(sweep > Double.pi ? 1 : 0) 1 \(n(x2)),\(n(y2)) Z\" fill=\"\(colour)\" stroke=\"#ffffff\" stroke-width=\"1\"/>"
            }
            angle += sweep
        }
        var y = 30.0
        for (i, category) in categories.enumerated() {
            let share = values[i] / total * 100
            body += "<rect x=\"260\" y=\"\(n(y - 9))\" width=\"11\" height=\"11\" fill=\"\(palette[i % palette.count])\"/>"
            body += "<text x=\"277\" y=\"\(n(y))\" class=\"legend\">\(esc(category)) — \(format(values[i])) (\(String(format: "%.0f", share)) %)</text>"
            y += 17
        }
        return open(max(250, y), title: title) + body + "</svg>"
    }
}
