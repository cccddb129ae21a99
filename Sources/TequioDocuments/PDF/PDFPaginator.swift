import PDFSupport
import TequioModel

/// Puts flow items on pages, top to bottom: the first pass of the writer, which only measures. Its
/// pages give the page count and the page of every anchor before anything is drawn.
///
/// Rules: space before a paragraph is dropped at the top of a page; a paragraph keeps at least two
/// lines at the foot of a page and carries at least two to the next (widows and orphans; a paragraph of
/// three lines is not split); headings and others kept with the next item move to a new page with the
/// start of what follows; a table's header row starts every page the table is on; a row never splits when it fits on a page, and one
/// taller than a page is cut between lines, each cell resuming where it stopped.
struct PDFPaginator {
    let paper: Branding.Paper
    private(set) var pages: [PDFPage]
    private var page: PDFPage
    private var y: Double
    private var orientation = DocumentLayout.Orientation.portrait
    private var pendingBreak = false
    private var spaceAfter = 0.0

    /// Space left after a table, before what follows it.
    static let tableSpaceAfter = 6.0
    private static let epsilon = 0.01
    /// The shortest part of a row cut across pages that may stand at the foot of a page.
    static let smallestPart = 36.0

    init(paper: Branding.Paper) {
        self.paper = paper
        page = PDFPage(PDFFrame(paper, .portrait))
        pages = [page]
        y = page.frame.bodyTop
    }

    static func paginate(_ items: [PDFFlowItem], paper: Branding.Paper) -> [PDFPage] {
        var p = PDFPaginator(paper: paper)
        for i in items.indices { p.place(items, at: i) }
        if p.pages.count > 1, p.pages.last!.isEmpty { p.pages.removeLast() }
        return p.pages
    }

    private var atTop: Bool { y <= page.frame.bodyTop + Self.epsilon }
    private var remaining: Double { page.frame.bodyBottom - y }

    private mutating func newPage() {
        page = PDFPage(PDFFrame(paper, orientation))
        pages.append(page)
        y = page.frame.bodyTop
        spaceAfter = 0
    }

    /// Space before an item with `before` of its own: none at the top of a page.
    private func gap(_ before: Double) -> Double { atTop ? 0 : spaceAfter + before }

    private mutating func place(_ items: [PDFFlowItem], at i: Int) {
        switch items[i] {
        case .pageBreak:
            if !page.isEmpty { pendingBreak = true }
            return
        case .orientation(let o):
            orientation = o
            if !page.isEmpty {
                pendingBreak = true
            } else if page.frame.orientation != o {
                page = PDFPage(PDFFrame(paper, o))
                pages[pages.count - 1] = page
                y = page.frame.bodyTop
            }
            return
        default: break
        }
        if pendingBreak {
            pendingBreak = false
            newPage()
        }
        keepWithNext(items, from: i)
        switch items[i] {
        case .text(let box): place(box)
        case .logo(let width, let height, let look): placeLogo(width: width, height: height, look: look)
        case .table(let table): place(table)
        case .drawing(let d, let look):
            let top = placeBox(height: d.height, look: look)
            page.items.append(.drawing(d, x: page.frame.left + (page.frame.textWidth - d.width) / 2, y: top))
        case .figure(let figure): place(figure)
        case .pageBreak, .orientation: break
        }
    }

    // MARK: - Keeping together

    /// Moves to a new page when a run of items kept with their next (headings), with the start of the
    /// item after them, does not fit here but fits on a page of its own. A one-line paragraph between two
    /// such items (a case study's place under its title, before "Contexto") belongs to the run.
    private mutating func keepWithNext(_ items: [PDFFlowItem], from i: Int) {
        guard !atTop, case .text(let first) = items[i], first.look.keepWithNext else { return }
        if i > 0, case .text(let previous) = items[i - 1], previous.look.keepWithNext { return }
        func kept(_ j: Int) -> Bool {
            guard j < items.count, case .text(let box) = items[j] else { return false }
            return box.look.keepWithNext
        }
        func bridges(_ j: Int) -> Bool {
            guard j < items.count, case .text(let box) = items[j] else { return false }
            return box.paragraph.lines.count == 1 && box.label == nil && kept(j + 1)
        }
        var need = 0.0
        var j = i
        while kept(j) || (j > i && bridges(j)), case .text(let box) = items[j] {
            need += (j == i ? gap(box.look.spaceBefore) : box.look.spaceBefore) + fullHeight(box) + box.look.spaceAfter
            j += 1
        }
        if j < items.count { need += head(items[j]) }
        if need > remaining + Self.epsilon && need <= page.frame.bodyHeight { newPage() }
    }

