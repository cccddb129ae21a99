import Foundation
import TequioModel
import XMLSupport

/// A chart in `content.xml`: a paragraph holding one group of ODF drawing shapes anchored as a
/// character (`draw:g` of `draw:rect`, `draw:line`, `draw:circle`; texts are frameless rectangles
/// with their paragraphs), titled and described for assistive technology (`svg:title`, `svg:desc`).
/// Hatched bars use a `draw:hatch` of `styles.xml` (`OdtChartStyles.hatches`).
extension OdtBody {
    func chart(_ chart: DocumentLayout.SpreadChart) {
        let geometry = PageGeometry.make(branding.paper, s.orientation)
        let d = ChartGeometry.drawing(chart, width: Double(geometry.textWidth) / 20 - 2, colours: branding.colours)
        let styles = OdtChartStyles(branding: branding)
        startParagraph("Text_20_body")
        w.start("draw:g", ["draw:style-name": OdtChartStyles.group, "text:anchor-type": "as-char", "draw:z-index": "0"])
        w.element("svg:title", text: chart.title)
        w.element("svg:desc", text: chart.alternativeText)
        func pt(_ x: Double) -> String { "\(SVGChart.n(x))pt" }
        for shape in d.shapes {
            switch shape {
            case .rect(let x, let y, let width, let height, let fill, let stroke):
                w.element(
                    "draw:rect",
                    ["draw:style-name": styles.name(fill: fill, stroke: stroke), "svg:x": pt(x), "svg:y": pt(y), "svg:width": pt(width), "svg:height": pt(height)])
            case .line(let x1, let y1, let x2, let y2, let stroke):
                w.element(
                    "draw:line",
                    ["draw:style-name": styles.name(fill: .none, stroke: stroke), "svg:x1": pt(x1), "svg:y1": pt(y1), "svg:x2": pt(x2), "svg:y2": pt(y2)])
            case .dot(let x, let y, let r, let fill, let stroke):
                w.element(
                    "draw:circle",
                    ["draw:style-name": styles.name(fill: fill, stroke: stroke), "svg:x": pt(x - r), "svg:y": pt(y - r), "svg:width": pt(2 * r), "svg:height": pt(2 * r)])
            case .text(let x, let y, let width, let height, let lines, let alignment):
                w.start(
                    "draw:rect",
                    ["draw:style-name": OdtChartStyles.text, "svg:x": pt(x), "svg:y": pt(y), "svg:width": pt(width), "svg:height": pt(height)])
                w.start("text:p", ["text:style-name": OdtChartStyles.paragraph(alignment)])
                for (i, line) in lines.enumerated() {
                    if i > 0 { w.element("text:line-break") }
                    content(line)
                }
                w.end()
                w.end()
            }
        }
        w.end()
        w.end()
    }
}

/// The automatic styles of the charts' shapes, one per fill and stroke the charts use (they depend on
/// the branding's colours only), and the hatches of `styles.xml`.
struct OdtChartStyles {
    static let group = "chart.group"
    static let text = "chart.text"

    let branding: Branding
    /// Every fill and stroke a chart of this branding draws, in a fixed order.
    let combinations: [(fill: ChartDrawing.Paint, stroke: ChartDrawing.Stroke?)]

    init(branding: Branding) {
        self.branding = branding
        let sample = DocumentLayout.SpreadChart(
            title: "", description: "", scale: 1...5, axisTitle: "",
            bars: [.solid, .hatched, .light].map { .init(label: "", value: 3, valueText: "", range: 2...4, points: [3], fill: $0) },
            legend: [.init(.range, ""), .init(.point, "")])
        var found: [(ChartDrawing.Paint, ChartDrawing.Stroke?)] = []
        for shape in ChartGeometry.drawing(sample, width: 400, colours: branding.colours).shapes {
            let pair: (ChartDrawing.Paint, ChartDrawing.Stroke?)
            switch shape {
            case .rect(_, _, _, _, let fill, let stroke): pair = (fill, stroke)
            case .dot(_, _, _, let fill, let stroke): pair = (fill, stroke)
            case .line(_, _, _, _, let stroke): pair = (.none, stroke)
            case .text: continue
            }
            if !found.contains(where: { $0.0 == pair.0 && $0.1 == pair.1 }) { found.append(pair) }
        }
        combinations = found
    }

