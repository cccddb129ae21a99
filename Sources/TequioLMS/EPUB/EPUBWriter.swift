import Foundation
import TequioModel
import TequioWriters
import XMLSupport

/// EPUB 3: the module as a reflowable e-book for phones and e-readers, one part per module language.
///
/// Each part has a title page, one chapter per unit (presentations with their slides, case studies, findings with their charts as data tables, activities), the matrix as a
/// printable blank table with its instructions, and the glossary. Video, audio and PDF stay in the web
/// version (their transcripts are in the book). Images come from the module's files.
///
/// Layout: `mimetype` (first, stored), `META-INF/container.xml`, `EPUB/package.opf`, `EPUB/nav.xhtml`,
/// `EPUB/css/book.css` (from `templates/epub/book.css`), `EPUB/text/*.xhtml`, `EPUB/content/<module path>`.
public struct EPUBWriter: TargetWriter {
    public init() {}

    public var firstEntry: String? { "mimetype" }

    static let root = "EPUB"
    static let contentFolder = "content"
    static let stylesheetTemplate = "epub/book.css"

    /// Image types EPUB reading systems must support (EPUB 3.2 core media types), by extension.
    static let coreImageTypes = ["png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "svg": "image/svg+xml"]

    public func render(_ input: BuildInput) throws -> FileTree {
        let module = Audience.participant.module(input.module)  // the book is the participants'; notes are in the guide
        var tree = FileTree()
        tree.add("mimetype", text: "application/epub+zip")
        tree["META-INF/container.xml"] = try Self.container()
        tree["\(Self.root)/css/book.css"] = try Data(input.template(Self.stylesheetTemplate).utf8)

        let images = Self.images(module, assets: input.assets)
        for path in images.keys { tree["\(Self.root)/\(Self.contentFolder)/\(path)"] = input.assets[path] }
        let links = EPUBLinks(languages: module.languages, images: Set(images.keys), terms: Set(module.glossary.map(\.id)))

        tree["\(Self.root)/\(EPUBCover.image)"] = try EPUBCover.svg(module)
        let mainStrings = LocalizedStrings(input.catalogue, language: module.mainLanguage)
        tree["\(Self.root)/\(EPUBCover.page)"] = try EPUBCover.xhtml(module, links: links, strings: mainStrings)
        var spine = [EPUBCover.page]
        var parts: [(lang: String, entries: [(file: String, title: String)])] = []
        for lang in module.languages {
            let content = EPUBContent(module: module, lang: lang, links: links, strings: LocalizedStrings(input.catalogue, language: lang))
            var entries: [(file: String, title: String)] = []
            for chapter in EPUBChapter.all(module) {
                let file = "text/\(chapter.fileName(lang))"
                tree["\(Self.root)/\(file)"] = try content.render(chapter)
                spine.append(file)
                entries.append((file, content.title(of: chapter)))
            }
            parts.append((lang, entries))
        }
        tree["\(Self.root)/nav.xhtml"] = try Self.navigation(module, parts: parts, strings: mainStrings)
        tree["\(Self.root)/package.opf"] = try Self.packageDocument(
            module, date: input.date, spine: spine, images: images, strings: mainStrings)
        return tree
    }

    /// Module images the book shows (in rich text or as speaker photos), with their media types: only
    /// files the module has and of a core media type.
    static func images(_ module: Module, assets: FileTree) -> [String: String] {
        var found: Set<String> = []
        func scan(_ blocks: [Block]) {
            for b in blocks {
                switch b {
                case .image(let src, _, _): found.insert(src)
                case .unorderedList(let items), .orderedList(let items): items.forEach(scan)
                case .quote(let inner, _): scan(inner)
                case .paragraph: break
                }
            }
        }
        func scan(_ text: LocalizedRichText?) { text?.values.values.forEach(scan) }
        for term in module.glossary { scan(term.definition) }
        for unit in module.units {
            for block in unit.blocks {
                switch block {
                case .presentation(let p):
                    for e in p.experts {
                        if let photo = e.photo { found.insert(photo) }
                        scan(e.bio)
                    }
                    for s in p.slides { scan(s.content) }
                    scan(p.media?.transcript)
                case .caseStudy(let c):
                    scan(c.context)
                    scan(c.narrative)
                case .finding(let f): scan(f.summary)
                case .activity(let a): scan(a.instructions)
                }
            }
        }
        var result: [String: String] = [:]
        for path in found where assets[path] != nil && FileTree.isSafeRelativePath(path) {
            if let type = mediaType(path), type.hasPrefix("image/") { result[path] = type }
        }
        return result
    }

    static func mediaType(_ path: String) -> String? {
        guard let dot = path.lastIndex(of: ".") else { return nil }
        return coreImageTypes[path[path.index(after: dot)...].lowercased()]
    }

    // MARK: Container, package document, navigation

    static func container() throws -> Data {
        let w = XMLWriter(indent: true)
        w.start("container", ["version": "1.0", "xmlns": "urn:oasis:names:tc:opendocument:xmlns:container"])
        w.start("rootfiles")
        w.element("rootfile", ["full-path": "\(root)/package.opf", "media-type": "application/oebps-package+xml"])
        w.end()
        w.end()
        return try w.finish()
    }

    static func packageDocument(
        _ module: Module, date: Date, spine: [String], images: [String: String], strings: LocalizedStrings
    ) throws -> Data {
        let hasImages = !images.isEmpty
        let w = XMLWriter(indent: true)
        w.start("package", [
            "xmlns": "http://www.idpf.org/2007/opf", "version": "3.0", "unique-identifier": "pub-id",
            "xml:lang": module.mainLanguage,
        ])
        w.start("metadata", ["xmlns:dc": "http://purl.org/dc/elements/1.1/"])
        w.element("dc:identifier", ["id": "pub-id"], text: PackageText.urn(module))
        // One title, in the main language: reading systems show the first dc:title and tools disagree
        // about several; each language part of the book opens with its own title page.
        if let (lang, title) = PackageText.perLanguage(module.metadata.title, in: module).first {
            w.element("dc:title", ["id": "title", "xml:lang": lang], text: title)
        } else {
            w.element("dc:title", ["id": "title"], text: module.id)
        }
        for lang in module.languages { w.element("dc:language", text: lang) }
        for author in module.metadata.authors { w.element("dc:creator", text: author.name) }
        if let (lang, summary) = PackageText.perLanguage(module.metadata.summary, in: module).first {
            w.element("dc:description", ["xml:lang": lang], text: summary)
        }
        if !module.metadata.license.isEmpty { w.element("dc:rights", text: module.metadata.license) }
        w.element("meta", ["name": "cover", "content": "cover-image"])  // for EPUB 2 reading systems
        w.element("meta", ["property": "dcterms:modified"], text: modified(date))
        // EPUB Accessibility 1.0: how the book can be read and what it offers.
        w.element("meta", ["property": "schema:accessMode"], text: "textual")
        if hasImages { w.element("meta", ["property": "schema:accessMode"], text: "visual") }
        w.element("meta", ["property": "schema:accessModeSufficient"], text: "textual")
        var features = ["structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability"]
        if hasImages { features.append("alternativeText") }
        if module.units.contains(where: { $0.blocks.contains { if case .finding(let f) = $0 { !f.charts.isEmpty } else { false } } }) {
            features.append("longDescription")
        }
        for f in features { w.element("meta", ["property": "schema:accessibilityFeature"], text: f) }
        w.element("meta", ["property": "schema:accessibilityHazard"], text: "none")
        w.element("meta", ["property": "schema:accessibilitySummary"], text: strings("epub.accessibilitySummary"))
        w.element("link", ["rel": "dcterms:conformsTo", "href": "http://www.idpf.org/epub/a11y/accessibility-20170105.html#wcag-aa"])
        w.end()

        w.start("manifest")
        w.element("item", ["id": "nav", "href": "nav.xhtml", "media-type": "application/xhtml+xml", "properties": "nav"])
        w.element("item", ["id": "css", "href": "css/book.css", "media-type": "text/css"])
        w.element("item", [
            "id": "cover-image", "href": EPUBCover.image, "media-type": "image/svg+xml", "properties": "cover-image",
        ])
        for (i, file) in spine.enumerated() {
            w.element("item", ["id": "doc-\(i + 1)", "href": RelativeURI.reference(file), "media-type": "application/xhtml+xml"])
        }
        for (i, path) in images.keys.sorted().enumerated() {
            w.element("item", [
                "id": "img-\(i + 1)", "href": RelativeURI.reference("\(contentFolder)/\(path)"), "media-type": images[path]!,
            ])
        }
        w.end()

        w.start("spine")
        for i in spine.indices { w.element("itemref", ["idref": "doc-\(i + 1)"]) }
        w.end()
        w.end()
        return try w.finish()
    }

    /// `CCYY-MM-DDThh:mm:ssZ` in UTC, as EPUB wants `dcterms:modified`.
    static func modified(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    static func navigation(
        _ module: Module, parts: [(lang: String, entries: [(file: String, title: String)])], strings: LocalizedStrings
    ) throws -> Data {
        let lang = module.mainLanguage
        let w = XMLWriter()
        w.start("html", ["xmlns": XHTMLPage.xhtml, "xmlns:epub": XHTMLPage.ops, "xml:lang": lang, "lang": lang])
        w.start("head")
        w.element("meta", ["charset": "utf-8"])
        w.element("title", text: strings("epub.contents"))
        w.element("link", ["rel": "stylesheet", "type": "text/css", "href": "css/book.css"])
        w.end()
        w.start("body")
        w.start("nav", ["epub:type": "toc", "id": "toc"])
        w.start("h1")
        w.text(strings("epub.contents"))
        w.endFull()
        w.start("ol")
        func entries(_ part: (lang: String, entries: [(file: String, title: String)])) {
            for entry in part.entries {
                w.start("li")
                w.start("a", ["href": RelativeURI.reference(entry.file)])
                w.text(entry.title)
                w.endFull()
                w.endFull()
            }
        }
        if parts.count == 1 {
            entries(parts[0])
        } else {
            for part in parts {
                w.start("li")
                if part.lang != lang { w.attribute("lang", part.lang); w.attribute("xml:lang", part.lang) }
                w.start("a", ["href": RelativeURI.reference(part.entries[0].file)])
                w.text(languageName(part.lang, in: strings.catalogue))
                w.endFull()
                w.start("ol")
                entries(part)
                w.endFull()
                w.endFull()
            }
        }
        w.endFull()
        w.endFull()

        w.start("nav", ["epub:type": "landmarks", "id": "landmarks", "hidden": "hidden"])
        w.start("h2")
        w.text(strings("epub.contents"))
        w.endFull()
        w.start("ol")
        w.start("li")
        w.start("a", ["epub:type": "cover", "href": RelativeURI.reference(EPUBCover.page)])
        w.text(strings("epub.cover"))
        w.endFull()
        w.endFull()
        let first = parts[0].entries
        for (type, index) in [("titlepage", 0), ("bodymatter", 1)] where index < first.count {
            w.start("li")
            w.start("a", ["epub:type": type, "href": RelativeURI.reference(first[index].file)])
            w.text(first[index].title)
            w.endFull()
            w.endFull()
        }
        w.endFull()
        w.endFull()
        w.endFull()
        w.endFull()
        return try w.finish()
    }

    /// A language's name in itself, for the parts of a multilingual book: from the language's own file
    /// of the catalogue, or the tag itself for a language the catalogue has no file for.
    static func languageName(_ lang: String, in catalogue: StringCatalogue) -> String {
        let resolved = catalogue.resolvedLanguage(lang)
        guard resolved == lang || resolved == lang.split(separator: "-").first?.lowercased() else { return lang }
        return catalogue.text("common.languageName", resolved)
    }
}
