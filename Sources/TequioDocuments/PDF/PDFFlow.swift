import PDFSupport
import TequioModel

/// A paragraph as it flows down the page: where it starts, its spacing, what keeps it with the next,
/// and what it adds besides its text (a list label, a rule below, an outline entry, a page number).
struct PDFTextBox {
    var paragraph: PDFParagraph
    /// Points from the left margin.
    var x: Double
    var look: PDFLook
    /// A list item's number or bullet, beside its first line.
    var label: (paragraph: PDFParagraph, x: Double)?
    var mark: PDFMark?
    /// A contents entry: the anchor whose page it shows, and where that number's right edge is.
    var contents: (anchor: String, numberX: Double, style: RunStyle)?
}

enum PDFFlowItem {
    case text(PDFTextBox)
    case logo(width: Double, height: Double, look: PDFLook)
    case table(PDFTable)
    case drawing(PDFDrawing, look: PDFLook)
    case figure(Figure)
    case pageBreak
    case orientation(DocumentLayout.Orientation)
}

/// Turns a layout's blocks into flow items, measured by pango at the width of the page they go on.
struct PDFFlow {
    let engine: TextEngine
    let styles: PDFStyles
    let paper: Branding.Paper
    /// Keep pango's layouts for drawing (short documents) or make them again (long ones).
    let keepLayouts: Bool
    private var orientation = DocumentLayout.Orientation.portrait
    /// List labels ("1.", "•") made once per document: a tiny layout costs as much to make as a line.
    private var labels: [String: PDFParagraph] = [:]

    init(engine: TextEngine, styles: PDFStyles, paper: Branding.Paper, keepLayouts: Bool) {
        self.engine = engine
        self.styles = styles
        self.paper = paper
        self.keepLayouts = keepLayouts
    }

    /// Points the page number column of a contents entry takes.
    static let pageNumberWidth = 36.0

    private var textWidth: Double { PDFFrame(paper, orientation).textWidth }

    mutating func items(_ layout: DocumentLayout) -> [PDFFlowItem] {
        var result: [PDFFlowItem] = []
        for block in layout.blocks { result += items(block) }
        return result
    }

    private mutating func items(_ block: DocumentLayout.Block) -> [PDFFlowItem] {
        switch block {
        case .logo:
            guard let logo = styles.branding.logo, logo.png != nil else { return [] }
            let points = 72 / 25.4
            return [.logo(width: logo.widthMM * points, height: logo.heightMM * points, look: styles.look(.coverLogo))]
        case .kicker(let text): return [box(.coverKicker, LayoutText(text))]
        case .title(let text): return [box(.title, LayoutText(text))]
        case .subtitle(let text): return [box(.subtitle, text)]
        case .coverText(let text): return [box(.coverText, LayoutText(text))]
        case .field(let label, let value):
            let look = styles.look(.coverField)
            let runs = PDFText.runs("\(label): ", styles.run(character: .fieldLabel, over: look.run)) + PDFText.runs(value, look.run)
            return [box(look, runs, rtl: BidiText.isRightToLeft(value.plain))]
        case .minorHeading(let text): return [box(.minorHeading, LayoutText(text))]
        case .groupLabel(let text): return [box(.memberGroup, text)]
        case .member(let name, let role):
            let look = styles.look(.member)
            var runs = PDFText.runs(name, look.run)
            if let role {
                let roleStyle = styles.run(character: .memberRole, over: look.run)
                runs += PDFText.runs(LayoutText(runs: [.init(" — ", marks: DocxBody.memberDashMarks(role) ?? .init())]), roleStyle)
                runs += PDFText.runs(role, roleStyle)
            }
            return [box(look, runs, rtl: BidiText.isRightToLeft(name.plain))]
        case .heading(let level, let text, let anchor):
            let level = min(3, max(1, level))
            var item = textBox(styles.look(.heading(level)), PDFText.runs(text, styles.look(.heading(level)).run), rtl: false)
            let title = text.current.isEmpty ? text.plain : text.current
            item.mark = PDFMark(level: level, title: title, anchor: anchor, y: 0)
            return [.text(item)]
        case .paragraph(let text):
            // A short paragraph that introduces what follows ("Cada mesa llena una matriz de seis
            // columnas:") is not left at the foot of a page without it.
            let item = box(.body, text)
            guard text.plain.unicodeScalars.last(where: { !$0.properties.isWhitespace }) == ":", case .text(var box) = item,
                box.paragraph.lines.count <= 3
            else { return [item] }
            box.look.keepWithNext = true
            return [.text(box)]
        case .list(let kind, let entries): return list(kind, entries)
        case .table(let table):
            guard let lead = table.lead else { return [.table(self.table(table))] }
            guard case .text(var box) = box(.body, lead) else { return [] }
            box.look.keepWithNext = true
            return [.text(box), .table(self.table(table))]
        case .chart(let chart): return [.figure(fitted(ChartGeometry.figure(chart, width: textWidth - 2, colours: styles.branding.colours)))]
        case .figure(let f): return [.figure(fitted(f))]
        case .contents(let entries): return entries.map(contentsEntry)
        case .drawing(let d): return drawing(d)
        case .pageBreak: return [.pageBreak]
        case .orientation(let o):
            orientation = o
            return [.orientation(o)]
        }
    }

