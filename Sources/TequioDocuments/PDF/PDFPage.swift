import PDFSupport
import TequioModel

/// A page's size and text area in points, from the same geometry as the DOCX and ODT sections.
struct PDFFrame: Equatable {
    let orientation: DocumentLayout.Orientation
    let width: Double
    let height: Double
    let top: Double
    let bottom: Double
    let left: Double
    let right: Double
    /// From the page's top edge to the running header, and from its bottom edge to the footer.
    let header: Double
    let footer: Double

    init(_ paper: Branding.Paper, _ orientation: DocumentLayout.Orientation) {
        let g = PageGeometry.make(paper, orientation)
        func points(_ twips: Int) -> Double { Double(twips) / 20 }
        self.orientation = orientation
        width = points(g.width)
        height = points(g.height)
        top = points(g.top)
        bottom = points(g.bottom)
        left = points(g.left)
        right = points(g.right)
        header = points(g.header)
        footer = points(g.footer)
    }

    var textWidth: Double { width - left - right }
    var bodyTop: Double { top }
    var bodyBottom: Double { height - bottom }
    var bodyHeight: Double { bodyBottom - bodyTop }
}

/// A paragraph measured once: its lines, and the pango layout that draws them (kept for short
/// documents, made again at drawing time for long ones so that a compendium's memory stays flat).
final class PDFParagraph {
    let runs: [TextRun]
    let width: Double
    let alignment: TextAlignment
    let lineSpacing: Double
    let lines: [TextBlock.Line]
    /// Its structure type in the tagged PDF (`PDFLook.structure`).
    let structure: String
    private var block: TextBlock?

    init(
        _ engine: TextEngine, runs: [TextRun], width: Double, alignment: TextAlignment = .start, lineSpacing: Double = 1, keep: Bool = true,
        structure: String = "P"
    ) {
        self.runs = runs
        self.structure = structure
        self.width = width
        self.alignment = alignment
        self.lineSpacing = lineSpacing
        let made = TextBlock(engine, runs: runs, width: width, alignment: alignment, lineSpacing: lineSpacing)
        lines = made.lines
        block = keep ? made : nil
    }

    var height: Double { lines.last?.bottom ?? 0 }

    /// Height of lines `range`, from the top of the first to the bottom of the last.
    func height(_ range: Range<Int>) -> Double {
        range.isEmpty ? 0 : lines[range.upperBound - 1].bottom - lines[range.lowerBound].top
    }

    func textBlock(_ engine: TextEngine) -> TextBlock {
        if let block { return block }
        return TextBlock(engine, runs: runs, width: width, alignment: alignment, lineSpacing: lineSpacing)
    }
}

/// What is drawn on a page, in page coordinates (points from the top left corner).
enum PDFPlaced {
    /// Lines `lines` of a paragraph whose top left corner (that of its first line, drawn or not) is at
    /// (`x`, `y`).
    case text(PDFParagraph, x: Double, y: Double, lines: Range<Int>)
    case rule(x: Double, y: Double, width: Double, thickness: Double, colour: RGB)
    /// A vertical rule.
    case post(x: Double, y: Double, height: Double, thickness: Double, colour: RGB)
    case fill(x: Double, y: Double, width: Double, height: Double, colour: RGB)
    case logo(x: Double, y: Double, width: Double, height: Double)
    /// A drawing with its top left corner at (`x`, `y`).
    case drawing(PDFDrawing, x: Double, y: Double)
    /// A figure, its top left corner at (`x`, `y`).
    case figure(Figure, x: Double, y: Double)
    /// Opens and closes a structure element of the tagged PDF around what is placed between (a table,
    /// its rows and cells).
    case beginTag(String)
    case endTag(String)
    /// A contents entry (top left corner at `x`, `y`): the text, dot leaders, and the page of `anchor`
    /// ending at `numberX`.
    case contentsEntry(PDFParagraph, x: Double, y: Double, anchor: String, numberX: Double, style: RunStyle)
}

/// A heading that goes into the outline, or an anchor the contents point at, where it landed.
struct PDFMark {
    var level: Int?
    var title: String
    var anchor: String?
    var y: Double
}

/// One page as pagination leaves it; drawing adds the running header and footer.
final class PDFPage {
    let frame: PDFFrame
    var items: [PDFPlaced] = []
    var marks: [PDFMark] = []

    init(_ frame: PDFFrame) { self.frame = frame }

    var isEmpty: Bool { items.isEmpty }

    /// Rows of tables on the page, for tests: each table row piece's index, whether it is the header,
    /// and whether it is a part of a row split across pages.
    var tableRows: [PDFTableRowMark] = []
}

/// A row of a table placed on a page (what the pagination tests read).
struct PDFTableRowMark: Equatable {
    enum Kind: Equatable { case header, row(Int), footer }
    var kind: Kind
    var isPart: Bool
    var top: Double
    var height: Double
}
