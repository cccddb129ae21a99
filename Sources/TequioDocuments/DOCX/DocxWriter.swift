import Foundation
import TequioModel
import TequioReaders
import XMLSupport

/// Writes a layout as a WordprocessingML package (`.docx`), every XML part through libxml2's writer.
///
/// Parts: `[Content_Types].xml`, `_rels/.rels`, `docProps/core.xml` and `app.xml` (title, subject,
/// author, language, dates), `word/document.xml`, `styles.xml`, `numbering.xml`, `settings.xml`,
/// `fontTable.xml`, a running header and footer (with `PAGE` and `NUMPAGES` fields) and empty ones for
/// the cover, the logo, and the reference document's theme when there is one.
public struct DocxWriter: Sendable {
    public var branding: Branding
    public var reference: DocxReference?
    public var generator: String

    public init(branding: Branding, reference: DocxReference? = nil, generator: String) {
        self.branding = branding
        self.reference = reference
        self.generator = generator
    }

    public func render(_ layout: DocumentLayout) throws -> FileTree {
        let logo = branding.logo?.png
        let (document, numberedLists) = try DocxBody.render(layout, branding: branding)
        let parts = DocxParts.documentParts(logo: logo != nil, theme: reference?.theme != nil)
        let styles = DocxStyles(branding: branding, language: layout.properties.language)

        var tree = FileTree()
        let draft = layout.draft
        tree["[Content_Types].xml"] = try DocxParts.contentTypes(
            parts, extra: draft == nil ? [] : [(DocxDraftPart.properties, DocxDraftPart.propertiesContentType)])
        tree["_rels/.rels"] = try DocxParts.packageRelationships()
        tree["docProps/core.xml"] = try DocxParts.core(layout.properties)
        tree["docProps/app.xml"] = try DocxParts.app(generator: generator, title: layout.properties.title)
        tree["word/document.xml"] = document
        tree["word/_rels/document.xml.rels"] = try DocxParts.documentRelationships(
            parts, extra: draft == nil ? [] : [(DocxDraftPart.relationshipID, DocxDraftPart.relationshipType, "../\(DocxDraftPart.item)")])
        if let draft {
            for (path, data) in try DocxDraftPart.parts(draft) { tree[path] = data }
        }
        tree["word/styles.xml"] = try styles.render(reference: reference)
        tree["word/numbering.xml"] = try styles.numbering(numberedLists: numberedLists)
        tree["word/settings.xml"] = try DocxParts.settings(language: layout.properties.language, updateFields: layout.hasPageReferences)
        tree["word/fontTable.xml"] = try DocxParts.fontTable([branding.fonts.body, branding.fonts.headings])
        tree["word/header1.xml"] = try DocxParts.header(layout.runningHeader)
        tree["word/header2.xml"] = try DocxParts.header(nil)
        tree["word/footer1.xml"] = try DocxParts.footer(layout.strings)
        tree["word/footer2.xml"] = try DocxParts.footer(nil)
        if let theme = reference?.theme { tree["word/theme/theme1.xml"] = theme }
        if let logo { tree["word/media/logo.png"] = logo }
        return tree
    }
}