    private func fullHeight(_ box: PDFTextBox) -> Double {
        box.paragraph.height + (box.look.borderBelow.map { $0.gap + $0.width } ?? 0)
    }

    /// The least of an item that must stand under the item kept with it: two lines (three of three), a
    /// logo or drawing, a table's header row and its whole first row (a third of a page of a row taller
    /// than a page).
    private func head(_ item: PDFFlowItem) -> Double {
        switch item {
        case .text(let box):
            let p = box.paragraph
            // Two lines, or all three of a paragraph that is not split.
            return box.look.spaceBefore + p.height(0..<(p.lines.count == 3 ? 3 : min(2, p.lines.count)))
        case .logo(_, let height, let look): return look.spaceBefore + height
        case .drawing(let d, let look): return look.spaceBefore + d.height
        case .figure(let figure): return figure.height
        case .table(let t):
            if t.keepTogether && t.totalHeight <= page.frame.bodyHeight { return t.totalHeight }
            let header = t.height(t.header)
            let first = t.rows.first.map { t.height($0) } ?? 0
            // A first row that fits on a page is never cut, so all of it must stand under the header row
            // (else the header would be left alone at the foot of the page); a taller one is cut anyway.
            return header + (first <= page.frame.bodyHeight - header ? first : min(first, page.frame.bodyHeight / 3))
        case .pageBreak, .orientation: return 0
        }
    }

    // MARK: - Paragraphs

    private mutating func place(_ box: PDFTextBox) {
        let p = box.paragraph
        let n = p.lines.count
        let border = box.look.borderBelow.map { $0.gap + $0.width } ?? 0
        let keepTogether = box.look.keepTogether || box.contents != nil
        var start = 0
        while start < n {
            let top = y + (start == 0 ? gap(box.look.spaceBefore) : 0)
            let room = page.frame.bodyBottom - top + Self.epsilon
            var end = start
            while end < n, p.height(start..<end + 1) + (end + 1 == n ? border : 0) <= room { end += 1 }
            if end < n {
                let wholeFits = p.height(start..<n) + border <= page.frame.bodyHeight
                if !atTop && ((keepTogether && wholeFits) || end - start < min(2, n - start)) {
                    newPage()
                    continue
                }
                // A single last line goes with one more, when two stay here; when only two would stay,
                // the three go together to the next page.
                if n - end == 1 && end - start >= 3 { end -= 1 }
                if n - end == 1 && end - start == 2 && !atTop {
                    newPage()
                    continue
                }
                if end == start { end = start + 1 }
            }
            emit(box, lines: start..<end, top: top)
            y = top + p.height(start..<end)
            if end == n {
                if let b = box.look.borderBelow {
                    page.items.append(.rule(x: page.frame.left + box.x, y: y + b.gap + b.width / 2, width: p.width, thickness: b.width, colour: b.colour))
                }
                y += border
                break
            }
            newPage()
            start = end
        }
        spaceAfter = box.look.spaceAfter
    }

    private func emit(_ box: PDFTextBox, lines: Range<Int>, top: Double) {
        let p = box.paragraph
        let x = page.frame.left + box.x
        let origin = top - p.lines[lines.lowerBound].top
        if let c = box.contents {
            page.items.append(.contentsEntry(p, x: x, y: origin, anchor: c.anchor, numberX: page.frame.left + c.numberX, style: c.style))
        } else {
            page.items.append(.text(p, x: x, y: origin, lines: lines))
        }
        guard lines.lowerBound == 0 else { return }
        if let (label, labelX) = box.label {
            let shift = p.lines[0].baseline - label.lines[0].baseline
            page.items.append(.text(label, x: page.frame.left + labelX, y: origin + shift, lines: 0..<label.lines.count))
        }
        if var mark = box.mark {
            mark.y = top
            page.marks.append(mark)
        }
    }