    private func box(_ role: StyleRole, _ text: LayoutText) -> PDFFlowItem {
        let look = styles.look(role)
        return box(look, PDFText.runs(text, look.run), rtl: BidiText.isRightToLeft(text.plain))
    }

    private func box(_ look: PDFLook, _ runs: [TextRun], rtl: Bool) -> PDFFlowItem { .text(textBox(look, runs, rtl: rtl)) }

    /// A paragraph indented from its start edge: the left one, or the right one in right-to-left text.
    private func textBox(_ look: PDFLook, _ runs: [TextRun], rtl: Bool) -> PDFTextBox {
        let width = textWidth - look.startIndent
        let p = paragraph(runs, width: width, look: look)
        return PDFTextBox(paragraph: p, x: rtl ? 0 : look.startIndent, look: look)
    }

    private func paragraph(_ runs: [TextRun], width: Double, look: PDFLook, alignment: TextAlignment? = nil) -> PDFParagraph {
        PDFParagraph(engine, runs: runs, width: width, alignment: alignment ?? look.alignment, lineSpacing: look.lineSpacing, keep: keepLayouts,
            structure: look.structure)
    }

    /// List items: the text at the list's indent, the label in the hanging space before it.
    private mutating func list(_ kind: DocumentLayout.ListKind, _ entries: [LayoutText]) -> [PDFFlowItem] {
        let style = kind == .numbered ? styles.sheet.numberedList : styles.sheet.bulletList
        let look = styles.look(.listItem(kind == .numbered ? .numbered : .bullet))
        let labelStyle = styles.run(style.labelText, over: look.run)
        var result: [PDFFlowItem] = []
        for (n, entry) in entries.enumerated() {
            let rtl = BidiText.isRightToLeft(entry.plain)
            let text = paragraph(PDFText.runs(entry, look.run), width: textWidth - style.indent, look: look)
            let word: String =
                switch style.label {
                case .number(let suffix): "\(n + 1)\(suffix)"
                case .bullet(let bullet): bullet
                }
            let key = "\(kind == .numbered ? "n" : "b")\(rtl ? "r" : "l")\(word)"
            let label = labels[key] ?? paragraph(PDFText.runs(word, labelStyle), width: style.hanging, look: look, alignment: rtl ? .end : .start)
            labels[key] = label
            let labelX = rtl ? textWidth - style.indent : style.indent - style.hanging
            result.append(.text(PDFTextBox(paragraph: text, x: rtl ? 0 : style.indent, look: look, label: (label, labelX))))
        }
        return result
    }

    /// `figure`, smaller when it is wider than the text or taller than a page.
    private func fitted(_ figure: Figure) -> Figure {
        let factor = min(1, textWidth / figure.width, PDFFrame(paper, orientation).bodyHeight / figure.height)
        return factor < 1 ? figure.scaled(by: factor) : figure
    }

