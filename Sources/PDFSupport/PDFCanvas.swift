import Foundation

/// The document information written into the PDF.
public struct PDFMetadata: Sendable {
    public var title = ""
    public var author = ""
    public var subject = ""
    public var keywords = ""
    public var creator = ""
    /// ISO 8601 (`2012-03-14T16:05:31Z`); nil writes no date (cairo's clock time is removed later by
    /// `PDFRewrite`; `DirectCanvas` writes none).
    public var created: String?
    public var modified: String?

    public init() {}
}

/// A link annotation: a rectangle of a page (points from its top left corner) that goes to a place on
/// another page (points from that page's top). Pages count from 1.
public struct PDFLink: Sendable, Equatable {
    public var page: Int
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double
    public var targetPage: Int
    public var targetY: Double
}

extension PDFLink {
    /// The link as a /Link annotation of its page (no border) going to `destination`.
    func annotation(pageHeight h: Double, destination: PDFObject) -> PDFObject {
        .dictionary(
            PDFDictionary([
                ("Type", .name("Annot")), ("Subtype", .name("Link")),
                ("Rect", .array([x, h - y - height, x + width, h - y].map(PDFObject.real))),
                ("Border", .array([.integer(0), .integer(0), .integer(0)])), ("Dest", destination),
            ]))
    }

    /// An /XYZ destination: the page, its left edge, `y` points from its top, the zoom unchanged.
    static func destination(page: Int, pageHeight: Double, y: Double) -> PDFObject {
        .array([.reference(page), .name("XYZ"), .integer(0), .real(pageHeight - y), .null])
    }
}

/// What the PDF writers draw on, page after page: points, origin at the top left of each page.
/// `CairoCanvas` draws with cairo (text laid out by pango); `DirectCanvas` writes the PDF itself (text
/// laid out by `DirectLayout`), much faster, for documents whose text it can lay out.
public protocol PDFCanvas: AnyObject {
    /// The links drawn so far.
    var links: [PDFLink] { get }
    /// The text alternative of each /Figure element so far, in order.
    var figureAlternatives: [String] { get }

    /// Sets the size of the page about to be drawn (before anything is drawn on it).
    func beginPage(width: Double, height: Double)
    /// Ends the page; what is drawn next goes on a new one.
    func endPage()
    /// Opens a structure element of the tagged PDF (`Document`, `H1`, `P`…): what is drawn until
    /// `endTag` is its content, so screen readers read it in order.
    func beginTag(_ structure: String)
    func endTag(_ structure: String)
    /// What `body` draws, tagged as one /Figure element with `alternative` as its text alternative.
    func figure(alternative: String, _ body: () -> Void)

    func fill(x: Double, y: Double, width: Double, height: Double, colour: RGB)
    /// A straight rule of `width` points, with square ends.
    func line(from start: (x: Double, y: Double), to end: (x: Double, y: Double), width: Double, colour: RGB)
    /// A rectangle filled and outlined (either may be nil).
    func rectangle(x: Double, y: Double, width: Double, height: Double, fill: RGB?, stroke: RGB?, lineWidth: Double)
    /// A rectangle of white crossed by diagonal lines (45°, `spacing` points apart), for a chart that
    /// reads in grey: a pattern, not a colour, tells it apart.
    func hatch(x: Double, y: Double, width: Double, height: Double, colour: RGB, spacing: Double, lineWidth: Double)
    /// A circle filled and outlined (either may be nil).
    func circle(x: Double, y: Double, radius: Double, fill: RGB?, stroke: RGB?, lineWidth: Double)
    /// A closed shape through `corners`, filled and outlined (either may be nil).
    func polygon(_ corners: [(x: Double, y: Double)], fill: RGB?, stroke: RGB?, lineWidth: Double)
    /// A filled dot (leaders in a table of contents: drawn, not typed, so copied text has none).
    func dot(x: Double, y: Double, radius: Double, colour: RGB)
    /// Points joined by straight lines with round joins, stroked `width` points wide.
    func polyline(_ points: [(x: Double, y: Double)], width: Double, colour: RGB)
    /// A slice of a disc from angle `start` to `end` (radians, clockwise from three o'clock), filled,
    /// with a white edge; a whole disc when it spans a full turn.
    func sector(centre: (x: Double, y: Double), radius: Double, from start: Double, to end: Double, colour: RGB)
    /// Lines `lines` of `block`, the block's top left corner at (`x`, `y`).
    func draw(_ block: TextBlock, x: Double, y: Double, lines: Range<Int>?)
    /// `image` scaled to `width` × `height` points, its top left corner at (`x`, `y`).
    func draw(_ image: PNGImage, x: Double, y: Double, width: Double, height: Double)
    /// An outline (bookmark) entry for a place on a page (1-based), under `parent` (0 for the top
    /// level); returns its id for its children.
    @discardableResult
    func addOutline(parent: Int, title: String, page: Int, y: Double, open: Bool) -> Int
    /// A link from a rectangle of this page to a place on a page (1-based), which may come later.
    func link(x: Double, y: Double, width: Double, height: Double, page: Int, targetY: Double)
    func setMetadata(_ m: PDFMetadata)
}

extension PDFCanvas {
    /// What `body` draws, tagged as one `structure` element.
    public func tagged(_ structure: String, _ body: () -> Void) {
        beginTag(structure)
        body()
        endTag(structure)
    }

    public func draw(_ block: TextBlock, x: Double, y: Double) { draw(block, x: x, y: y, lines: nil) }

    @discardableResult
    public func addOutline(parent: Int, title: String, page: Int, y: Double) -> Int {
        addOutline(parent: parent, title: title, page: page, y: y, open: false)
    }
}
