import Foundation
import TequioModel
import XMLSupport

/// Tables in `content.xml`: the header rows repeated on every page, rows that do not split, the matrix
/// cells' bookmarks, the closing row.
extension OdtBody {

    static func tableStyle(_ o: DocumentLayout.Orientation, keep: Bool) -> String {
        (o == .portrait ? "table.port" : "table.land") + (keep ? ".keep" : "")
    }

    static func tableName(_ kind: DocumentLayout.Table.Kind) -> String {
        switch kind {
        case .matrix: "Matrix"
        case .summary: "Summary"
        case .signatures: "Signatures"
        }
    }

    func table(_ t: DocumentLayout.Table) {
        if let lead = t.lead {
            // Kept with the table, unless it opens a page anyway (then it carries the page change).
            startParagraph(s.pending == nil ? "Text_20_body.keep" : "Text_20_body")
            content(lead)
            endParagraph(lead)
        }
        flushPending(for: nil)
        let columns = tables.tableColumns[s.tableCount]
        s.tableCount += 1
        w.start("table:table", ["table:name": "\(Self.tableName(t.kind))\(s.tableCount)", "table:style-name": Self.tableStyle(s.orientation, keep: t.kind == .signatures)])
        if !t.caption.isEmpty { w.element("table:title", text: t.caption) }
        for name in columns { w.element("table:table-column", ["table:style-name": name]) }
        w.start("table:table-header-rows")
        w.start("table:table-row", ["table:style-name": "row.head"])
        for (i, label) in t.header.enumerated() {
            w.start("table:table-cell", ["table:style-name": "cell.head", "office:value-type": "string"])
            w.start("text:p", ["text:style-name": t.numericColumns.contains(i) ? "Table_20_Heading.num" : "Table_20_Heading"])
            content(label)
            w.end()
            w.end()
        }
        w.end()
        w.end()
        for (r, row) in t.rows.enumerated() {
            w.start("table:table-row", ["table:style-name": t.kind == .signatures ? "row.sign" : "row.body"])
            for (i, lines) in row.enumerated() {
                let anchor = r < t.cellAnchors.count && i < t.cellAnchors[r].count ? t.cellAnchors[r][i] : nil
                w.start("table:table-cell", ["table:style-name": "cell", "office:value-type": "string"])
                if lines.isEmpty {
                    w.start("text:p", ["text:style-name": "Table_20_Contents"])
                    if let anchor { w.element("text:bookmark", ["text:name": anchor]) }
                    w.end()
                }
                for (n, line) in lines.enumerated() {
                    let style = t.numericColumns.contains(i)
                        ? "Table_20_Contents.num" : (BidiText.isRightToLeft(line.plain) ? "Table_20_Contents.rtl" : "Table_20_Contents")
                    w.start("text:p", ["text:style-name": style])
                    endOpenInsertion()
                    if n == 0, let anchor { w.element("text:bookmark", ["text:name": anchor]) }
                    content(line)
                    endParagraph(line)
                }
                w.end()
            }
            w.end()
        }
        if let footer = t.footer {
            w.start("table:table-row", ["table:style-name": "row.body"])
            for (i, text) in footer.enumerated() {
                w.start("table:table-cell", ["table:style-name": "cell.foot", "office:value-type": "string"])
                w.start("text:p", ["text:style-name": t.numericColumns.contains(i) ? "Table_20_Contents.num" : "Table_20_Contents"])
                w.start("text:span", ["text:style-name": "Strong_20_Emphasis"])
                content(text)
                w.end()
                w.end()
                w.end()
            }
            w.end()
        }
        w.end()
    }
}
