import Foundation
import TequioModel
import XMLSupport

/// Writes `content.xml` from a layout.
///
/// Page changes are carried by automatic paragraph styles that name a master page (`…land` for the
/// landscape matrix pages, `…port` back to portrait, `…first` for the cover) or a page break
/// (`…break`); all are declared up front, since ODF wants automatic styles before the body. Table column
/// widths are found in a first pass over the blocks.
final class OdtBody {
    enum Pending: String, Sendable { case first, pageBreak = "break", landscape = "land", portrait = "port" }

    let w: XMLWriter
    private let layout: DocumentLayout
    let branding: Branding
    let tables: TablePlan
    private let changes: OdtChanges
    var s: State

    /// Paragraph styles that may open a page; each has `.first`, `.break`, `.land` and `.port` variants.
    static let pageOpeners = [
        "Heading_20_1", "Heading_20_2", "Minor_20_Heading", "Text_20_body", "Cover_20_Logo", "Cover_20_Kicker", "Title",
    ]

    private init(layout: DocumentLayout, branding: Branding, tables: TablePlan, state: State, fragment: Bool) {
        self.layout = layout
        self.branding = branding
        self.tables = tables
        changes = OdtChanges.collect(layout)
        s = state
        // Fragments keep the declaration so libxml2 writes UTF-8; `ChunkPlan.join` removes it.
        w = XMLWriter()
        _ = fragment
    }

    /// `content.xml`, in parallel chunks for long documents (as `DocxBody.render`).
    static func render(_ layout: DocumentLayout, branding: Branding, threshold: Int = DocxBody.chunkThreshold) throws -> Data {
        let tables = TablePlan(layout, branding: branding)
        let first = State(pending: layout.hasCover ? .first : nil)
        let blocks = layout.blocks
        // Tracked changes are listed before the body: a document that has them is written in one pass.
        let hasChanges = layout.blocks.contains { !OdtChanges.texts(of: $0).allSatisfy { !$0.hasChanges } }
        let chunks = ChunkPlan.ranges(blocks, threshold: hasChanges ? Int.max : threshold)
        if chunks.count <= 1 {
            let body = OdtBody(layout: layout, branding: branding, tables: tables, state: first, fragment: false)
            body.open()
            for block in blocks { body.render(block) }
            body.close()
            return try body.w.finish()
        }
        let hasLogo = branding.logo?.png != nil
        let (startStates, state) = ChunkPlan.startStates(blocks, chunks: chunks, initial: first) {
            $0.advance($1, hasLogo: hasLogo)
        }
        let parts = ChunkPlan.ParallelResults(count: chunks.count)
        DispatchQueue.concurrentPerform(iterations: chunks.count) { c in
            let body = OdtBody(layout: layout, branding: branding, tables: tables, state: startStates[c], fragment: true)
            for block in blocks[chunks[c]] { body.render(block) }
            parts.set(c, Result { try body.w.finish() })
        }
        let shell = OdtBody(layout: layout, branding: branding, tables: tables, state: state, fragment: false)
        shell.open()
        shell.w.comment(ChunkPlan.marker)
        shell.close()
        return try ChunkPlan.join(try shell.w.finish(), try parts.values())
    }

    private func open() {
        w.start("office:document-content", ODF.declarations)
        w.attribute("office:version", ODF.version)
        automaticStyles()
        w.start("office:body")
        w.start("office:text")
        changes.write(w)
    }

    private func close() {
        if s.pending != nil { paragraph("Text_20_body", "") }
        w.end()
        w.end()
        w.end()
    }

    // MARK: - Automatic styles

