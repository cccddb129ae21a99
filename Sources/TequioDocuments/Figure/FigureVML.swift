import XMLSupport

/// A `Figure` in a DOCX run as a VML group (`w:pict`), which Word and LibreOffice both draw as native
/// shapes: boxes and lines with their greys, diamonds as paths, texts as borderless text boxes (`v:rect`). One VML
/// unit is one point (`coordsize` equals the group's size in points).
enum FigureVML {
    static let vml = "urn:schemas-microsoft-com:vml"
    static let office = "urn:schemas-microsoft-com:office:office"

    /// The run holding the picture, inside a paragraph the caller opened.
    static func write(_ d: Figure, _ w: XMLWriter) {
        let n = DrawingNumber.text
        w.start("w:r")
        w.start("w:pict")
        w.start(
            "v:group",
            [
                "xmlns:v": vml, "xmlns:o": office, "style": "width:\(n(d.width))pt;height:\(n(d.height))pt",
                "coordorigin": "0,0", "coordsize": "\(n(d.width)),\(n(d.height))", "alt": d.description,
            ])
        for shape in d.shapes {
            switch shape {
            case .rect(let x, let y, let width, let height, let fill, let stroke):
                w.element(
                    "v:rect",
                    [
                        "style": box(x, y, width, height), "filled": fill == nil ? "f" : "t", "fillcolor": fill?.hex,
                        "stroked": stroke == nil ? "f" : "t", "strokecolor": stroke?.hex, "strokeweight": stroke == nil ? nil : "0.75pt",
                    ])
            case .line(let x1, let y1, let x2, let y2, let ink, let width):
                w.element(
                    "v:line", ["from": "\(n(x1)),\(n(y1))", "to": "\(n(x2)),\(n(y2))", "strokecolor": ink.hex, "strokeweight": "\(n(width))pt"])
            case .diamond(let x, let y, let size, let fill):
                let r = size / 2
                w.element(
                    "v:shape",
                    [
                        "style": box(x - r, y - r, size, size), "coordsize": "\(n(size)),\(n(size))",
                        "path": "m\(n(r)),0l\(n(size)),\(n(r)),\(n(r)),\(n(size)),0,\(n(r))xe", "fillcolor": fill.hex,
                        "strokecolor": "#000000", "strokeweight": "0.75pt",
                    ])
            case .text(let x, let y, let width, let text, let size, let bold, let anchor):
                // A rectangle, not a shape with a path: LibreOffice centres a shape's text whatever its paragraph says.
                w.start("v:rect", ["style": box(x, y, width, size * 1.4), "filled": "f", "stroked": "f"])
                w.start("v:textbox", ["inset": "0,0,0,0"])
                w.start("w:txbxContent")
                w.start("w:p")
                w.start("w:pPr")
                w.element("w:spacing", ["w:before": "0", "w:after": "0", "w:line": "240", "w:lineRule": "auto"])
                w.element("w:jc", ["w:val": anchor == .start ? "left" : anchor == .middle ? "center" : "right"])
                w.end()
                w.start("w:r")
                w.start("w:rPr")
                if bold { w.element("w:b") }
                w.element("w:sz", ["w:val": String(Int((size * 2).rounded()))])
                w.end()
                w.element("w:t", ["xml:space": "preserve"], text: text)
                w.end()
                w.end()
                w.end()
                w.end()
                w.end()
            }
        }
        w.end()
        w.end()
        w.end()
    }

    static func box(_ x: Double, _ y: Double, _ width: Double, _ height: Double) -> String {
        let n = DrawingNumber.text
        return "position:absolute;left:\(n(x));top:\(n(y));width:\(n(width));height:\(n(height))"
    }
}
