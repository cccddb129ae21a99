import Foundation
import TequioModel
import TequioReaders
import XMLSupport

/// Writes a layout as an OpenDocument text (`.odt`): `mimetype` (first and stored, see
/// `OdtWriter.firstEntry`), `content.xml`, `styles.xml`, `meta.xml`, `META-INF/manifest.xml` listing
/// every part, and the logo in `Pictures/`.
public struct OdtWriter: Sendable {
    public var branding: Branding
    public var reference: OdtReference?
    public var generator: String

    /// The entry an ODT package must start with, uncompressed.
    public static let firstEntry = "mimetype"

    public init(branding: Branding, reference: OdtReference? = nil, generator: String) {
        self.branding = branding
        self.reference = reference
        self.generator = generator
    }

    public func render(_ layout: DocumentLayout) throws -> FileTree {
        var tree = FileTree()
        tree[Self.firstEntry] = Data(ODF.mimeType.utf8)
        tree["content.xml"] = try OdtBody.render(layout, branding: branding)
        tree["styles.xml"] = try OdtStyles(branding: branding, layout: layout).render(reference: reference)
        tree["meta.xml"] = try meta(layout.properties, draft: layout.draft)
        if let logo = branding.logo?.png { tree["Pictures/logo.png"] = logo }
        tree["META-INF/manifest.xml"] = try manifest(tree)
        return tree
    }

    /// The name of the user-defined property that carries the completed matrix a plan was made from
    /// (LibreOffice keeps user-defined properties when it saves; `tequio import` reads it back).
    public static let draftProperty = "tequio-draft"

    func meta(_ p: DocumentLayout.Properties, draft: Data? = nil) throws -> Data {
        let w = XMLWriter()
        w.start(
            "office:document-meta",
            ["xmlns:office": ODF.office, "xmlns:meta": ODF.meta, "xmlns:dc": ODF.dc, "xmlns:xlink": ODF.xlink, "office:version": ODF.version])
        w.start("office:meta")
        w.element("meta:generator", text: generator)
        w.element("dc:title", text: p.title)
        w.element("dc:subject", text: p.subject)
        if !p.description.isEmpty { w.element("dc:description", text: p.description) }
        for k in p.keywords { w.element("meta:keyword", text: k) }
        w.element("meta:initial-creator", text: p.author)
        w.element("dc:creator", text: p.author)
        if let created = p.created { w.element("meta:creation-date", text: created.iso) }
        if let modified = p.modified { w.element("dc:date", text: modified.iso) }
        w.element("dc:language", text: p.language)
        w.element("meta:editing-cycles", text: String(max(1, p.revision)))
        if let draft {
            w.element("meta:user-defined", ["meta:name": Self.draftProperty, "meta:value-type": "string"], text: String(decoding: draft, as: UTF8.self))
        }
        w.end()
        w.end()
        return try w.finish()
    }

    /// Every part of `tree` but `mimetype` (and the manifest, which is not listed in itself), with its
    /// media type.
    func manifest(_ tree: FileTree) throws -> Data {
        let w = XMLWriter()
        w.start("manifest:manifest", ["xmlns:manifest": ODF.manifest, "manifest:version": ODF.version])
        w.element("manifest:file-entry", ["manifest:full-path": "/", "manifest:version": ODF.version, "manifest:media-type": ODF.mimeType])
        for path in tree.sortedPaths where path != Self.firstEntry {
            let type = path.hasSuffix(".xml") ? "text/xml" : path.hasSuffix(".png") ? "image/png" : "application/octet-stream"
            w.element("manifest:file-entry", ["manifest:full-path": path, "manifest:media-type": type])
        }
        w.end()
        return try w.finish()
    }
}
