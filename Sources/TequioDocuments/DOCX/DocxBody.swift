import Foundation
import TequioModel
import XMLSupport

/// Writes `word/document.xml` from a layout: one pass over the blocks, counting the numbered lists
/// (each gets its own `w:num` so it starts at 1) and closing a section at every change of orientation.
///
/// A long document (a compendium) is written in chunks on every core: `State.advance` replays what
/// a block does to the writer's state without writing it, so each chunk can start where the previous
/// one ends; the chunks' bytes are then joined in order. The result is the same bytes as one pass.
final class DocxBody {
    let w: XMLWriter
    let layout: DocumentLayout
    let branding: Branding
    private let logo: (cx: Int, cy: Int)?
    var s: State
    /// Change ids come after the bookmark ids (one per anchored heading), so every `w:id` is unique.
    let revisionBase: Int

    static let bulletNumID = 1

    private init(layout: DocumentLayout, branding: Branding, state: State, fragment: Bool) {
        self.layout = layout
        self.branding = branding
        self.s = state
        // A fragment gets the declaration too: without it libxml2 does not know the output is UTF-8 and
        // writes non-ASCII attribute values as character references. `ChunkPlan.join` removes it.
        w = XMLWriter(standalone: true)
        _ = fragment
        revisionBase = layout.blocks.reduce(0) { count, block in
            switch block {
            case .heading(_, _, .some): count + 1
            case .table(let table): count + table.cellAnchors.reduce(0) { $0 + $1.count }
            default: count
            }
        }
        if let l = branding.logo, l.png != nil {
            logo = (Int(l.widthMM * 36_000), Int(l.heightMM * 36_000))
        } else {
            logo = nil
        }
    }

    /// Documents with more blocks than this are written in parallel chunks.
    static let chunkThreshold = 4_000

    /// `document.xml` and the number of numbered lists in it (for `numbering.xml`).
    static func render(_ layout: DocumentLayout, branding: Branding, threshold: Int = chunkThreshold) throws -> (document: Data, numberedLists: Int) {
        let hasLogo = branding.logo?.png != nil
        let blocks = layout.blocks
        let chunks = ChunkPlan.ranges(blocks, threshold: threshold)
        if chunks.count <= 1 {
            let body = DocxBody(layout: layout, branding: branding, state: State(), fragment: false)
            body.open()
            for block in blocks { body.render(block) }
            body.close()
            return (try body.w.finish(), body.s.numberedLists)
        }
        let (startStates, state) = ChunkPlan.startStates(blocks, chunks: chunks, initial: State()) {
            $0.advance($1, hasLogo: hasLogo)
        }
        let parts = ChunkPlan.ParallelResults(count: chunks.count)
        DispatchQueue.concurrentPerform(iterations: chunks.count) { c in
            let body = DocxBody(layout: layout, branding: branding, state: startStates[c], fragment: true)
            for block in blocks[chunks[c]] { body.render(block) }
            parts.set(c, Result { try body.w.finish() })
        }
        let shell = DocxBody(layout: layout, branding: branding, state: state, fragment: false)
        shell.open()
        shell.w.comment(ChunkPlan.marker)
        shell.close()
        return (try ChunkPlan.join(try shell.w.finish(), try parts.values()), state.numberedLists)
    }

    private func open() {
        let charts = layout.hasFigures
        w.start(
            "w:document",
            [
                "xmlns:w": OOXML.w, "xmlns:r": OOXML.r, "xmlns:wp": OOXML.wp, "xmlns:a": OOXML.a, "xmlns:pic": OOXML.pic,
                "xmlns:mc": charts ? OOXML.mc : nil, "xmlns:wpg": charts ? OOXML.wpg : nil, "xmlns:wps": charts ? OOXML.wps : nil,
            ])
        w.start("w:body")
    }

    private func close() {
        sectionProperties(s.orientation, first: s.sectionIndex == 0)
        w.end()
        w.end()
    }

    // MARK: - Blocks

    private func render(_ block: DocumentLayout.Block) {
        switch block {
        case .logo:
            guard let logo else { return }
            startParagraph("CoverLogo")
            drawing(cx: logo.cx, cy: logo.cy)
            w.end()
        case .kicker(let text): paragraph("Kicker", text)
        case .title(let text): paragraph("Title", text)
        case .subtitle(let text): paragraph("Subtitle", text)
        case .coverText(let text): paragraph("CoverText", text)
        case .field(let label, let value):
            startParagraph("Field", rtl: BidiText.isRightToLeft(value.plain), mark: value.paragraphMark)
            run("\(label): ", style: "FieldLabel")
            text(value)
            w.end()
        case .minorHeading(let text): paragraph("MinorHeading", text)
        case .groupLabel(let text): paragraph("GroupLabel", text)
        case .member(let name, let role):
            startParagraph("Member", rtl: BidiText.isRightToLeft(name.plain), mark: name.paragraphMark)
            text(name)
            if let role, role.hasChanges {
                text(LayoutText(runs: [.init(" — ", marks: Self.memberDashMarks(role) ?? .init())]), style: "MemberRole")
                text(role, style: "MemberRole")
            } else if let role {
                run(" — \(role.plain)", style: "MemberRole")
            }
            w.end()
        case .heading(let level, let text, let anchor):
            startParagraph("Heading\(min(3, max(1, level)))", rtl: BidiText.isRightToLeft(text.plain), mark: text.paragraphMark)
            if let anchor {
                s.bookmarks += 1
                w.element("w:bookmarkStart", ["w:id": String(s.bookmarks), "w:name": Self.bookmarkName(anchor)])
                self.text(text)
                w.element("w:bookmarkEnd", ["w:id": String(s.bookmarks)])
            } else {
                self.text(text)
            }
            w.end()
        case .paragraph(let text): paragraph("BodyText", text)
        case .list(let kind, let items):
            let numID: Int
            switch kind {
            case .bullets: numID = Self.bulletNumID
            case .numbered:
                s.numberedLists += 1
                numID = s.numberedLists + 1
            }
            for item in items {
                startParagraph(
                    kind == .numbered ? "ListNumber" : "ListBullet", numID: numID, rtl: BidiText.isRightToLeft(item.plain),
                    mark: item.paragraphMark)
                text(item)
                w.end()
            }
        case .table(let table): self.table(table)
        case .chart(let c): figure(ChartGeometry.figure(c, width: figureWidth, colours: branding.colours))
        case .figure(let f): figure(f)
        case .contents(let entries): contents(entries)
        case .drawing(let d): if !d.text.isEmpty { paragraph("BodyText", LayoutText(d.text)) }
        case .pageBreak: s.pendingPageBreak = true
        case .orientation(let o):
            if s.sectionHasContent {
                // The paragraph that ends a section carries that section's properties.
                w.start("w:p")
                w.start("w:pPr")
                sectionProperties(s.orientation, first: s.sectionIndex == 0)
                w.end()
                w.end()
                s.sectionIndex += 1
                s.sectionHasContent = false
            }
            s.orientation = o
            s.pendingPageBreak = false
        }
    }

