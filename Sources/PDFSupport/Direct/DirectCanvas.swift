import Foundation

/// Writes a PDF itself, page after page, from text laid out by `DirectLayout` and shapes: content
/// streams, the fonts as TrueType subsets (`FontEmbedding`), images, the structure tree of a tagged PDF
/// (`StructureTree`), links, outline and document information, in compressed object streams
/// (`PDFFileWriter`). What cairo and the rewrite of its file did, in one pass and without reading a
/// PDF back.
///
/// Every page is drawn in a space turned upside down (`1 0 0 -1 0 h cm`), so that coordinates are
/// points from the page's top left corner as in `CairoCanvas`; text matrices turn glyphs upright again.
public final class DirectCanvas: PDFCanvas {
    public private(set) var links: [PDFLink] = []
    public private(set) var figureAlternatives: [String] = []

    private var objects: [Int: PDFFile.Entry] = [:]
    private var nextNumber = 1
    private let pagesNumber: Int
    private let resourcesNumber: Int

    private struct Page {
        var width: Double
        var height: Double
        var contents: Int
    }

    private var pages: [Page] = []
    private var size: (width: Double, height: Double)
    private var content = ContentStream()
    private var fill: RGB?
    private var stroke: RGB?
    private var fonts = FontEmbedding()
    private var images: [ObjectIdentifier: (name: String, number: Int, image: PNGImage)] = [:]
    private var structure = StructureTree()
    private var outline: [(parent: Int, title: String, page: Int, y: Double, open: Bool)] = []
    private var metadata = PDFMetadata()
    private let language: String

    /// - Parameters:
    ///   - width, height: the first page's size in points.
    ///   - language: the document's language (BCP 47), the catalogue's /Lang.
    public init(width: Double, height: Double, language: String) {
        size = (width, height)
        self.language = language
        pagesNumber = 1
        resourcesNumber = 2
        nextNumber = 3
        startPage()
    }

    private func reserve() -> Int {
        defer { nextNumber += 1 }
        return nextNumber
    }

    private func add(_ object: PDFObject) -> Int {
        let n = reserve()
        objects[n] = .object(object)
        return n
    }

    private func add(_ dictionary: PDFDictionary, stream: [UInt8]) -> Int {
        let n = reserve()
        objects[n] = .stream(PDFFile.Stream(dictionary: dictionary, data: stream[...]))
        return n
    }

    // MARK: Pages

    private func startPage() {
        content = ContentStream()
        fill = nil
        stroke = nil
        content.text("1 0 0 -1 0 ")
        content.number(size.height)
        content.text("cm\n")
    }

    public func beginPage(width: Double, height: Double) {
        guard width != size.width || height != size.height else { return }
        size = (width, height)
        startPage()
    }

    public func endPage() {
        structure.closeMarkedContent(&content)
        // Compressed now, so that a long document's pages do not stay in memory whole (should zlib fail,
        // `PDFFileWriter` compresses it, or reports the failure).
        let contents =
            if let compressed = try? Deflate.compress(content.bytes) {
                add(PDFDictionary([("Filter", .name("FlateDecode"))]), stream: compressed)
            } else {
                add(PDFDictionary(), stream: content.bytes)
            }
        pages.append(Page(width: size.width, height: size.height, contents: contents))
        startPage()
    }

    // MARK: Structure

    public func beginTag(_ structure: String) { self.structure.begin(structure, content: &content) }

    public func endTag(_ structure: String) { self.structure.end(content: &content) }

    public func figure(alternative: String, _ body: () -> Void) {
        figureAlternatives.append(alternative)
        structure.begin("Figure", alternative: alternative, content: &content)
        body()
        structure.end(content: &content)
    }

    /// Marks what is drawn next as the open element's content (or an artifact outside every element).
    private func marked() { structure.mark(page: pages.count, content: &content) }

    // MARK: Shapes

    private func setFill(_ c: RGB) {
        guard fill != c else { return }
        fill = c
        content.colour(c, stroke: false)
    }

    private func setStroke(_ c: RGB, width: Double) {
        if stroke != c {
            stroke = c
            content.colour(c, stroke: true)
        }
        content.number(width)
        content.text("w\n")
    }