    func name(fill: ChartDrawing.Paint, stroke: ChartDrawing.Stroke?) -> String {
        let index = combinations.firstIndex { $0.fill == fill && $0.stroke == stroke } ?? 0
        return "chart.g\(index + 1)"
    }

    static func paragraph(_ alignment: ChartDrawing.Alignment) -> String {
        switch alignment {
        case .start: "chart.start"
        case .center: "chart.center"
        case .end: "chart.end"
        }
    }

    static func hatchName(_ colour: Branding.Colour) -> String { "Chart_20_Hatch_20_\(colour.hex)" }

    /// Written among `content.xml`'s automatic styles.
    func write(_ w: XMLWriter) {
        for (i, c) in combinations.enumerated() {
            w.start("style:style", ["style:name": "chart.g\(i + 1)", "style:family": "graphic"])
            w.start("style:graphic-properties")
            if let stroke = c.stroke {
                w.attribute("draw:stroke", "solid")
                w.attribute("svg:stroke-color", stroke.colour.css)
                w.attribute("svg:stroke-width", "\(SVGChart.n(stroke.width))pt")
            } else {
                w.attribute("draw:stroke", "none")
            }
            switch c.fill {
            case .none: w.attribute("draw:fill", "none")
            case .solid(let colour):
                w.attribute("draw:fill", "solid")
                w.attribute("draw:fill-color", colour.css)
            case .hatched(let colour):
                w.attribute("draw:fill", "hatch")
                w.attribute("draw:fill-hatch-name", Self.hatchName(colour))
                w.attribute("draw:fill-hatch-solid", "true")
                w.attribute("draw:fill-color", "#FFFFFF")
            }
            w.end()
            w.end()
        }
        w.start("style:style", ["style:name": Self.text, "style:family": "graphic"])
        w.element(
            "style:graphic-properties",
            [
                "draw:stroke": "none", "draw:fill": "none", "draw:textarea-vertical-align": "middle", "draw:auto-grow-height": "false",
                "draw:auto-grow-width": "false", "fo:padding": "0pt", "fo:wrap-option": "wrap",
            ])
        w.end()
        w.start("style:style", ["style:name": Self.group, "style:family": "graphic"])
        w.element("style:graphic-properties", ["style:vertical-pos": "top", "style:vertical-rel": "baseline"])
        w.end()
        for alignment in [ChartDrawing.Alignment.start, .center, .end] {
            w.start("style:style", ["style:name": Self.paragraph(alignment), "style:family": "paragraph"])
            w.element(
                "style:paragraph-properties",
                [
                    "fo:text-align": alignment == .start ? "start" : alignment == .center ? "center" : "end", "fo:margin-top": "0pt",
                    "fo:margin-bottom": "0pt", "fo:line-height": "\(SVGChart.n(ChartGeometry.lineHeight))pt",
                ])
            w.element(
                "style:text-properties",
                ["fo:font-size": "\(SVGChart.n(ChartGeometry.fontSize))pt", "fo:color": branding.colours.text.css])
            w.end()
        }
    }

    /// Written among `styles.xml`'s common styles.
    func hatches(_ w: XMLWriter) {
        for c in combinations {
            guard case .hatched(let colour) = c.fill else { continue }
            w.element(
                "draw:hatch",
                [
                    "draw:name": Self.hatchName(colour), "draw:display-name": "Chart Hatch \(colour.hex)", "draw:style": "single",
                    "draw:color": colour.css, "draw:distance": "0.1cm", "draw:rotation": "450",
                ])
        }
    }
}
