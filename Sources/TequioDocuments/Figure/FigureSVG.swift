import TequioModel

/// A `Figure` as inline SVG in an HTML document: a `figure` holding an `svg` image named by its
/// `title` and described by its `desc` (the text alternative), scaled by the browser to the column.
/// No script, no style attribute, no external reference; every text escaped.
enum FigureSVG {
    /// - Parameters:
    ///   - id: unique in the document (`tq-figure-3`): the title's and hatches' ids start with it.
    ///   - classes: the figure's class attribute (` class="chart break"`).
    ///   - fontFamily: the CSS font list the texts are set in.
    static func markup(_ d: Figure, id: String, classes: String, fontFamily: String, out: HTMLOutput) -> String {
        let n = DecimalText.upToTwoPlaces
        var s = "<figure\(classes)>\n"
        s += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(d.width)) \(n(d.height))\" width=\"100%\" role=\"img\""
        // Named by its title and described by its text alternative; a figure without a title is named by it.
        let labels = d.title.isEmpty ? "\(id)-title" : "\(id)-title \(id)-desc"
        s += " aria-labelledby=\"\(labels)\" font-family=\"\(out.attr(fontFamily))\" fill=\"\(d.textColour.css)\">\n"
        s += "<title id=\"\(id)-title\">\(out.text(d.title.isEmpty ? d.description : d.title))</title>\n"
        if !d.title.isEmpty { s += "<desc id=\"\(id)-desc\">\(out.text(d.description))</desc>\n" }
        let hatches = Figure.styles(of: [d]).graphics.compactMap { style -> Branding.Colour? in
            if case .hatched(let c) = style.fill { c } else { nil }
        }
        if !hatches.isEmpty {
            s += "<defs>"
            for c in hatches {
                s += "<pattern id=\"\(id)-hatch-\(c.hex)\" patternUnits=\"userSpaceOnUse\" width=\"4\" height=\"4\" patternTransform=\"rotate(45)\">"
                s += "<rect width=\"4\" height=\"4\" fill=\"#FFFFFF\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"4\" stroke=\"\(c.css)\" stroke-width=\"1.2\"/></pattern>"
            }
            s += "</defs>\n"
        }
        func paint(_ p: Figure.Paint) -> String {
            switch p {
            case .none: "none"
            case .solid(let c): c.css
            case .hatched(let c): "url(#\(id)-hatch-\(c.hex))"
            }
        }
        func stroke(_ stroke: Figure.Stroke?) -> String {
            guard let stroke else { return " stroke=\"none\"" }
            return " stroke=\"\(stroke.colour.css)\" stroke-width=\"\(n(stroke.width))\""
        }
        for shape in d.shapes {
            switch shape {
            case .rect(let x, let y, let w, let h, let fill, let outline):
                s += "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(w))\" height=\"\(n(h))\" fill=\"\(paint(fill))\"\(stroke(outline))/>\n"
            case .line(let x1, let y1, let x2, let y2, let line):
                s += "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\"\(stroke(line))/>\n"
            case .dot(let x, let y, let r, let fill, let outline):
                s += "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(r))\" fill=\"\(paint(fill))\"\(stroke(outline))/>\n"
            case .diamond(let x, let y, let size, let fill, let outline):
                let r = size / 2
                s += "<polygon points=\"\(n(x)),\(n(y - r)) \(n(x + r)),\(n(y)) \(n(x)),\(n(y + r)) \(n(x - r)),\(n(y))\" fill=\"\(paint(fill))\"\(stroke(outline))/>\n"
            case .text(let x, let y, let w, let h, let lines, let style):
                let (anchor, tx) =
                    switch style.alignment {
                    case .start: ("start", x)
                    case .center: ("middle", x + w / 2)
                    case .end: ("end", x + w)
                    }
                let first = Figure.firstLineTop(y: y, height: h, lines: lines.count, style: style) + style.size * 0.95
                s += "<text x=\"\(n(tx))\" y=\"\(n(first))\" font-size=\"\(n(style.size))\"\(style.bold ? " font-weight=\"bold\"" : "")"
                s += " text-anchor=\"\(anchor)\">"
                for (i, line) in lines.enumerated() {
                    s += i == 0 ? "<tspan>" : "<tspan x=\"\(n(tx))\" dy=\"\(n(style.lineHeight))\">"
                    s += out.text(line) + "</tspan>"
                }
                s += "</text>\n"
            }
        }
        return s + "</svg>\n</figure>\n"
    }

    /// Print rules, added to the style sheet only when the document has a figure.
    static let css = """
        figure.chart { margin: 1em 0 1.4em; break-inside: avoid; }
        figure.chart svg { display: block; max-width: 40rem; height: auto; }
        """
}