    public func fill(x: Double, y: Double, width: Double, height: Double, colour: RGB) {
        marked()
        setFill(colour)
        content.numbers(x, y, width, height)
        content.text("re f\n")
    }

    public func line(from start: (x: Double, y: Double), to end: (x: Double, y: Double), width: Double, colour: RGB) {
        marked()
        setStroke(colour, width: width)
        content.text("2 J ")
        content.numbers(start.x, start.y)
        content.text("m ")
        content.numbers(end.x, end.y)
        content.text("l S 0 J\n")
    }

    public func rectangle(x: Double, y: Double, width: Double, height: Double, fill: RGB?, stroke: RGB?, lineWidth: Double) {
        marked()
        paint(fill: fill, stroke: stroke, lineWidth: lineWidth) {
            $0.numbers(x, y, width, height)
            $0.text("re ")
        }
    }

    public func hatch(x: Double, y: Double, width: Double, height: Double, colour: RGB, spacing: Double, lineWidth: Double) {
        marked()
        content.text("q\n")
        setFill(RGB(hex: "FFFFFF"))
        content.numbers(x, y, width, height)
        content.text("re f ")
        content.numbers(x, y, width, height)
        content.text("re W n\n")
        setStroke(colour, width: lineWidth)
        var start = -height
        while start < width {
            content.numbers(x + start, y + height)
            content.text("m ")
            content.numbers(x + start + height, y)
            content.text("l ")
            start += spacing
        }
        content.text("S Q\n")
        // The colours set inside q … Q are forgotten at Q.
        fill = nil
        stroke = nil
    }

    public func circle(x: Double, y: Double, radius: Double, fill: RGB?, stroke: RGB?, lineWidth: Double) {
        marked()
        paint(fill: fill, stroke: stroke, lineWidth: lineWidth) { $0.arc(centre: (x, y), radius: radius, from: 0, to: 2 * Double.pi, move: true) }
    }

    public func polygon(_ corners: [(x: Double, y: Double)], fill: RGB?, stroke: RGB?, lineWidth: Double) {
        guard let first = corners.first else { return }
        marked()
        paint(fill: fill, stroke: stroke, lineWidth: lineWidth) {
            $0.numbers(first.x, first.y)
            $0.text("m ")
            for c in corners.dropFirst() {
                $0.numbers(c.x, c.y)
                $0.text("l ")
            }
            $0.text("h ")
        }
    }

    public func dot(x: Double, y: Double, radius: Double, colour: RGB) {
        marked()
        setFill(colour)
        content.arc(centre: (x, y), radius: radius, from: 0, to: 2 * Double.pi, move: true)
        content.text("f\n")
    }

    public func polyline(_ points: [(x: Double, y: Double)], width: Double, colour: RGB) {
        guard let first = points.first else { return }
        marked()
        setStroke(colour, width: width)
        content.text("1 j ")
        content.numbers(first.x, first.y)
        content.text("m ")
        for p in points.dropFirst() {
            content.numbers(p.x, p.y)
            content.text("l ")
        }
        content.text("S 0 j\n")
    }

    public func sector(centre: (x: Double, y: Double), radius: Double, from start: Double, to end: Double, colour: RGB) {
        marked()
        let whole = end - start >= 2 * Double.pi - 1e-6
        paint(fill: colour, stroke: RGB(hex: "FFFFFF"), lineWidth: 0.75) {
            if !whole {
                $0.numbers(centre.x, centre.y)
                $0.text("m ")
            }
            $0.arc(centre: centre, radius: radius, from: start, to: end, move: whole)
            $0.text("h ")
        }
    }

    /// A path made by `path`, filled and then outlined (either may be nil).
    private func paint(fill: RGB?, stroke: RGB?, lineWidth: Double, _ path: (inout ContentStream) -> Void) {
        guard fill != nil || stroke != nil else { return }
        if let fill { setFill(fill) }
        if let stroke { setStroke(stroke, width: lineWidth) }
        path(&content)
        content.text(fill != nil && stroke != nil ? "B\n" : fill != nil ? "f\n" : "S\n")
    }

    // MARK: Text

