import Foundation
import TequioModel
import XMLSupport

/// The help comments of a sheet: `xl/commentsN.xml` and the VML drawing Excel needs to show them.
extension XLSXWriter {
    func comments(_ sheet: SheetSpec) throws -> Data {
        let w = XMLWriter(standalone: true)
        w.start("comments", ["xmlns": Self.main])
        w.start("authors")
        w.element("author", text: "Tequio")
        w.end()
        w.start("commentList")
        for address in sheet.comments.keys.sorted() {
            w.start("comment", ["ref": address.description, "authorId": "0"])
            w.start("text")
            XLSXWriter.text(w, sheet.comments[address]!)
            w.end()
            w.end()
        }
        w.end()
        w.end()
        return try w.finish()
    }

    /// The legacy VML drawing that tells Excel where each comment box goes (hidden until hovered).
    func vml(_ sheet: SheetSpec, index: Int) throws -> Data {
        let w = XMLWriter(declaration: false)
        w.start(
            "xml",
            [
                "xmlns:v": "urn:schemas-microsoft-com:vml", "xmlns:o": "urn:schemas-microsoft-com:office:office",
                "xmlns:x": "urn:schemas-microsoft-com:office:excel",
            ])
        w.start("o:shapelayout", ["v:ext": "edit"])
        w.element("o:idmap", ["v:ext": "edit", "data": String(index)])
        w.end()
        w.start(
            "v:shapetype",
            ["id": "_x0000_t202", "coordsize": "21600,21600", "o:spt": "202", "path": "m,l,21600r21600,l21600,xe"])
        w.element("v:stroke", ["joinstyle": "miter"])
        w.element("v:path", ["gradientshapeok": "t", "o:connecttype": "rect"])
        w.end()
        for (k, address) in sheet.comments.keys.sorted().enumerated() {
            w.start(
                "v:shape",
                [
                    "id": "_x0000_s\(index * 1024 + k + 1)", "type": "#_x0000_t202",
                    "style": "position:absolute;margin-left:80pt;margin-top:2pt;width:240pt;height:110pt;z-index:\(k + 1);visibility:hidden",
                    "fillcolor": "#ffffe1", "o:insetmode": "auto",
                ])
            w.element("v:fill", ["color2": "#ffffe1"])
            w.element("v:shadow", ["on": "t", "color": "black", "obscured": "t"])
            w.element("v:path", ["o:connecttype": "none"])
            w.start("v:textbox", ["style": "mso-direction-alt:auto"])
            w.element("div", ["style": "text-align:left"], text: "")
            w.end()
            w.start("x:ClientData", ["ObjectType": "Note"])
            w.element("x:MoveWithCells", text: "")
            w.element("x:SizeWithCells", text: "")
            let c = address.column
            let r = address.row
            w.element("x:Anchor", text: "\(c + 1), 15, \(r), 10, \(c + 3), 15, \(r + 6), 4")
            w.element("x:AutoFill", text: "False")
            w.element("x:Row", text: String(r))
            w.element("x:Column", text: String(c))
            w.end()
            w.end()
        }
        w.end()
        return try w.finish()
    }
}
