import CPangoCairo
import Foundation

/// A PDF drawn page after page with cairo, into memory: points, origin at the top left of each page.
///
/// Every cairo call of the writers goes through here; the surface and its context are freed in deinit.
public final class CairoCanvas: PDFCanvas {
    /// What cairo's stream callback appends to.
    private final class Sink {
        var data = Data()
    }

    private let sink = Sink()
    private let surface: OpaquePointer
    let cr: OpaquePointer
    private var finished = false
    /// The page being drawn, from 1.
    private var pageNumber = 1
    /// The links drawn so far, for `PDFRewrite`.
    public private(set) var links: [PDFLink] = []
    /// The text alternative of each /Figure element so far, in order, for `PDFRewrite` (cairo 1.16's
    /// tags take no attributes for structure elements).
    public private(set) var figureAlternatives: [String] = []

    public init(width: Double, height: Double) throws {
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        let surface = cairo_pdf_surface_create_for_stream(
            { closure, bytes, length in
                guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
                Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
                return CAIRO_STATUS_SUCCESS
            }, closure, width, height)!
        let cr = cairo_create(surface)!
        do {
            try Cairo.check(cairo_surface_status(surface), "creating the PDF surface")
            try Cairo.check(cairo_status(cr), "creating the drawing context")
        } catch {
            cairo_destroy(cr)
            cairo_surface_destroy(surface)
            throw error
        }
        self.surface = surface
        self.cr = cr
    }

    deinit {
        cairo_destroy(cr)
        if !finished { cairo_surface_finish(surface) }
        cairo_surface_destroy(surface)
    }

    /// Sets the size of the page about to be drawn (before anything is drawn on it).
    public func beginPage(width: Double, height: Double) {
        cairo_pdf_surface_set_size(surface, width, height)
    }

    /// Ends the page; what is drawn next goes on a new one.
    public func endPage() {
        cairo_show_page(cr)
        pageNumber += 1
    }

    /// Opens a structure element of the tagged PDF (`Document`, `H1`, `P`…: cairo writes the structure
    /// tree and marks what is drawn until `endTag` as its content, so screen readers read it in order).
    public func beginTag(_ structure: String) { cairo_tag_begin(cr, structure, "") }

    public func endTag(_ structure: String) { cairo_tag_end(cr, structure) }

    /// What `body` draws, tagged as one /Figure element with `alternative` as its text alternative.
    public func figure(alternative: String, _ body: () -> Void) {
        figureAlternatives.append(alternative)
        tagged("Figure", body)
    }

    public func fill(x: Double, y: Double, width: Double, height: Double, colour: RGB) {
        setColour(colour)
        cairo_rectangle(cr, x, y, width, height)
        cairo_fill(cr)
    }