    public func draw(_ block: TextBlock, x: Double, y: Double, lines: Range<Int>?) {
        // A block pango laid out (text the direct engine leaves to it) is not drawn: its engine says
        // `needsPango`, and the writer draws the document with cairo instead.
        guard case .shaped(let shaped) = block.content else { return }
        let range = lines ?? 0..<shaped.count
        guard !range.isEmpty else { return }
        marked()
        for index in range {
            let line = block.lines[index]
            let runs = shaped[index].runs
            for run in runs {
                decorate(run, line: line, x: x, y: y)
            }
            // Every run holds glyphs: a line places no empty piece.
            guard !runs.isEmpty else { continue }
            content.text("BT\n")
            for run in runs {
                setFill(run.style.colour)
                let font = fonts.use(run)
                content.text("/")
                content.text(font)
                content.text(" ")
                content.number(run.style.font.size)
                content.text("Tf ")
                if run.style.letterSpacing != 0 {
                    content.number(run.style.letterSpacing)
                    content.text("Tc ")
                }
                content.text("1 0 0 -1 ")
                content.numbers(x + run.x, y + line.baseline)
                content.text("Tm [(")
                let widths = run.face.pdfWidths
                let toThousandths = 1000 / run.face.unitsPerEm
                // The PDF advances each glyph by its /W width; kerning is the difference, written where
                // it (with what was left unwritten before) reaches a twentieth of a thousandth of the em.
                var drift = 0.0
                var remaining = run.glyphCount
                for segment in run.segments {
                    let word = segment.word
                    for i in segment.range {
                        let glyph = word.glyphs[i]
                        content.glyph(glyph.id)
                        remaining -= 1
                        drift += widths[Int(glyph.id)] - Double(glyph.advance) * toThousandths
                        if abs(drift) >= 0.05, remaining > 0 {
                            let written = (drift * 100).rounded() / 100
                            content.text(") ")
                            content.number(written)
                            content.text("(")
                            drift -= written
                        }
                    }
                }
                content.text(")] TJ\n")
                if run.style.letterSpacing != 0 { content.text("0 Tc ") }
            }
            content.text("ET\n")
        }
    }

    /// The run's background, underline and strike-through.
    private func decorate(_ run: GlyphRun, line: TextBlock.Line, x: Double, y: Double) {
        let scale = run.style.font.size / run.face.unitsPerEm
        if let background = run.style.background {
            setFill(background)
            content.numbers(x + run.x, y + line.top, run.width, line.height)
            content.text("re f\n")
        }
        func rule(_ offset: Double, _ thickness: Double) {
            setFill(run.style.colour)
            content.numbers(x + run.x, y + line.baseline + offset - thickness / 2, run.width, thickness)
            content.text("re f\n")
        }
        if run.style.underline { rule(run.face.underlinePosition * scale, run.face.underlineThickness * scale) }
        if run.style.strikethrough { rule(-run.face.strikeoutPosition * scale, run.face.strikeoutThickness * scale) }
    }

    // MARK: Images

    public func draw(_ image: PNGImage, x: Double, y: Double, width: Double, height: Double) {
        marked()
        let key = ObjectIdentifier(image)
        if images[key] == nil { images[key] = ("Im\(images.count + 1)", reserve(), image) }
        content.text("q ")
        content.numbers(width, 0, 0, -height, x, y + height)
        content.text("cm /")
        content.text(images[key]!.name)
        content.text(" Do Q\n")
    }

    // MARK: Navigation and information

    @discardableResult
    public func addOutline(parent: Int, title: String, page: Int, y: Double, open: Bool) -> Int {
        outline.append((parent, title, page, y, open))
        return outline.count
    }

    public func link(x: Double, y: Double, width: Double, height: Double, page: Int, targetY: Double) {
        links.append(PDFLink(page: pages.count + 1, x: x, y: y, width: width, height: height, targetPage: page, targetY: targetY))
    }

    public func setMetadata(_ m: PDFMetadata) { metadata = m }

    // MARK: The file

