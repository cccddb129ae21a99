import XMLSupport

/// A `Figure` in an ODT paragraph as a group of native drawing shapes (`draw:g`, anchored as a
/// character), and the automatic styles its shapes name: one graphic style per fill and outline, one
/// paragraph style per text size, weight and alignment. Nothing is written for a layout without
/// drawings, so other documents keep their bytes.
enum FigureODF {
    /// The group, inside a paragraph the caller opened.
    static func write(_ d: Figure, _ w: XMLWriter) {
        let n = DrawingNumber.text
        func pt(_ v: Double) -> String { "\(n(v))pt" }
        w.start("draw:g", ["text:anchor-type": "as-char", "draw:z-index": "0"])
        w.element("svg:desc", text: d.description)
        for shape in d.shapes {
            switch shape {
            case .rect(let x, let y, let width, let height, let fill, let stroke):
                w.element(
                    "draw:rect",
                    ["draw:style-name": graphicStyle(fill: fill, stroke: stroke), "svg:x": pt(x), "svg:y": pt(y), "svg:width": pt(width), "svg:height": pt(height)])
            case .line(let x1, let y1, let x2, let y2, let ink, let width):
                w.element(
                    "draw:line",
                    ["draw:style-name": lineStyle(ink, width), "svg:x1": pt(x1), "svg:y1": pt(y1), "svg:x2": pt(x2), "svg:y2": pt(y2)])
            case .diamond(let x, let y, let size, let fill):
                let r = size / 2
                w.element(
                    "draw:polygon",
                    [
                        "draw:style-name": graphicStyle(fill: fill, stroke: .black), "svg:x": pt(x - r), "svg:y": pt(y - r), "svg:width": pt(size),
                        "svg:height": pt(size), "svg:viewBox": "0 0 100 100", "draw:points": "50,0 100,50 50,100 0,50",
                    ])
            case .text(let x, let y, let width, let text, let size, let bold, let anchor):
                w.start(
                    "draw:rect",
                    [
                        "draw:style-name": "tqd-text", "draw:text-style-name": Figure.TextStyle(size: size, bold: bold, anchor: anchor).name,
                        "svg:x": pt(x), "svg:y": pt(y), "svg:width": pt(width), "svg:height": pt(size * 1.4),
                    ])
                w.element("text:p", ["text:style-name": Figure.TextStyle(size: size, bold: bold, anchor: anchor).name], text: text)
                w.end()
            }
        }
        w.end()
    }

    static func graphicStyle(fill: Figure.Ink?, stroke: Figure.Ink?) -> String { "tqd-\(fill?.rawValue ?? "none")-\(stroke?.rawValue ?? "none")" }
    static func lineStyle(_ ink: Figure.Ink, _ width: Double) -> String { "tqd-line-\(ink.rawValue)-\(DrawingNumber.text(width))" }

    /// The automatic styles of every drawing of the layout, sorted by name (none without drawings).
    static func automaticStyles(_ drawings: [Figure], _ w: XMLWriter) {
        guard !drawings.isEmpty else { return }
        var graphics: [String: (Figure.Ink?, Figure.Ink?)] = [:]
        var lines: [String: (Figure.Ink, Double)] = [:]
        var texts = Set<Figure.TextStyle>()
        for d in drawings {
            texts.formUnion(d.textStyles)
            for shape in d.shapes {
                switch shape {
                case .rect(_, _, _, _, let fill, let stroke): graphics[graphicStyle(fill: fill, stroke: stroke)] = (fill, stroke)
                case .diamond(_, _, _, let fill): graphics[graphicStyle(fill: fill, stroke: .black)] = (fill, .black)
                case .line(_, _, _, _, let ink, let width): lines[lineStyle(ink, width)] = (ink, width)
                case .text: break
                }
            }
        }
        for (name, (fill, stroke)) in graphics.sorted(by: { $0.key < $1.key }) {
            w.start("style:style", ["style:name": name, "style:family": "graphic"])
            w.element(
                "style:graphic-properties",
                [
                    "draw:fill": fill == nil ? "none" : "solid", "draw:fill-color": fill?.hex, "draw:stroke": stroke == nil ? "none" : "solid",
                    "svg:stroke-color": stroke?.hex, "svg:stroke-width": stroke == nil ? nil : "0.75pt", "draw:shadow": "hidden",
                ])
            w.end()
        }
        for (name, (ink, width)) in lines.sorted(by: { $0.key < $1.key }) {
            w.start("style:style", ["style:name": name, "style:family": "graphic"])
            w.element("style:graphic-properties", ["draw:stroke": "solid", "svg:stroke-color": ink.hex, "svg:stroke-width": "\(DrawingNumber.text(width))pt"])
            w.end()
        }
        w.start("style:style", ["style:name": "tqd-text", "style:family": "graphic"])
        w.element(
            "style:graphic-properties",
            [
                "draw:fill": "none", "draw:stroke": "none", "draw:shadow": "hidden", "draw:textarea-vertical-align": "top", "fo:padding": "0pt",
                "draw:auto-grow-height": "false", "draw:auto-grow-width": "false", "fo:wrap-option": "no-wrap",
            ])
        w.end()
        for style in texts.sorted() {
            w.start("style:style", ["style:name": style.name, "style:family": "paragraph"])
            w.element(
                "style:paragraph-properties",
                ["fo:text-align": style.anchor == .start ? "start" : style.anchor == .middle ? "center" : "end", "fo:margin-top": "0pt", "fo:margin-bottom": "0pt", "fo:line-height": "100%"])
            w.element("style:text-properties", ["fo:font-size": "\(DrawingNumber.text(style.size))pt", "fo:font-weight": style.bold ? "bold" : "normal"])
            w.end()
        }
    }
}