    private mutating func placeLogo(width: Double, height: Double, look: PDFLook) {
        let top = placeBox(height: height, look: look)
        page.items.append(.logo(x: page.frame.left, y: top, width: width, height: height))
    }

    /// Makes room for something that is never split (a logo, a drawing) and returns where its top goes.
    private mutating func placeBox(height: Double, look: PDFLook) -> Double {
        if !atTop && gap(look.spaceBefore) + height > remaining { newPage() }
        let top = y + gap(look.spaceBefore)
        y = top + height
        spaceAfter = look.spaceAfter
        return top
    }

    /// A figure is kept whole: on the next page when it does not fit here.
    private mutating func place(_ figure: Figure) {
        if !atTop && gap(0) + figure.height > remaining { newPage() }
        let top = y + gap(0)
        page.items.append(.figure(figure, x: page.frame.left, y: top))
        y = top + figure.height
        spaceAfter = Self.tableSpaceAfter
    }

    // MARK: - Tables

    private mutating func place(_ t: PDFTable) {
        let headerHeight = t.height(t.header)
        if !atTop && spaceAfter + head(.table(t)) > remaining { newPage() }
        y += gap(0)
        page.items.append(.beginTag("Table"))
        placeHeader(t)
        for (r, row) in t.rows.enumerated() { place(row, kind: .row(r), of: t, headerHeight: headerHeight) }
        if let footer = t.footer { place(footer, kind: .footer, of: t, headerHeight: headerHeight) }
        page.items.append(.endTag("Table"))
        spaceAfter = Self.tableSpaceAfter
    }

    /// The table goes on on a new page, under its header row: a tagged table element per page, since
    /// cairo 1.16 drops a structure element that spans pages.
    private mutating func continueOnNewPage(_ t: PDFTable) {
        page.items.append(.endTag("Table"))
        newPage()
        page.items.append(.beginTag("Table"))
        placeHeader(t)
    }

    private mutating func placeHeader(_ t: PDFTable) {
        let height = t.height(t.header)
        let header = t.header
        t.place(header, starts: header.cells.map { _ in 0 }, ends: t.ends(header), height: height, x: page.frame.left, y: y, on: page, ruleAbove: true, cellTag: "TH")
        page.tableRows.append(PDFTableRowMark(kind: .header, isPart: false, top: y, height: height))
        y += height
    }

    private mutating func place(_ row: PDFTable.Row, kind: PDFTableRowMark.Kind, of t: PDFTable, headerHeight: Double) {
        let height = t.height(row)
        let zero = row.cells.map { _ in 0 }
        if height > remaining + Self.epsilon && height <= page.frame.bodyHeight - headerHeight { continueOnNewPage(t) }
        if height <= remaining + Self.epsilon {
            t.place(row, starts: zero, ends: t.ends(row), height: height, x: page.frame.left, y: y, on: page, ruleAbove: false)
            page.tableRows.append(PDFTableRowMark(kind: kind, isPart: false, top: y, height: height))
            y += height
            return
        }
        // Taller than a page: cut between lines, the header row again on every page.
        var starts = zero
        let all = t.ends(row)
        while true {
            let onlyHeader = y <= page.frame.bodyTop + headerHeight + Self.epsilon
            var part = t.fragment(row, from: starts, available: remaining, force: onlyHeader)
            // A sliver at the foot of a page is not worth the cut: start the row on the next one.
            if part.ends == starts || (!onlyHeader && part.height < Self.smallestPart) {
                continueOnNewPage(t)
                part = t.fragment(row, from: starts, available: remaining, force: true)
            }
            t.place(row, starts: starts, ends: part.ends, height: part.height, x: page.frame.left, y: y, on: page, ruleAbove: false)
            page.tableRows.append(PDFTableRowMark(kind: kind, isPart: true, top: y, height: part.height))
            y += part.height
            if part.ends == all { return }
            starts = part.ends
            continueOnNewPage(t)
        }
    }
}