    /// Ends the document and returns the PDF's bytes.
    public func finish() throws -> Data {
        let pageNumbers = pages.map { _ in reserve() }
        var fontResources: [(String, PDFObject)] = []
        for (name, font) in try fonts.objects(adding: { add($0) }, stream: { add($0, stream: $1) }) {
            fontResources.append((name, .reference(font)))
        }
        var imageResources: [(String, PDFObject)] = []
        for (_, entry) in images.sorted(by: { $0.value.number < $1.value.number }) {
            let streams = try entry.image.pdfImage()
            var dictionary = streams.image.dictionary
            if let mask = streams.mask { dictionary["SMask"] = .reference(add(mask.dictionary, stream: mask.data)) }
            objects[entry.number] = .stream(PDFFile.Stream(dictionary: dictionary, data: streams.image.data[...]))
            imageResources.append((entry.name, .reference(entry.number)))
        }
        var resources = PDFDictionary()
        if !fontResources.isEmpty { resources["Font"] = .dictionary(PDFDictionary(fontResources)) }
        if !imageResources.isEmpty { resources["XObject"] = .dictionary(PDFDictionary(imageResources)) }
        objects[resourcesNumber] = .object(.dictionary(resources))

        let tree = structure.objects(pages: pageNumbers, adding: { add($0) }, reserve: reserve, set: { objects[$0] = .written($1) })
        func destination(_ page: Int, _ y: Double) -> PDFObject {
            let index = min(max(page - 1, 0), pages.count - 1)
            return PDFLink.destination(page: pageNumbers[index], pageHeight: pages[index].height, y: y)
        }
        var annotations: [Int: [PDFObject]] = [:]
        for link in links {
            guard pages.indices.contains(link.page - 1), pages.indices.contains(link.targetPage - 1) else {
                throw PDFError("PDF: a link from page \(link.page) to page \(link.targetPage) of \(pages.count)")
            }
            let annotation = add(link.annotation(pageHeight: pages[link.page - 1].height, destination: destination(link.targetPage, link.targetY)))
            annotations[link.page - 1, default: []].append(.reference(annotation))
        }
        for (i, page) in pages.enumerated() {
            var d = PDFDictionary([
                ("Type", .name("Page")), ("Parent", .reference(pagesNumber)),
                ("MediaBox", .array([.integer(0), .integer(0), .real(page.width), .real(page.height)])),
                ("Contents", .reference(page.contents)), ("Resources", .reference(resourcesNumber)),
            ])
            if tree != nil {
                d["StructParents"] = .integer(i)
                d["Tabs"] = .name("S")
            }
            if let a = annotations[i] { d["Annots"] = .array(a) }
            objects[pageNumbers[i]] = .object(.dictionary(d))
        }
        objects[pagesNumber] = .object(
            .dictionary(
                PDFDictionary([
                    ("Type", .name("Pages")), ("Kids", .array(pageNumbers.map(PDFObject.reference))), ("Count", .integer(pages.count)),
                ])))

        var catalogue = PDFDictionary([("Type", .name("Catalog")), ("Pages", .reference(pagesNumber))])
        if let outlines = outlineObjects(destination) {
            catalogue["Outlines"] = .reference(outlines)
            catalogue["PageMode"] = .name("UseOutlines")
        }
        if let tree {
            catalogue["StructTreeRoot"] = .reference(tree)
            catalogue["MarkInfo"] = .dictionary(PDFDictionary([("Marked", .true)]))
        }
        if !language.isEmpty { catalogue["Lang"] = .text(language) }
        let root = add(.dictionary(catalogue))
        let info = add(.dictionary(informationDictionary()))
        return Data(try PDFFileWriter.write(objects, root: root, info: info))
    }