    private func automaticStyles() {
        let c = branding.colours
        w.start("office:automatic-styles")
        for base in Self.pageOpeners {
            for p in [Pending.first, .pageBreak, .landscape, .portrait] {
                w.start("style:style", ["style:name": "\(base).\(p.rawValue)", "style:family": "paragraph", "style:parent-style-name": base])
                switch p {
                case .first: w.attribute("style:master-page-name", "First_20_Page")
                case .landscape: w.attribute("style:master-page-name", "Landscape")
                case .portrait: w.attribute("style:master-page-name", "Standard")
                case .pageBreak:
                    w.element("style:paragraph-properties", ["fo:break-before": "page"])
                }
                if p == .landscape || p == .portrait || p == .first {
                    w.element("style:paragraph-properties", ["style:page-number": "auto"])
                }
                w.end()
            }
        }
        for (name, align) in [("Table_20_Contents.num", "end"), ("Table_20_Heading.num", "end"), ("Table_20_Contents.rtl", "start")] {
            w.start("style:style", ["style:name": name, "style:family": "paragraph", "style:parent-style-name": String(name.split(separator: ".")[0])])
            w.element("style:paragraph-properties", ["fo:text-align": align, "style:writing-mode": name.hasSuffix("rtl") ? "rl-tb" : nil])
            w.end()
        }
        w.start("style:style", ["style:name": "Text_20_body.rtl", "style:family": "paragraph", "style:parent-style-name": "Text_20_body"])
        w.element("style:paragraph-properties", ["fo:text-align": "start", "style:writing-mode": "rl-tb"])
        w.end()
        w.start("style:style", ["style:name": "Text_20_body.keep", "style:family": "paragraph", "style:parent-style-name": "Text_20_body"])
        w.element("style:paragraph-properties", ["fo:keep-with-next": "always"])
        w.end()
        // `.keep`: a signature table, kept on one page.
        for o in [DocumentLayout.Orientation.portrait, .landscape] {
            let g = PageGeometry.make(branding.paper, o)
            for keep in [false, true] {
                w.start("style:style", ["style:name": Self.tableStyle(o, keep: keep), "style:family": "table"])
                w.element(
                    "style:table-properties",
                    ["style:width": ODFLength.cm(twips: g.textWidth), "table:align": "margins", "fo:margin-top": "0cm", "fo:margin-bottom": "0.2cm",
                     "style:may-break-between-rows": keep ? "false" : nil])
                w.end()
            }
        }
        for col in tables.columnStyles {
            w.start("style:style", ["style:name": col.name, "style:family": "table-column"])
            w.element("style:table-column-properties", ["style:column-width": ODFLength.cm(twips: col.width)])
            w.end()
        }
        // Rows never split across pages (LibreOffice still cuts one taller than a page); a signature
        // table's rows are tall enough to sign in.
        for name in ["row.head", "row.body"] {
            w.start("style:style", ["style:name": name, "style:family": "table-row"])
            w.element("style:table-row-properties", ["fo:keep-together": "always"])
            w.end()
        }
        w.start("style:style", ["style:name": "row.sign", "style:family": "table-row"])
        w.element(
            "style:table-row-properties",
            ["style:min-row-height": "\(DocumentLayout.Table.signatureRowHeight.compact)pt", "fo:keep-together": "always"])
        w.end()
        let border = "0.5pt solid \(c.tableBorder.css)"
        for (name, fill) in [("cell", nil), ("cell.head", c.tableHeaderFill.css), ("cell.foot", c.tableBand.css)] as [(String, String?)] {
            w.start("style:style", ["style:name": name, "style:family": "table-cell"])
            w.element(
                "style:table-cell-properties",
                ["fo:background-color": fill, "fo:padding-top": "0.1cm", "fo:padding-bottom": "0.1cm", "fo:padding-left": "0.15cm", "fo:padding-right": "0.15cm", "fo:border": border])
            w.end()
        }
        w.start("style:style", ["style:name": "fr.logo", "style:family": "graphic"])
        w.element(
            "style:graphic-properties",
            ["style:vertical-pos": "top", "style:vertical-rel": "baseline", "fo:border": "none", "fo:padding": "0cm", "style:shadow": "none"])
        w.end()
        OdtFigureStyles(layout: layout, branding: branding).write(w)
        w.end()
    }

    // MARK: - Blocks

