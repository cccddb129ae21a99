import PDFSupport
import TequioModel

/// A table measured for the PDF: its columns, header row, rows and closing row, each cell a stack of
/// paragraphs. Pagination places whole rows, and cuts a row between lines only when it is taller than
/// a page (`fragment`).
final class PDFTable {
    struct Cell {
        /// Each paragraph and the top of its first line, in points from the top of the cell's text.
        var paragraphs: [(paragraph: PDFParagraph, top: Double)]
        /// Every line of the cell in order: its paragraph, its index there, and its top and bottom in the
        /// cell's text.
        var lines: [(paragraph: Int, line: Int, top: Double, bottom: Double)]
        var height: Double { lines.last?.bottom ?? 0 }
    }

    struct Row {
        var cells: [Cell]
        var fill: RGB?
        /// A bar at the start edge for a row added or removed between drafts.
        var changeBar: RGB?
        /// The least height of the row, padding included (a row to write or sign in).
        var leastHeight = 0.0
    }

    /// Where each column starts, from the table's left edge, and its width.
    let columns: [(x: Double, width: Double)]
    let header: Row
    let rows: [Row]
    let footer: Row?
    let padding: (vertical: Double, horizontal: Double)
    let rule: (thickness: Double, colour: RGB)
    /// The whole table goes on one page when it fits on one (a signature table).
    let keepTogether: Bool

    init(
        columns: [(x: Double, width: Double)], header: Row, rows: [Row], footer: Row?, padding: (Double, Double), rule: (Double, RGB),
        keepTogether: Bool = false
    ) {
        self.keepTogether = keepTogether
        self.columns = columns
        self.header = header
        self.rows = rows
        self.footer = footer
        self.padding = (padding.0, padding.1)
        self.rule = (rule.0, rule.1)
    }

    var width: Double { columns.last.map { $0.x + $0.width } ?? 0 }

    /// The full height of a row, padding included.
    func height(_ row: Row) -> Double { max(row.leastHeight, (row.cells.map(\.height).max() ?? 0) + 2 * padding.vertical) }

    /// Every row's height, the header's and the closing row's included.
    var totalHeight: Double { ([header] + rows + (footer.map { [$0] } ?? [])).reduce(0) { $0 + height($1) } }

    /// The part of `row` that fits in `available` points when each cell resumes at its line `starts`:
    /// each cell's lines up to the first one that does not fit. Returns where each cell stops and the
    /// part's height; at least one line goes when `force` is set, so a row always moves on.
    func fragment(_ row: Row, from starts: [Int], available: Double, force: Bool) -> (ends: [Int], height: Double) {
        let room = available - 2 * padding.vertical
        var ends = starts
        var tallest = 0.0
        for (c, cell) in row.cells.enumerated() {
            let first = starts[c]
            guard first < cell.lines.count else { continue }
            let origin = cell.lines[first].top
            var end = first
            while end < cell.lines.count, cell.lines[end].bottom - origin <= room + 0.01 { end += 1 }
            ends[c] = end
            if end > first { tallest = max(tallest, cell.lines[end - 1].bottom - origin) }
        }
        if force && ends == starts, let c = row.cells.indices.first(where: { starts[$0] < row.cells[$0].lines.count }) {
            let cell = row.cells[c]
            ends[c] = starts[c] + 1
            tallest = cell.lines[starts[c]].bottom - cell.lines[starts[c]].top
        }
        return (ends, tallest + 2 * padding.vertical)
    }

    /// The last line index + 1 of every cell: a row's `ends` when all of it is placed.
    func ends(_ row: Row) -> [Int] { row.cells.map(\.lines.count) }

    /// Draws a row (or the part from `starts` to `ends`) with its top at `y`, the table's left edge at `x`.
    /// Places lines `starts`–`ends` of each cell of `row`, tagged as a table row of `cellTag` cells (TH
    /// for the header row, TD otherwise), then its rules.
    func place(_ row: Row, starts: [Int], ends: [Int], height: Double, x: Double, y: Double, on page: PDFPage, ruleAbove: Bool, cellTag: String = "TD") {
        if let fill = row.fill { page.items.append(.fill(x: x, y: y, width: width, height: height, colour: fill)) }
        if let bar = row.changeBar { page.items.append(.fill(x: x - 4.5, y: y, width: 3, height: height, colour: bar)) }
        page.items.append(.beginTag("TR"))
        for (c, cell) in row.cells.enumerated() {
            page.items.append(.beginTag(cellTag))
            defer { page.items.append(.endTag(cellTag)) }
            guard starts[c] < ends[c] else { continue }
            let origin = cell.lines[starts[c]].top
            var i = starts[c]
            while i < ends[c] {
                let p = cell.lines[i].paragraph
                var j = i
                while j < ends[c], cell.lines[j].paragraph == p { j += 1 }
                let first = cell.lines[i].line
                let paragraph = cell.paragraphs[p].paragraph
                page.items.append(
                    .text(
                        paragraph, x: x + columns[c].x + padding.horizontal,
                        y: y + padding.vertical + cell.lines[i].top - origin - paragraph.lines[first].top, lines: first..<first + (j - i)))
                i = j
            }
        }
        page.items.append(.endTag("TR"))
        if ruleAbove { page.items.append(.rule(x: x, y: y, width: width, thickness: rule.thickness, colour: rule.colour)) }
        page.items.append(.rule(x: x, y: y + height, width: width, thickness: rule.thickness, colour: rule.colour))
        for edge in columns.map(\.x) + [width] {
            page.items.append(.post(x: x + edge, y: y, height: height, thickness: rule.thickness, colour: rule.colour))
        }
    }
}

extension PDFTable.Cell {
    /// A cell from its paragraphs, `gap` points between two of them.
    init(_ paragraphs: [PDFParagraph], gap: Double) {
        var placed: [(paragraph: PDFParagraph, top: Double)] = []
        var lines: [(paragraph: Int, line: Int, top: Double, bottom: Double)] = []
        var y = 0.0
        for (i, p) in paragraphs.enumerated() {
            if i > 0 { y += gap }
            placed.append((p, y))
            for (n, line) in p.lines.enumerated() { lines.append((i, n, y + line.top, y + line.bottom)) }
            y += p.height
        }
        self.init(paragraphs: placed, lines: lines)
    }
}
