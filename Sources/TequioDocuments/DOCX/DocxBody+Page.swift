import Foundation
import TequioModel
import XMLSupport

/// The page furniture of `word/document.xml`: the logo's inline drawing and each section's page size,
/// margins, header and footer.
extension DocxBody {
    func drawing(cx: Int, cy: Int) {
        let description = branding.logo?.description ?? ""
        w.start("w:r")
        w.start("w:drawing")
        w.start("wp:inline", ["distT": "0", "distB": "0", "distL": "0", "distR": "0"])
        w.element("wp:extent", ["cx": String(cx), "cy": String(cy)])
        w.element("wp:docPr", ["id": "1", "name": "Logo", "descr": description])
        w.start("wp:cNvGraphicFramePr")
        w.element("a:graphicFrameLocks", ["noChangeAspect": "1"])
        w.end()
        w.start("a:graphic")
        w.start("a:graphicData", ["uri": "http://schemas.openxmlformats.org/drawingml/2006/picture"])
        w.start("pic:pic")
        w.start("pic:nvPicPr")
        w.element("pic:cNvPr", ["id": "0", "name": "logo.png", "descr": description])
        w.element("pic:cNvPicPr")
        w.end()
        w.start("pic:blipFill")
        w.element("a:blip", ["r:embed": DocxParts.logoRelationship])
        w.start("a:stretch")
        w.element("a:fillRect")
        w.end()
        w.end()
        w.start("pic:spPr")
        w.start("a:xfrm")
        w.element("a:off", ["x": "0", "y": "0"])
        w.element("a:ext", ["cx": String(cx), "cy": String(cy)])
        w.end()
        w.start("a:prstGeom", ["prst": "rect"])
        w.element("a:avLst")
        w.end()
        w.end()
        w.end()
        w.end()
        w.end()
        w.end()
        w.end()
        w.end()
    }

    /// `w:sectPr` of a section: page size and margins for its orientation, the running header and
    /// footer, and on the first section a cover page without them (`w:titlePg`).
    func sectionProperties(_ o: DocumentLayout.Orientation, first: Bool) {
        let g = PageGeometry.make(branding.paper, o)
        let cover = first && layout.hasCover
        w.start("w:sectPr")
        w.element("w:headerReference", ["w:type": "default", "r:id": DocxParts.headerRelationship])
        if cover { w.element("w:headerReference", ["w:type": "first", "r:id": DocxParts.emptyHeaderRelationship]) }
        w.element("w:footerReference", ["w:type": "default", "r:id": DocxParts.footerRelationship])
        if cover { w.element("w:footerReference", ["w:type": "first", "r:id": DocxParts.emptyFooterRelationship]) }
        w.element("w:type", ["w:val": "nextPage"])
        w.element(
            "w:pgSz", ["w:w": String(g.width), "w:h": String(g.height), "w:orient": o == .landscape ? "landscape" : nil])
        w.element(
            "w:pgMar",
            [
                "w:top": String(g.top), "w:right": String(g.right), "w:bottom": String(g.bottom), "w:left": String(g.left),
                "w:header": String(g.header), "w:footer": String(g.footer), "w:gutter": "0",
            ])
        if first { w.element("w:pgNumType", ["w:start": "1"]) }
        w.element("w:cols", ["w:space": "720"])
        if cover { w.element("w:titlePg") }
        w.element("w:docGrid", ["w:linePitch": "360"])
        w.end()
    }
}