    /// The outline items as a tree of /First, /Last, /Next, /Prev (ISO 32000-1 §12.3.3); nil without any.
    private func outlineObjects(_ destination: (Int, Double) -> PDFObject) -> Int? {
        guard !outline.isEmpty else { return nil }
        let numbers = outline.map { _ in reserve() }
        let top = reserve()
        var children: [Int: [Int]] = [:]  // by parent id (0: the top), ids from 1
        for (i, item) in outline.enumerated() { children[item.parent, default: []].append(i + 1) }
        func visible(_ id: Int) -> Int {
            (children[id] ?? []).reduce(0) { $0 + 1 + (id == 0 || outline[id - 1].open ? visible($1) : 0) }
        }
        func descendants(_ id: Int) -> Int { (children[id] ?? []).reduce(0) { $0 + 1 + descendants($1) } }
        for (i, item) in outline.enumerated() {
            let id = i + 1
            var d = PDFDictionary([
                ("Title", .text(item.title)),
                ("Parent", .reference(item.parent == 0 ? top : numbers[item.parent - 1])),
                ("Dest", destination(item.page, item.y)),
            ])
            let siblings = children[item.parent] ?? []
            if let position = siblings.firstIndex(of: id) {
                if position > 0 { d["Prev"] = .reference(numbers[siblings[position - 1] - 1]) }
                if position < siblings.count - 1 { d["Next"] = .reference(numbers[siblings[position + 1] - 1]) }
            }
            if let kids = children[id], let first = kids.first, let last = kids.last {
                d["First"] = .reference(numbers[first - 1])
                d["Last"] = .reference(numbers[last - 1])
                d["Count"] = .integer(item.open ? visible(id) : -descendants(id))
            }
            objects[numbers[i]] = .object(.dictionary(d))
        }
        let roots = children[0] ?? []
        var d = PDFDictionary([("Type", .name("Outlines")), ("Count", .integer(visible(0)))])
        if let first = roots.first, let last = roots.last {
            d["First"] = .reference(numbers[first - 1])
            d["Last"] = .reference(numbers[last - 1])
        }
        objects[top] = .object(.dictionary(d))
        return top
    }

    private func informationDictionary() -> PDFDictionary {
        var d = PDFDictionary()
        let m = metadata
        for (key, value) in [("Title", m.title), ("Author", m.author), ("Subject", m.subject), ("Keywords", m.keywords), ("Creator", m.creator)]
        where !value.isEmpty {
            d[key] = .text(CairoText.clean(value))
        }
        if let date = m.created.flatMap(Self.pdfDate) { d["CreationDate"] = .text(date) }
        if let date = m.modified.flatMap(Self.pdfDate) { d["ModDate"] = .text(date) }
        return d
    }

    /// An ISO 8601 time (`2025-06-30T12:00:00Z`, `…+02:00`) as a PDF date (`D:20250630120000Z`, `…+02'00'`).
    static func pdfDate(_ iso: String) -> String? {
        let c = Array(iso)
        guard c.count >= 19, c[4] == "-", c[7] == "-", c[10] == "T", c[13] == ":", c[16] == ":" else { return nil }
        let digits = [0..<4, 5..<7, 8..<10, 11..<13, 14..<16, 17..<19].map { String(c[$0]) }.joined()
        guard digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        let zone = String(c[19...].drop(while: { $0 == "." || $0.isNumber }))
        switch zone {
        case "", "Z": return "D:\(digits)Z"
        default:
            let z = Array(zone)
            guard z.count == 6, z[0] == "+" || z[0] == "-", z[3] == ":" else { return nil }
            return "D:\(digits)\(z[0])\(z[1])\(z[2])'\(z[4])\(z[5])'"
        }
    }
}

extension ContentStream {
    /// An arc of a circle as Bézier curves (a quarter turn or less each), clockwise on the page from
    /// `start` to `end` (radians from three o'clock; y grows downwards); `move` starts a new subpath at
    /// its first point, otherwise a line joins it.
    mutating func arc(centre: (x: Double, y: Double), radius r: Double, from start: Double, to end: Double, move: Bool) {
        let pieces = max(1, Int(((end - start) / (Double.pi / 2)).rounded(.up)))
        let step = (end - start) / Double(pieces)
        let k = 4.0 / 3.0 * tan(step / 4) * r
        var a = start
        numbers(centre.x + r * cos(a), centre.y + r * sin(a))
        text(move ? "m " : "l ")
        for _ in 0..<pieces {
            let b = a + step
            numbers(
                centre.x + r * cos(a) - k * sin(a), centre.y + r * sin(a) + k * cos(a),
                centre.x + r * cos(b) + k * sin(b), centre.y + r * sin(b) - k * cos(b),
                centre.x + r * cos(b), centre.y + r * sin(b))
            text("c ")
            a = b
        }
    }
}
