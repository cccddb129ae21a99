import Foundation
import PDFSupport
import TequioModel

/// The second pass: draws the paginated pages with cairo, now that the page count and every anchor's
/// page are known. Adds the running header (not on the cover), the footer "Página 3 de 12", the
/// contents' page numbers and links, and the outline (bookmarks) from the headings.
struct PDFPainter {
    let layout: DocumentLayout
    let styles: PDFStyles
    let engine: TextEngine
    let logo: PNGImage?

    /// Points between the leader dots of a contents entry, and between them and the texts.
    static let leaderStep = 4.0

    func draw(_ pages: [PDFPage], on canvas: PDFCanvas) {
        var anchors: [String: (page: Int, y: Double)] = [:]
        for (i, page) in pages.enumerated() {
            for mark in page.marks { if let a = mark.anchor, anchors[a] == nil { anchors[a] = (i + 1, mark.y) } }
        }
        var headers: [Double: TextBlock] = [:]
        for (i, page) in pages.enumerated() {
            let f = page.frame
            canvas.beginPage(width: f.width, height: f.height)
            for item in page.items { draw(item, on: canvas, anchors: anchors) }
            if !(layout.hasCover && i == 0) {
                if headers[f.textWidth] == nil { headers[f.textWidth] = header(width: f.textWidth) }
                drawFurniture(page, number: i + 1, of: pages.count, header: headers[f.textWidth]!, on: canvas)
            }
            canvas.endPage()
        }
        outline(pages, on: canvas)
    }

    private func draw(_ item: PDFPlaced, on canvas: PDFCanvas, anchors: [String: (page: Int, y: Double)]) {
        switch item {
        case .text(let p, let x, let y, let lines):
            canvas.tagged(p.structure) { canvas.draw(p.textBlock(engine), x: x, y: y, lines: lines) }
        case .rule(let x, let y, let width, let thickness, let colour):
            canvas.line(from: (x, y), to: (x + width, y), width: thickness, colour: colour)
        case .post(let x, let y, let height, let thickness, let colour):
            canvas.line(from: (x, y), to: (x, y + height), width: thickness, colour: colour)
        case .fill(let x, let y, let width, let height, let colour):
            canvas.fill(x: x, y: y, width: width, height: height, colour: colour)
        case .logo(let x, let y, let width, let height):
            if let logo { canvas.draw(logo, x: x, y: y, width: width, height: height) }
        case .drawing(let d, let x, let y): d.draw(on: canvas, x: x, y: y)
        case .figure(let figure, let x, let y):
            PDFFigure(engine: engine, text: styles.look(.tableText).run).draw(figure, x: x, y: y, on: canvas)
        case .beginTag(let structure): canvas.beginTag(structure)
        case .endTag(let structure): canvas.endTag(structure)
        case .contentsEntry(let p, let x, let y, let anchor, let numberX, let style):
            contentsEntry(p, x: x, y: y, target: anchors[anchor], numberX: numberX, style: style, on: canvas)
        }
    }

    /// The entry's text, its page number at the end of the line of its last line, dots between, and
    /// the whole entry a link to the heading.
    private func contentsEntry(
        _ p: PDFParagraph, x: Double, y: Double, target: (page: Int, y: Double)?, numberX: Double, style: RunStyle,
        on canvas: PDFCanvas
    ) {
        let block = p.textBlock(engine)
        canvas.draw(block, x: x, y: y)
        guard let target, let last = p.lines.last else { return }
        let width = PDFFlow.pageNumberWidth
        let number = TextBlock(engine, runs: [TextRun(String(target.page), style)], width: width, alignment: .end)
        let top = y + last.top + last.baseline - number.lines[0].baseline
        canvas.draw(number, x: numberX - width, y: top)
        let extent = block.extent(ofLine: p.lines.count - 1)
        let numberStart = numberX - number.extent(ofLine: 0).width
        var dot = ((x + extent.x + extent.width + Self.leaderStep) / Self.leaderStep).rounded(.up) * Self.leaderStep
        while dot < numberStart - Self.leaderStep {
            canvas.dot(x: dot, y: y + last.baseline + last.top, radius: 0.55, colour: style.colour)
            dot += Self.leaderStep
        }
        canvas.link(x: x, y: y, width: numberX - x, height: p.height, page: target.page, targetY: target.y)
    }

    /// The running header, set once per text width.
    private func header(width: Double) -> TextBlock {
        let look = styles.look(.pageHeader)
        return TextBlock(engine, runs: PDFText.runs(layout.runningHeader, look.run), width: width, alignment: look.alignment, lineSpacing: look.lineSpacing)
    }

    private func drawFurniture(_ page: PDFPage, number: Int, of count: Int, header: TextBlock, on canvas: PDFCanvas) {
        let f = page.frame
        let headerLook = styles.look(.pageHeader)
        canvas.draw(header, x: f.left, y: f.header)
        if let b = headerLook.borderBelow {
            let y = f.header + header.height + b.gap + b.width / 2
            canvas.line(from: (f.left, y), to: (f.left + f.textWidth, y), width: b.width, colour: b.colour)
        }
        let look = styles.look(.pageFooter)
        let words = "\(layout.strings.pagePrefix)\(number)\(layout.strings.pageSeparator)\(count)"
        let footer = TextBlock(engine, runs: PDFText.runs(words, look.run), width: f.textWidth, alignment: look.alignment, lineSpacing: look.lineSpacing)
        canvas.draw(footer, x: f.left, y: f.height - f.footer - footer.height)
    }

    /// Bookmarks from the headings, nested by level.
    private func outline(_ pages: [PDFPage], on canvas: PDFCanvas) {
        var parents: [(level: Int, id: Int)] = []
        for (i, page) in pages.enumerated() {
            for mark in page.marks {
                guard let level = mark.level else { continue }
                while let last = parents.last, last.level >= level { parents.removeLast() }
                let title = mark.title.trimmingCharacters(in: .whitespacesAndNewlines)
                let id = canvas.addOutline(parent: parents.last?.id ?? 0, title: title.isEmpty ? " " : title, page: i + 1, y: mark.y)
                parents.append((level, id))
            }
        }
    }
}
