import Foundation
import TequioModel
import XMLSupport

/// A `Figure` in `content.xml`: a paragraph holding one group of ODF drawing shapes anchored as a
/// character (`draw:g` of `draw:rect`, `draw:line`, `draw:circle`, `draw:polygon`; texts are
/// frameless rectangles with their paragraphs), titled and described for assistive technology
/// (`svg:title`, `svg:desc`). The shapes name automatic styles (`OdtFigureStyles`).
extension OdtBody {
    /// The width a figure may take in the current section: the text's, in points, less a little.
    var figureWidth: Double { PageGeometry.make(branding.paper, s.orientation).figureWidth }

    func figure(_ figure: Figure) {
        let d = figure.fitted(toWidth: figureWidth)
        startParagraph("Text_20_body")
        w.start("draw:g", ["draw:style-name": OdtFigureStyles.group, "text:anchor-type": "as-char", "draw:z-index": "0"])
        if !d.title.isEmpty { w.element("svg:title", text: d.title) }
        w.element("svg:desc", text: d.description)
        func pt(_ x: Double) -> String { "\(DecimalText.upToTwoPlaces(x))pt" }
        func style(_ fill: Figure.Paint, _ stroke: Figure.Stroke?) -> String { OdtFigureStyles.name(Figure.GraphicStyle(fill: fill, stroke: stroke)) }
        for shape in d.shapes {
            switch shape {
            case .rect(let x, let y, let width, let height, let fill, let stroke):
                w.element("draw:rect", ["draw:style-name": style(fill, stroke), "svg:x": pt(x), "svg:y": pt(y), "svg:width": pt(width), "svg:height": pt(height)])
            case .line(let x1, let y1, let x2, let y2, let stroke):
                w.element("draw:line", ["draw:style-name": style(.none, stroke), "svg:x1": pt(x1), "svg:y1": pt(y1), "svg:x2": pt(x2), "svg:y2": pt(y2)])
            case .dot(let x, let y, let r, let fill, let stroke):
                w.element(
                    "draw:circle", ["draw:style-name": style(fill, stroke), "svg:x": pt(x - r), "svg:y": pt(y - r), "svg:width": pt(2 * r), "svg:height": pt(2 * r)])
            case .diamond(let x, let y, let size, let fill, let stroke):
                w.element(
                    "draw:polygon",
                    [
                        "draw:style-name": style(fill, stroke), "svg:x": pt(x - size / 2), "svg:y": pt(y - size / 2), "svg:width": pt(size), "svg:height": pt(size),
                        "svg:viewBox": "0 0 100 100", "draw:points": "50,0 100,50 50,100 0,50",
                    ])
            case .text(let x, let y, let width, let height, let lines, let text):
                w.start("draw:rect", ["draw:style-name": OdtFigureStyles.text, "svg:x": pt(x), "svg:y": pt(y), "svg:width": pt(width), "svg:height": pt(height)])
                w.start("text:p", ["text:style-name": OdtFigureStyles.name(text, colour: d.textColour)])
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

/// The automatic styles of a layout's figures, named from what they set so that the shapes and the
/// styles agree without a table between them: one graphic style per fill and outline, one paragraph
/// style per text size, weight, alignment and colour; and the hatches of `styles.xml`. Nothing is
/// written for a layout without figures, so other documents keep their bytes.
struct OdtFigureStyles {
    static let group = "fig.group"
    static let text = "fig.text"

    let graphics: [Figure.GraphicStyle]
    let texts: [(style: Figure.TextStyle, colour: Branding.Colour)]

    /// The figures of `layout` as its ODT draws them (at most as wide as their section's text).
    init(layout: DocumentLayout, branding: Branding) {
        var orientation = DocumentLayout.Orientation.portrait
        var figures: [Figure] = []
        for block in layout.blocks {
            switch block {
            case .orientation(let o): orientation = o
            case .chart(let c): figures.append(ChartGeometry.figure(c, width: PageGeometry.make(branding.paper, orientation).figureWidth, colours: branding.colours))
            // As `OdtBody.figure` draws it: a figure wider than the text is scaled, its texts' sizes too.
            case .figure(let f): figures.append(f.fitted(toWidth: PageGeometry.make(branding.paper, orientation).figureWidth))
            default: break
            }
        }
        (graphics, texts) = Figure.styles(of: figures)
    }

    /// `fig.s1F4E79.l000000-0.75`: the fill (`n` none, `s` solid, `h` hatched) and the line.
    static func name(_ g: Figure.GraphicStyle) -> String {
        let fill: String =
            switch g.fill {
            case .none: "n"
            case .solid(let c): "s\(c.hex)"
            case .hatched(let c): "h\(c.hex)"
            }
        return "fig.\(fill).\(g.stroke.map { "l\($0.colour.hex)-\(DecimalText.upToTwoPlaces($0.width))" } ?? "n")"
    }

    /// `fig.t8-b-start-000000`.
    static func name(_ t: Figure.TextStyle, colour: Branding.Colour) -> String {
        "fig.t\(DecimalText.upToTwoPlaces(t.size))-\(t.bold ? "b" : "r")-\(t.alignment)-\(colour.hex)"
    }

    static func hatchName(_ colour: Branding.Colour) -> String { "Figure_20_Hatch_20_\(colour.hex)" }

    /// Written among `content.xml`'s automatic styles.
    func write(_ w: XMLWriter) {
        guard !graphics.isEmpty || !texts.isEmpty else { return }
        for g in graphics {
            w.start("style:style", ["style:name": Self.name(g), "style:family": "graphic"])
            w.start("style:graphic-properties")
            if let stroke = g.stroke {
                w.attribute("draw:stroke", "solid")
                w.attribute("svg:stroke-color", stroke.colour.css)
                w.attribute("svg:stroke-width", "\(DecimalText.upToTwoPlaces(stroke.width))pt")
            } else {
                w.attribute("draw:stroke", "none")
            }
            switch g.fill {
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
            w.attribute("draw:shadow", "hidden")
            w.end()
            w.end()
        }
        w.start("style:style", ["style:name": Self.text, "style:family": "graphic"])
        w.element(
            "style:graphic-properties",
            [
                "draw:stroke": "none", "draw:fill": "none", "draw:shadow": "hidden", "draw:textarea-vertical-align": "middle",
                "draw:auto-grow-height": "false", "draw:auto-grow-width": "false", "fo:padding": "0pt", "fo:wrap-option": "wrap",
            ])
        w.end()
        w.start("style:style", ["style:name": Self.group, "style:family": "graphic"])
        w.element("style:graphic-properties", ["style:vertical-pos": "top", "style:vertical-rel": "baseline"])
        w.end()
        for (t, colour) in texts {
            w.start("style:style", ["style:name": Self.name(t, colour: colour), "style:family": "paragraph"])
            w.element(
                "style:paragraph-properties",
                [
                    "fo:text-align": t.alignment == .start ? "start" : t.alignment == .center ? "center" : "end", "fo:margin-top": "0pt",
                    "fo:margin-bottom": "0pt", "fo:line-height": "\(DecimalText.upToTwoPlaces(t.lineHeight))pt",
                ])
            w.element(
                "style:text-properties",
                [
                    "fo:font-size": "\(DecimalText.upToTwoPlaces(t.size))pt", "fo:font-weight": t.bold ? "bold" : "normal", "fo:color": colour.css,
                ])
            w.end()
        }
    }

    /// Written among `styles.xml`'s common styles.
    func hatches(_ w: XMLWriter) {
        for g in graphics {
            guard case .hatched(let colour) = g.fill else { continue }
            w.element(
                "draw:hatch",
                [
                    "draw:name": Self.hatchName(colour), "draw:display-name": "Figure Hatch \(colour.hex)", "draw:style": "single",
                    "draw:color": colour.css, "draw:distance": "0.1cm", "draw:rotation": "450",
                ])
        }
    }
}