    /// A straight rule of `width` points.
    public func line(from start: (x: Double, y: Double), to end: (x: Double, y: Double), width: Double, colour: RGB) {
        setColour(colour)
        cairo_set_line_width(cr, width)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE)
        cairo_move_to(cr, start.x, start.y)
        cairo_line_to(cr, end.x, end.y)
        cairo_stroke(cr)
    }

    /// A rectangle filled and outlined (either may be nil), in points from the page's top left corner.
    public func rectangle(x: Double, y: Double, width: Double, height: Double, fill: RGB?, stroke: RGB?, lineWidth: Double) {
        cairo_rectangle(cr, x, y, width, height)
        paint(fill: fill, stroke: stroke, lineWidth: lineWidth)
    }

    /// A rectangle of white crossed by diagonal lines (45°, `spacing` points apart), for a chart that
    /// reads in grey: a pattern, not a colour, tells it apart.
    public func hatch(x: Double, y: Double, width: Double, height: Double, colour: RGB, spacing: Double, lineWidth: Double) {
        cairo_save(cr)
        cairo_rectangle(cr, x, y, width, height)
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_fill_preserve(cr)
        cairo_clip(cr)
        setColour(colour)
        cairo_set_line_width(cr, lineWidth)
        var start = -height
        while start < width {
            cairo_move_to(cr, x + start, y + height)
            cairo_line_to(cr, x + start + height, y)
            start += spacing
        }
        cairo_stroke(cr)
        cairo_restore(cr)
    }

    /// A circle filled and outlined (either may be nil).
    public func circle(x: Double, y: Double, radius: Double, fill: RGB?, stroke: RGB?, lineWidth: Double) {
        cairo_new_sub_path(cr)
        cairo_arc(cr, x, y, radius, 0, 2 * Double.pi)
        paint(fill: fill, stroke: stroke, lineWidth: lineWidth)
    }

    private func paint(fill: RGB?, stroke: RGB?, lineWidth: Double) {
        if let fill {
            setColour(fill)
            stroke == nil ? cairo_fill(cr) : cairo_fill_preserve(cr)
        }
        if let stroke {
            setColour(stroke)
            cairo_set_line_width(cr, lineWidth)
            cairo_stroke(cr)
        }
        cairo_new_path(cr)
    }

    /// A closed shape through `corners`, filled and outlined (either may be nil).
    public func polygon(_ corners: [(x: Double, y: Double)], fill: RGB?, stroke: RGB?, lineWidth: Double) {
        guard let first = corners.first else { return }
        cairo_new_path(cr)
        cairo_move_to(cr, first.x, first.y)
        for c in corners.dropFirst() { cairo_line_to(cr, c.x, c.y) }
        cairo_close_path(cr)
        paint(fill: fill, stroke: stroke, lineWidth: lineWidth)
    }

    /// A filled dot (leaders in a table of contents: drawn, not typed, so copied text has none).
    public func dot(x: Double, y: Double, radius: Double, colour: RGB) {
        setColour(colour)
        cairo_new_sub_path(cr)
        cairo_arc(cr, x, y, radius, 0, 2 * Double.pi)
        cairo_fill(cr)
    }

    /// Points joined by straight lines, stroked `width` points wide (a line chart's series).
    public func polyline(_ points: [(x: Double, y: Double)], width: Double, colour: RGB) {
        guard let first = points.first else { return }
        setColour(colour)
        cairo_set_line_width(cr, width)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        cairo_move_to(cr, first.x, first.y)
        for p in points.dropFirst() { cairo_line_to(cr, p.x, p.y) }
        cairo_stroke(cr)
    }

    /// A slice of a disc from angle `start` to `end` (radians, clockwise from three o'clock), filled,
    /// with a white edge that parts it from its neighbours; a whole disc when it spans a full turn.
    public func sector(centre: (x: Double, y: Double), radius: Double, from start: Double, to end: Double, colour: RGB) {
        cairo_new_path(cr)
        if end - start < 2 * Double.pi - 1e-6 { cairo_move_to(cr, centre.x, centre.y) }
        cairo_arc(cr, centre.x, centre.y, radius, start, end)
        cairo_close_path(cr)
        setColour(colour)
        cairo_fill_preserve(cr)
        setColour(RGB(hex: "FFFFFF"))
        cairo_set_line_width(cr, 0.75)
        cairo_stroke(cr)
    }

    /// Lines `lines` of `block`, the block's top left corner at (`x`, `y`): each line at its own place
    /// in the block, so a paragraph split across pages is drawn a part on each.
    public func draw(_ block: TextBlock, x: Double, y: Double, lines: Range<Int>?) {
        block.forEachLine(in: lines ?? 0..<block.lines.count) { index, line in
            let l = block.lines[index]
            cairo_move_to(cr, x + l.x, y + l.baseline)
            pango_cairo_show_layout_line(cr, line)
        }
    }

    /// `image` scaled to `width` × `height` points, its top left corner at (`x`, `y`). A rectangle filled
    /// with the image, not `cairo_paint`: cairo 1.16 cannot write a page where a paint is the first thing
    /// inside a structure element (a tagged figure).
    public func draw(_ image: PNGImage, x: Double, y: Double, width: Double, height: Double) {
        cairo_save(cr)
        cairo_translate(cr, x, y)
        cairo_scale(cr, width / Double(image.width), height / Double(image.height))
        cairo_set_source_surface(cr, image.surface, 0, 0)
        cairo_rectangle(cr, 0, 0, Double(image.width), Double(image.height))
        cairo_fill(cr)
        cairo_restore(cr)
    }

    /// An outline (bookmark) entry for a place on a page (1-based), under `parent` (0 for the top
    /// level); returns its id for its children.
    @discardableResult
    public func addOutline(parent: Int, title: String, page: Int, y: Double, open: Bool) -> Int {
        let flags = open ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t(rawValue: 0)
        return Int(cairo_pdf_surface_add_outline(surface, Int32(parent), CairoText.clean(title), "page=\(page) pos=[0 \(Self.number(y))]", flags))
    }

    /// A link from a rectangle of this page to a place on a page (1-based), which may come later.
    ///
    /// Recorded, not drawn: cairo 1.16's link tags leave the link without its destination (and the
    /// cross-reference table damaged), so `PDFRewrite` writes the annotations (`links`).
    public func link(x: Double, y: Double, width: Double, height: Double, page: Int, targetY: Double) {
        links.append(PDFLink(page: pageNumber, x: x, y: y, width: width, height: height, targetPage: page, targetY: targetY))
    }

    public func setMetadata(_ m: PDFMetadata) {
        let entries: [(cairo_pdf_metadata_t, String?)] = [
            (CAIRO_PDF_METADATA_TITLE, m.title), (CAIRO_PDF_METADATA_AUTHOR, m.author), (CAIRO_PDF_METADATA_SUBJECT, m.subject),
            (CAIRO_PDF_METADATA_KEYWORDS, m.keywords), (CAIRO_PDF_METADATA_CREATOR, m.creator),
            (CAIRO_PDF_METADATA_CREATE_DATE, m.created), (CAIRO_PDF_METADATA_MOD_DATE, m.modified),
        ]
        for (key, value) in entries {
            guard let value, !value.isEmpty else { continue }
            cairo_pdf_surface_set_metadata(surface, key, CairoText.clean(value))
        }
    }

    /// Ends the document and returns the bytes cairo wrote.
    public func finish() throws -> Data {
        try Cairo.check(cairo_status(cr), "drawing")
        cairo_surface_finish(surface)
        finished = true
        try Cairo.check(cairo_surface_status(surface), "writing the PDF")
        return sink.data
    }

    private func setColour(_ c: RGB) { cairo_set_source_rgb(cr, c.red, c.green, c.blue) }

    /// A number for cairo's attribute strings: a dot for decimals whatever the locale.
    private static func number(_ value: Double) -> String { String(format: "%.2f", locale: nil, value) }
}