    private func render(_ block: DocumentLayout.Block) {
        switch block {
        case .logo:
            guard let logo = branding.logo, logo.png != nil else { return }
            startParagraph("Cover_20_Logo")
            w.start(
                "draw:frame",
                ["draw:style-name": "fr.logo", "draw:name": "Logo", "text:anchor-type": "as-char", "svg:width": "\(logo.widthMM.compact)mm", "svg:height": "\(((logo.heightMM * 100).rounded() / 100).compact)mm", "draw:z-index": "0"])
            w.element(
                "draw:image",
                ["xlink:href": "Pictures/logo.png", "xlink:type": "simple", "xlink:show": "embed", "xlink:actuate": "onLoad", "draw:mime-type": "image/png"])
            if !logo.description.isEmpty { w.element("svg:desc", text: logo.description) }
            w.end()
            w.end()
        case .kicker(let text): paragraph("Cover_20_Kicker", text)
        case .title(let text): paragraph("Title", text)
        case .subtitle(let text): paragraph("Subtitle", text)
        case .coverText(let text): paragraph("Cover_20_Text", text)
        case .field(let label, let value):
            startParagraph("Cover_20_Field")
            w.start("text:span", ["text:style-name": "Field_20_Label"])
            content("\(label): ")
            w.end()
            content(value)
            endParagraph(value)
        case .minorHeading(let text): paragraph("Minor_20_Heading", text)
        case .groupLabel(let text): paragraph("Group_20_Label", text)
        case .member(let name, let role):
            startParagraph("Member")
            content(name)
            if let role {
                w.start("text:span", ["text:style-name": "Member_20_Role"])
                if role.hasChanges {
                    content(OdtChanges.dash(role))
                    content(role)
                } else {
                    content(" — \(role.plain)")
                }
                w.end()
            }
            endParagraph(role ?? name)
        case .heading(let level, let text, let anchor):
            let l = min(3, max(1, level))
            flushPending(for: "Heading_20_\(l)")
            w.start("text:h", ["text:style-name": styleName("Heading_20_\(l)"), "text:outline-level": String(l)])
            endOpenInsertion()
            if let anchor { w.element("text:bookmark", ["text:name": anchor]) }
            content(text)
            endParagraph(text)
        case .paragraph(let text):
            paragraph(BidiText.isRightToLeft(text.plain) && s.pending == nil ? "Text_20_body.rtl" : "Text_20_body", text)
        case .list(let kind, let items):
            flushPending(for: nil)
            w.start("text:list", ["text:style-name": kind == .numbered ? "Tequio_20_Numbered" : "Tequio_20_Bullets"])
            for item in items {
                w.start("text:list-item")
                w.start("text:p", ["text:style-name": kind == .numbered ? "List_20_Number" : "List_20_Bullet"])
                endOpenInsertion()
                content(item)
                endParagraph(item)
                w.end()
            }
            w.end()
        case .table(let t): table(t)
        case .chart(let c): figure(ChartGeometry.figure(c, width: figureWidth, colours: branding.colours))
        case .figure(let f): figure(f)
        case .contents(let entries):
            for entry in entries {
                startParagraph("Contents_20_1")
                w.start("text:a", ["xlink:type": "simple", "xlink:href": "#\(entry.anchor)"])
                content(entry.text)
                w.end()
                w.element("text:tab")
                w.element("text:bookmark-ref", ["text:reference-format": "page", "text:ref-name": entry.anchor])
                w.end()
            }
        case .drawing(let d): if !d.text.isEmpty { paragraph("Text_20_body", d.text) }
        case .pageBreak:
            if s.pending == nil { s.pending = .pageBreak }
        case .orientation(let o):
            if o != s.orientation || s.pending == nil || s.pending == .pageBreak {
                s.pending = o == .landscape ? .landscape : .portrait
            }
            s.orientation = o
        }
    }

    /// The style to use for a paragraph of `base`, taking the s.pending page change.
    func styleName(_ base: String) -> String {
        guard let p = s.pending else { return base }
        s.pending = nil
        return "\(base).\(p.rawValue)"
    }

    /// A s.pending page change must ride on a paragraph of a style that can carry it: when the next
    /// element cannot (a list, a table, another style), an empty body paragraph carries it.
    func flushPending(for base: String?) {
        guard s.pending != nil else { return }
        if let base, Self.pageOpeners.contains(base) { return }
        w.element("text:p", ["text:style-name": styleName("Text_20_body")])
    }

    func startParagraph(_ base: String) {
        flushPending(for: base)
        w.start("text:p", ["text:style-name": styleName(base)])
        endOpenInsertion()
    }

    private func paragraph(_ base: String, _ text: String) {
        startParagraph(base)
        content(text)
        w.end()
    }

    private func paragraph(_ base: String, _ text: LayoutText) {
        startParagraph(base)
        content(text)
        endParagraph(text)
    }

    /// Text with the white space ODF would collapse written as `text:s` (spaces after the first, or at
    /// the start) and `text:tab`.
    func content(_ text: String) { Self.content(text, w) }

    static func content(_ text: String, _ w: XMLWriter) {
        let shape = DocxBody.shape(text)
        if !shape.hasTab && !shape.needsPreserve {
            w.text(text)  // the common case: nothing ODF would collapse
            return
        }
        var run = ""
        var written = false
        var spaces = 0
        func flushRun() {
            guard !run.isEmpty else { return }
            w.text(run)
            run = ""
            written = true
        }
        func flushSpaces() {
            guard spaces > 0 else { return }
            if !written && run.isEmpty {
                w.element("text:s", ["text:c": spaces > 1 ? String(spaces) : nil])
                written = true
            } else {
                run.append(" ")
                if spaces > 1 {
                    flushRun()
                    w.element("text:s", ["text:c": spaces > 2 ? String(spaces - 1) : nil])
                }
            }
            spaces = 0
        }
        for ch in text {
            if ch == " " {
                spaces += 1
                continue
            }
            flushSpaces()
            if ch == "\t" {
                flushRun()
                w.element("text:tab")
                written = true
            } else {
                run.append(ch)
            }
        }
        flushSpaces()
        flushRun()
    }
}
