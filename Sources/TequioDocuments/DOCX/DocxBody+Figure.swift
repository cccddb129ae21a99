import Foundation
import TequioModel
import XMLSupport

/// A `Figure` in `word/document.xml`: a paragraph holding one inline drawing, a group of DrawingML
/// shapes (`wpg:wgp` of `wps:wsp`: rectangles with solid or pattern fills, lines, ellipses, diamonds,
/// text boxes) as Word 2010 and later write it, inside `mc:AlternateContent` so that a reader that does
/// not know the group skips it (pandoc does; the words beside a figure say the same). Word and
/// LibreOffice draw it as vector shapes; its title and text alternative are the drawing's.
extension DocxBody {
    /// English Metric Units per point.
    static let emuPerPoint = 12_700.0

    /// The width a figure may take: the text's, in points, less a little for rounding.
    var figureWidth: Double { PageGeometry.make(branding.paper, s.orientation).figureWidth }

    func figure(_ figure: Figure) {
        s.charts += 1
        let d = figure.fitted(toWidth: figureWidth)
        let (cx, cy) = (Self.emu(d.width), Self.emu(d.height))
        var shapeID = s.charts * 10_000
        startParagraph("BodyText", alignment: "left")
        w.start("w:r")
        w.start("mc:AlternateContent")
        w.start("mc:Choice", ["Requires": "wpg"])
        w.start("w:drawing")
        w.start("wp:inline", ["distT": "0", "distB": "0", "distL": "0", "distR": "0"])
        w.element("wp:extent", ["cx": cx, "cy": cy])
        w.element("wp:effectExtent", ["l": "0", "t": "0", "r": "0", "b": "0"])
        w.element("wp:docPr", ["id": String(shapeID), "name": "Figure \(s.charts)", "descr": d.description, "title": d.title.isEmpty ? nil : d.title])
        w.element("wp:cNvGraphicFramePr")
        w.start("a:graphic")
        w.start("a:graphicData", ["uri": OOXML.wpg])
        w.start("wpg:wgp")
        w.element("wpg:cNvGrpSpPr")
        w.start("wpg:grpSpPr")
        w.start("a:xfrm")
        w.element("a:off", ["x": "0", "y": "0"])
        w.element("a:ext", ["cx": cx, "cy": cy])
        w.element("a:chOff", ["x": "0", "y": "0"])
        w.element("a:chExt", ["cx": cx, "cy": cy])
        w.end()
        w.end()
        for shape in d.shapes {
            shapeID += 1
            figureShape(shape, id: shapeID, drawing: d)
        }
        for _ in 0..<6 { w.end() }  // wgp, graphicData, graphic, inline, drawing, Choice
        w.end()  // AlternateContent
        w.end()  // r
        w.end()  // p
    }

    private func figureShape(_ shape: Figure.Shape, id: Int, drawing d: Figure) {
        w.start("wps:wsp")
        switch shape {
        case .rect(let x, let y, let width, let height, let fill, let stroke):
            shapeProperties(id: id, x: x, y: y, width: width, height: height, geometry: "rect", fill: fill, stroke: stroke)
            w.element("wps:bodyPr")
        case .line(let x1, let y1, let x2, let y2, let stroke):
            shapeProperties(id: id, x: x1, y: y1, width: x2 - x1, height: y2 - y1, geometry: "line", fill: .none, stroke: stroke)
            w.element("wps:bodyPr")
        case .dot(let x, let y, let r, let fill, let stroke):
            shapeProperties(id: id, x: x - r, y: y - r, width: 2 * r, height: 2 * r, geometry: "ellipse", fill: fill, stroke: stroke)
            w.element("wps:bodyPr")
        case .diamond(let x, let y, let size, let fill, let stroke):
            shapeProperties(id: id, x: x - size / 2, y: y - size / 2, width: size, height: size, geometry: "diamond", fill: fill, stroke: stroke)
            w.element("wps:bodyPr")
        case .text(let x, let y, let width, let height, let lines, let style):
            shapeProperties(id: id, x: x, y: y, width: width, height: height, geometry: "rect", fill: .none, stroke: nil, textBox: true)
            w.start("wps:txbx")
            w.start("w:txbxContent")
            for line in lines {
                w.start("w:p")
                w.start("w:pPr")
                w.element("w:spacing", ["w:before": "0", "w:after": "0", "w:line": String(Int(style.lineHeight * 20)), "w:lineRule": "exact"])
                w.element("w:jc", ["w:val": style.alignment == .start ? "left" : style.alignment == .center ? "center" : "right"])
                w.end()
                w.start("w:r")
                w.start("w:rPr")
                if style.bold { w.element("w:b") }
                w.element("w:color", ["w:val": d.textColour.hex])
                w.element("w:sz", ["w:val": String(Int((style.size * 2).rounded()))])
                w.element("w:szCs", ["w:val": String(Int((style.size * 2).rounded()))])
                w.end()
                w.element("w:t", ["xml:space": "preserve"], text: line)
                w.end()
                w.end()
            }
            w.end()
            w.end()
            w.start(
                "wps:bodyPr",
                ["rot": "0", "vert": "horz", "wrap": "square", "lIns": "0", "tIns": "0", "rIns": "0", "bIns": "0", "anchor": "ctr", "anchorCtr": "0"])
            w.element("a:noAutofit")
            w.end()
        }
        w.end()
    }

    private func shapeProperties(
        id: Int, x: Double, y: Double, width: Double, height: Double, geometry: String, fill: Figure.Paint, stroke: Figure.Stroke?,
        textBox: Bool = false
    ) {
        w.element("wps:cNvPr", ["id": String(id), "name": "Shape \(id)"])
        w.element("wps:cNvSpPr", ["txBox": textBox ? "1" : nil])
        w.start("wps:spPr")
        w.start("a:xfrm")
        w.element("a:off", ["x": Self.emu(x), "y": Self.emu(y)])
        w.element("a:ext", ["cx": Self.emu(max(0, width)), "cy": Self.emu(max(0, height))])
        w.end()
        w.start("a:prstGeom", ["prst": geometry])
        w.element("a:avLst")
        w.end()
        switch fill {
        case .none: w.element("a:noFill")
        case .solid(let colour):
            w.start("a:solidFill")
            w.element("a:srgbClr", ["val": colour.hex])
            w.end()
        case .hatched(let colour):
            w.start("a:pattFill", ["prst": "wdUpDiag"])
            w.start("a:fgClr")
            w.element("a:srgbClr", ["val": colour.hex])
            w.end()
            w.start("a:bgClr")
            w.element("a:srgbClr", ["val": "FFFFFF"])
            w.end()
            w.end()
        }
        if let stroke {
            w.start("a:ln", ["w": Self.emu(stroke.width)])
            w.start("a:solidFill")
            w.element("a:srgbClr", ["val": stroke.colour.hex])
            w.end()
            w.end()
        } else {
            w.start("a:ln")
            w.element("a:noFill")
            w.end()
        }
        w.end()
    }

    static func emu(_ points: Double) -> String { String(Int((points * emuPerPoint).rounded())) }
}