    /// A chart, a picture or lines to write on; the drawing's text instead of a picture that is not a
    /// PNG cairo can read and of a chart taller than a page.
    private func drawing(_ d: DocumentLayout.Drawing) -> [PDFFlowItem] {
        var look = styles.look(.body)
        look.spaceBefore = 4
        let page = PDFFrame(paper, orientation).bodyHeight
        let text: [PDFFlowItem] = d.text.isEmpty ? [] : [box(.body, LayoutText(d.text))]
        switch d.kind {
        case .chart(let chart):
            let body = look.run
            let chartLook = PDFChart.Look(font: body.font.family, ink: body.colour, muted: styles.colour(.muted), grid: RGB(hex: "D5DDE6"))
            let drawn = PDFChart(chart, width: textWidth, engine: engine, look: chartLook)
            return drawn.height <= page ? [.drawing(.chart(drawn, alternative: d.text), look: look)] : text
        case .picture(let png):
            guard let image = try? PNGImage(png: png) else { return text }
            return [.drawing(.picture(image, width: textWidth, tallest: page * PDFDrawing.tallestPicture, alternative: d.text), look: look)]
        case .writingLines(let count):
            let label = d.text.isEmpty ? nil : TextBlock(engine, runs: PDFText.runs(d.text, look.run), width: textWidth, lineSpacing: look.lineSpacing)
            // No more lines than a page holds under the label.
            let fit = max(1, min(count, Int((page - (label?.height ?? 0) - 1) / PDFDrawing.lineSpacing)))
            return [.drawing(.lines(count: fit, width: textWidth, colour: styles.colour(.tableBorder), label: label), look: look)]
        }
    }

    private func contentsEntry(_ entry: DocumentLayout.ContentsEntry) -> PDFFlowItem {
        let look = styles.look(.contents(1))
        let width = textWidth - Self.pageNumberWidth
        let p = paragraph(PDFText.runs(entry.text, look.run), width: width, look: look)
        return .text(PDFTextBox(paragraph: p, x: 0, look: look, contents: (entry.anchor, textWidth, look.run)))
    }

    private func table(_ t: DocumentLayout.Table) -> PDFTable {
        let sheet = styles.sheet.table
        let (vpad, hpad) = (sheet.verticalPadding, sheet.horizontalPadding)
        let text = styles.look(.tableText)
        var columns: [(x: Double, width: Double)] = []
        var x = 0.0
        for width in t.columnWidths(width: textWidth, textSize: text.run.font.size, padding: hpad) {
            columns.append((x, width))
            x += width
        }
        let heading = styles.look(.tableHeading)
        func cell(_ column: Int, _ texts: [LayoutText], look: PDFLook, style: RunStyle) -> PDFTable.Cell {
            let width = max(1, columns[column].width - 2 * hpad)
            let align: TextAlignment? = t.numericColumns.contains(column) ? .end : nil
            let paragraphs = (texts.isEmpty ? [LayoutText("")] : texts).map {
                paragraph(PDFText.runs($0, style), width: width, look: look, alignment: align)
            }
            return PDFTable.Cell(paragraphs, gap: look.spaceAfter)
        }
        let header = PDFTable.Row(
            cells: t.header.indices.map { cell($0, [LayoutText(t.header[$0])], look: heading, style: heading.run) },
            fill: styles.colour(sheet.headerFill))
        let rows = t.rows.enumerated().map { r, row in
            let marks = r < t.rowMarks.count ? t.rowMarks[r] : LayoutText.Marks()
            let bar: RGB? = marks.deleted != nil ? RGB(hex: "C62828") : marks.inserted != nil ? RGB(hex: "2E7D32") : nil
            let written = r < t.rowHeights.count ? t.rowHeights[r] : 0
            let least = max(written, t.kind == .signatures ? DocumentLayout.Table.signatureRowHeight : 0)
            return PDFTable.Row(cells: row.indices.map { cell($0, row[$0], look: text, style: text.run) }, fill: nil, changeBar: bar, leastHeight: least)
        }
        var bold = text.run
        bold.font.bold = true
        let footer = t.footer.map { words in
            PDFTable.Row(cells: words.indices.map { cell($0, [LayoutText(words[$0])], look: text, style: bold) }, fill: styles.colour(.tableBand))
        }
        return PDFTable(
            columns: columns, header: header, rows: rows, footer: footer, padding: (vpad, hpad),
            rule: (sheet.rules.width, styles.colour(sheet.rules.colour)), keepTogether: t.kind == .signatures)
    }
}
