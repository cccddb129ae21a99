import Foundation
import PDFSupport
import TequioModel

/// Writes a layout as a PDF with pango and cairo: pango lays out every paragraph (wrapping, shaping,
/// right-to-left text), `PDFPaginator` puts them on pages, `PDFPainter` draws the pages with cairo,
/// and `PDFRewrite` rewrites the file (links, language, tagging, object streams). Fonts are the
/// branding's, through fontconfig, and embedded as subsets.
///
/// Reproducible: the dates are the layout's (none when it has none), the /ID is computed from the
/// content, and nothing depends on the clock or the machine's time zone.
public struct PDFWriter: Sendable {
    public var branding: Branding
    public var generator: String

    public init(branding: Branding, generator: String) {
        self.branding = branding
        self.generator = generator
    }

    /// Documents with more blocks than this make pango's layouts again when drawing rather than keep
    /// them all (a compendium of hundreds of plans).
    static let keepLayoutsThreshold = 4_000

    public func render(_ layout: DocumentLayout) throws -> Data {
        try render(layout, keepLayouts: layout.blocks.count <= Self.keepLayoutsThreshold)
    }

    func render(_ layout: DocumentLayout, keepLayouts: Bool) throws -> Data {
        if let direct = try renderDirect(layout, keepLayouts: keepLayouts) { return direct }
        let engine = try TextEngine(language: layout.properties.language)
        let pages = try paginate(layout, engine: engine, keepLayouts: keepLayouts)
        let first = pages[0].frame
        let canvas = try CairoCanvas(width: first.width, height: first.height)
        canvas.setMetadata(metadata(layout.properties))
        try draw(layout, pages, engine: engine, on: canvas)
        var missing: [String] = []
        if layout.properties.created == nil { missing.append("CreationDate") }
        if layout.properties.modified == nil { missing.append("ModDate") }
        let raw = try canvas.finish()
        return try PDFRewrite.rewrite(
            raw, language: layout.properties.language, removingInfo: missing, links: canvas.links, figureAlternatives: canvas.figureAlternatives)
    }

    /// The document written by `DirectCanvas`, or nil when some of its text is for pango (right to left,
    /// complex scripts, emoji, fonts without a TrueType file): then pango and cairo write it.
    func renderDirect(_ layout: DocumentLayout, keepLayouts: Bool) throws -> Data? {
        let engine = try TextEngine(language: layout.properties.language, direct: true)
        let pages = try paginate(layout, engine: engine, keepLayouts: keepLayouts)
        guard !engine.needsPango else { return nil }
        let first = pages[0].frame
        let canvas = DirectCanvas(width: first.width, height: first.height, language: layout.properties.language)
        canvas.setMetadata(metadata(layout.properties))
        try draw(layout, pages, engine: engine, on: canvas, sharedLogo: true)
        guard !engine.needsPango else { return nil }
        return try canvas.finish()
    }

    private func draw(_ layout: DocumentLayout, _ pages: [PDFPage], engine: TextEngine, on canvas: PDFCanvas, sharedLogo: Bool = false) throws {
        let logo = try PDFLogo.image(branding.logo, shared: sharedLogo)
        PDFPainter(layout: layout, styles: PDFStyles(branding: branding), engine: engine, logo: logo).draw(pages, on: canvas)
    }

    /// The first pass: the layout's pages, measured but not drawn.
    func paginate(_ layout: DocumentLayout, engine: TextEngine, keepLayouts: Bool = true) throws -> [PDFPage] {
        var flow = PDFFlow(engine: engine, styles: PDFStyles(branding: branding), paper: branding.paper, keepLayouts: keepLayouts)
        return PDFPaginator.paginate(flow.items(layout), paper: branding.paper)
    }

    func metadata(_ p: DocumentLayout.Properties) -> PDFMetadata {
        var m = PDFMetadata()
        m.title = p.title
        m.author = p.author
        m.subject = p.subject
        m.keywords = p.keywords.joined(separator: ", ")
        m.creator = generator
        m.created = p.created?.iso
        m.modified = p.modified?.iso
        return m
    }
}
