import Foundation
import TequioModel

/// A chart as inline SVG in the HTML document: a figure whose `svg` is an image named by its `title`
/// and described by its `desc` (the text alternative, figure by figure), scaled to the text width. No
/// script, no style attribute; every text escaped.
enum SVGChart {
    /// Points of the drawing: the width of an A4 page's text, scaled by the browser to the column.
    static let width = 460.0

    /// - Parameters:
    ///   - number: the chart's place in the document, for unique ids.
    ///   - classes: the figure's class attribute (` class="chart break"`).
    static func markup(_ chart: DocumentLayout.SpreadChart, number: Int, classes: String, branding: Branding, out: HTMLOutput) -> String {
        let d = ChartGeometry.drawing(chart, width: width, colours: branding.colours)
        let id = "tq-chart-\(number)"
        var s = "<figure\(classes)>\n"
        s += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(d.width)) \(n(d.height))\" width=\"100%\" role=\"img\""
        s += " aria-labelledby=\"\(id)-title \(id)-desc\" font-family=\"\(out.attr(HTMLDocumentWriter.fontList(branding.fonts.htmlBody)))\""
        s += " font-size=\"\(n(d.fontSize))\" fill=\"\(d.textColour.css)\">\n"
        s += "<title id=\"\(id)-title\">\(out.text(chart.title))</title>\n<desc id=\"\(id)-desc\">\(out.text(chart.alternativeText))</desc>\n"
        let hatches = Set(d.shapes.compactMap { shape -> String? in
            if case .rect(_, _, _, _, .hatched(let c), _) = shape { return c.hex }
            return nil
        })
        if !hatches.isEmpty {
            s += "<defs>"
            for hex in hatches.sorted() {
                s += "<pattern id=\"\(id)-hatch-\(hex)\" patternUnits=\"userSpaceOnUse\" width=\"4\" height=\"4\" patternTransform=\"rotate(45)\">"
                s += "<rect width=\"4\" height=\"4\" fill=\"#FFFFFF\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"4\" stroke=\"#\(hex)\" stroke-width=\"1.2\"/></pattern>"
            }
            s += "</defs>\n"
        }
        func paint(_ p: ChartDrawing.Paint) -> String {
            switch p {
            case .none: "none"
            case .solid(let c): c.css
            case .hatched(let c): "url(#\(id)-hatch-\(c.hex))"
            }
        }
        for shape in d.shapes {
            switch shape {
            case .rect(let x, let y, let w, let h, let fill, let stroke):
                s += "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(w))\" height=\"\(n(h))\" fill=\"\(paint(fill))\"\(strokeAttributes(stroke))/>\n"
            case .line(let x1, let y1, let x2, let y2, let stroke):
                s += "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\"\(strokeAttributes(stroke))/>\n"
            case .dot(let x, let y, let r, let fill, let stroke):
                s += "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(r))\" fill=\"\(paint(fill))\"\(strokeAttributes(stroke))/>\n"
            case .text(let x, let y, let w, let h, let lines, let alignment):
                let (anchor, tx) =
                    switch alignment {
                    case .start: ("start", x)
                    case .center: ("middle", x + w / 2)
                    case .end: ("end", x + w)
                    }
                // The first baseline puts the block of lines in the middle of the box.
                let first = y + (h - Double(lines.count) * ChartGeometry.lineHeight) / 2 + d.fontSize * 0.95
                s += "<text x=\"\(n(tx))\" y=\"\(n(first))\" text-anchor=\"\(anchor)\">"
                for (i, line) in lines.enumerated() {
                    s += i == 0 ? "<tspan>" : "<tspan x=\"\(n(tx))\" dy=\"\(n(ChartGeometry.lineHeight))\">"
                    s += out.text(line) + "</tspan>"
                }
                s += "</text>\n"
            }
        }
        return s + "</svg>\n</figure>\n"
    }

    private static func strokeAttributes(_ stroke: ChartDrawing.Stroke?) -> String {
        guard let stroke else { return " stroke=\"none\"" }
        return " stroke=\"\(stroke.colour.css)\" stroke-width=\"\(n(stroke.width))\""
    }

    /// Two decimals at most, a dot whatever the locale.
    static func n(_ x: Double) -> String {
        var s = String(format: "%.2f", locale: nil, x)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s == "-0" ? "0" : s
    }

    /// Print rules, added to the style sheet only when the document has a chart.
    static let css = """
        figure.chart { margin: 1em 0 1.4em; break-inside: avoid; }
        figure.chart svg { display: block; max-width: 40rem; height: auto; }
        """
}
