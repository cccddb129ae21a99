import Foundation
import TequioModel
import XMLSupport

/// Tables in `word/document.xml`: a fixed grid, the header row repeated on every page, rows that do
/// not split, the matrix cells' bookmarks, the closing row.
extension DocxBody {
    func table(_ t: DocumentLayout.Table) {
        s.sectionHasContent = true
        if let lead = t.lead {
            startParagraph("BodyText", rtl: BidiText.isRightToLeft(lead.plain), mark: lead.paragraphMark, keepWithNext: true)
            text(lead)
            w.end()
        } else if s.pendingPageBreak {
            // A table cannot carry a page break: an empty paragraph before it does.
            startParagraph("BodyText")
            w.end()
        }
        let geometry = PageGeometry.make(branding.paper, s.orientation)
        let widths = PageGeometry.widths(t.columnWeights(total: geometry.textWidth, branding: branding), total: geometry.textWidth)
        w.start("w:tbl")
        w.start("w:tblPr")
        w.element("w:tblStyle", ["w:val": "TequioTable"])
        w.element("w:tblW", ["w:w": String(geometry.textWidth), "w:type": "dxa"])
        w.element("w:tblLayout", ["w:type": "fixed"])
        w.element(
            "w:tblLook",
            ["w:firstRow": "1", "w:lastRow": t.footer == nil ? "0" : "1", "w:firstColumn": "0", "w:lastColumn": "0", "w:noHBand": "1", "w:noVBand": "1"])
        if !t.caption.isEmpty { w.element("w:tblCaption", ["w:val": t.caption]) }
        w.end()
        w.start("w:tblGrid")
        for width in widths { w.element("w:gridCol", ["w:w": String(width)]) }
        w.end()

        // The header row repeats on every page (`w:tblHeader`, first row only, so always contiguous) and
        // stays with the first row.
        w.start("w:tr")
        w.start("w:trPr")
        w.element("w:cantSplit")
        w.element("w:tblHeader")
        w.end()
        for (i, label) in t.header.enumerated() {
            cell(width: widths[i], fill: branding.colours.tableHeaderFill.hex) {
                startParagraph("TableHeading", alignment: t.numericColumns.contains(i) ? "right" : nil, keepWithNext: true)
                run(label)
                w.end()
            }
        }
        w.end()

        // Rows never split across pages (Word and LibreOffice still cut one taller than a page); a
        // signature table's rows are tall enough to sign in, and stay together.
        let signatures = t.kind == .signatures
        for (r, row) in t.rows.enumerated() {
            w.start("w:tr")
            w.start("w:trPr")
            w.element("w:cantSplit")
            if signatures {
                w.element("w:trHeight", ["w:val": String(Int(DocumentLayout.Table.signatureRowHeight * 20)), "w:hRule": "atLeast"])
            }
            if r < t.rowMarks.count { markChanges(t.rowMarks[r]) }
            w.end()
            let keep = signatures && r + 1 < t.rows.count
            for (i, lines) in row.enumerated() {
                let anchor = r < t.cellAnchors.count && i < t.cellAnchors[r].count ? t.cellAnchors[r][i] : nil
                cell(width: widths[i], fill: nil) {
                    if lines.isEmpty {
                        startParagraph("TableText", keepWithNext: keep)
                        if let anchor { cellBookmark(anchor) }
                        w.end()
                    }
                    for (n, line) in lines.enumerated() {
                        startParagraph(
                            "TableText", rtl: BidiText.isRightToLeft(line.plain),
                            alignment: t.numericColumns.contains(i) ? "right" : nil, mark: line.paragraphMark, keepWithNext: keep)
                        if n == 0, let anchor { cellBookmark(anchor) }
                        text(line)
                        w.end()
                    }
                }
            }
            w.end()
        }
        if let footer = t.footer {
            w.start("w:tr")
            w.start("w:trPr")
            w.element("w:cantSplit")
            w.end()
            for (i, text) in footer.enumerated() {
                cell(width: widths[i], fill: branding.colours.tableBand.hex) {
                    startParagraph("TableText", alignment: t.numericColumns.contains(i) ? "right" : nil)
                    run(text, bold: true)
                    w.end()
                }
            }
            w.end()
        }
        w.end()
    }

    /// A hidden, empty bookmark at the start of a matrix cell: how a reviewed copy finds the cell again.
    func cellBookmark(_ anchor: String) {
        s.bookmarks += 1
        w.element("w:bookmarkStart", ["w:id": String(s.bookmarks), "w:name": Self.bookmarkName(anchor)])
        w.element("w:bookmarkEnd", ["w:id": String(s.bookmarks)])
    }

    /// A `w:tc`: width, optional fill, then its paragraphs (the body must write at least one).
    func cell(width: Int, fill: String?, _ body: () -> Void) {
        w.start("w:tc")
        w.start("w:tcPr")
        w.element("w:tcW", ["w:w": String(width), "w:type": "dxa"])
        if let fill { w.element("w:shd", ["w:val": "clear", "w:color": "auto", "w:fill": fill]) }
        w.end()
        body()
        w.end()
    }
}