    private func paragraph(_ style: String, _ text: String) {
        paragraph(style, LayoutText(text))
    }

    private func paragraph(_ style: String, _ text: LayoutText) {
        startParagraph(style, rtl: BidiText.isRightToLeft(text.plain), mark: text.paragraphMark)
        self.text(text)
        w.end()
    }

    /// Opens `w:p` with its properties; the caller writes the runs and closes it.
    func startParagraph(
        _ style: String, numID: Int? = nil, rtl: Bool = false, alignment: String? = nil, mark: LayoutText.Marks = .init(),
        keepWithNext: Bool = false
    ) {
        s.sectionHasContent = true
        w.start("w:p")
        w.start("w:pPr")
        w.element("w:pStyle", ["w:val": style])
        if keepWithNext { w.element("w:keepNext") }
        if s.pendingPageBreak {
            w.element("w:pageBreakBefore")
            s.pendingPageBreak = false
        }
        if let numID {
            w.start("w:numPr")
            w.element("w:ilvl", ["w:val": "0"])
            w.element("w:numId", ["w:val": String(numID)])
            w.end()
        }
        if rtl { w.element("w:bidi") }
        if let alignment { w.element("w:jc", ["w:val": alignment]) }
        if !mark.isEmpty {
            w.start("w:rPr")
            markChanges(mark)
            w.end()
        }
        w.end()
    }

    /// A run of text: tabs become `w:tab`; spaces are kept where XML would lose them.
    func run(_ text: String, style: String? = nil, bold: Bool = false, deleted: Bool = false) {
        guard !text.isEmpty else { return }
        w.start("w:r")
        if style != nil || bold {
            w.start("w:rPr")
            if let style { w.element("w:rStyle", ["w:val": style]) }
            if bold { w.element("w:b") }
            w.end()
        }
        let shape = Self.shape(text)
        let textElement = deleted ? "w:delText" : "w:t"
        if !shape.hasTab {
            w.element(textElement, ["xml:space": shape.needsPreserve ? "preserve" : nil], text: text)
        } else {
            var first = true
            for segment in text.split(separator: "\t", omittingEmptySubsequences: false) {
                if !first { w.element("w:tab") }
                first = false
                guard !segment.isEmpty else { continue }
                let s = Self.shape(String(segment))
                w.element(textElement, ["xml:space": s.needsPreserve ? "preserve" : nil], text: String(segment))
            }
        }
        w.end()
    }

    /// One pass over the UTF-8 bytes: does the text hold a tab, and does it need `xml:space="preserve"`
    /// (leading, trailing or repeated spaces)?
    static func shape(_ text: String) -> (hasTab: Bool, needsPreserve: Bool) {
        var hasTab = false
        var preserve = false
        var previousSpace = true  // a space at the start counts as leading
        for byte in text.utf8 {
            if byte == 0x09 { hasTab = true }
            let space = byte == 0x20
            if space && previousSpace { preserve = true }
            previousSpace = space
        }
        if previousSpace { preserve = true }
        return (hasTab, preserve)
    }

    // MARK: - Contents (the logo and the sections are in DocxBody+Page.swift)

    /// Entries linked to their headings, with the page number as a `PAGEREF` field: Word fills it in
    /// when it updates fields (the settings ask it to on open), LibreOffice when it lays out the pages.
    private func contents(_ entries: [DocumentLayout.ContentsEntry]) {
        for entry in entries {
            let name = Self.bookmarkName(entry.anchor)
            startParagraph("TOC1", rtl: BidiText.isRightToLeft(entry.text))
            w.start("w:hyperlink", ["w:anchor": name, "w:history": "1"])
            run(entry.text)
            w.end()
            w.start("w:r")
            w.element("w:tab")
            w.end()
            WordField.write(" PAGEREF \(name) \\h ", result: "", into: w)
            w.end()
        }
    }

    /// A Word bookmark name for an anchor: `tq-plan-3` → `_tq_plan_3` (hidden, letters, digits and `_`).
    static func bookmarkName(_ anchor: String) -> String {
        let body = anchor.unicodeScalars.map { s -> String in
            (("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s)) ? String(s) : "_"
        }.joined()
        return "_" + String(body.prefix(39))
    }
}
