import Foundation
import TequioModel
import XMLSupport

/// The small parts of a DOCX package: content types, relationships, properties, settings, fonts,
/// running header and footer.
enum DocxParts {
    static let headerRelationship = "rIdHeader"
    static let footerRelationship = "rIdFooter"
    static let emptyHeaderRelationship = "rIdHeaderFirst"
    static let emptyFooterRelationship = "rIdFooterFirst"
    static let logoRelationship = "rIdLogo"

    struct Part {
        let path: String
        let contentType: String
        let relationship: String
        let id: String
    }

    /// Parts the main document refers to, in `document.xml.rels` order.
    static func documentParts(logo: Bool, theme: Bool) -> [Part] {
        var parts = [
            Part(path: "word/styles.xml", contentType: OOXML.ContentType.styles, relationship: OOXML.Relationship.styles, id: "rIdStyles"),
            Part(path: "word/numbering.xml", contentType: OOXML.ContentType.numbering, relationship: OOXML.Relationship.numbering, id: "rIdNumbering"),
            Part(path: "word/settings.xml", contentType: OOXML.ContentType.settings, relationship: OOXML.Relationship.settings, id: "rIdSettings"),
            Part(path: "word/fontTable.xml", contentType: OOXML.ContentType.fontTable, relationship: OOXML.Relationship.fontTable, id: "rIdFontTable"),
            Part(path: "word/header1.xml", contentType: OOXML.ContentType.header, relationship: OOXML.Relationship.header, id: headerRelationship),
            Part(path: "word/header2.xml", contentType: OOXML.ContentType.header, relationship: OOXML.Relationship.header, id: emptyHeaderRelationship),
            Part(path: "word/footer1.xml", contentType: OOXML.ContentType.footer, relationship: OOXML.Relationship.footer, id: footerRelationship),
            Part(path: "word/footer2.xml", contentType: OOXML.ContentType.footer, relationship: OOXML.Relationship.footer, id: emptyFooterRelationship),
        ]
        if theme {
            parts.append(Part(path: "word/theme/theme1.xml", contentType: OOXML.ContentType.theme, relationship: OOXML.Relationship.theme, id: "rIdTheme"))
        }
        if logo {
            parts.append(Part(path: "word/media/logo.png", contentType: OOXML.ContentType.png, relationship: OOXML.Relationship.image, id: logoRelationship))
        }
        return parts
    }

    static func contentTypes(_ parts: [Part], extra: [(String, String)] = []) throws -> Data {
        let w = XMLWriter(standalone: true)
        w.start("Types", ["xmlns": OOXML.contentTypes])
        w.element("Default", ["Extension": "rels", "ContentType": OOXML.ContentType.relationships])
        w.element("Default", ["Extension": "xml", "ContentType": OOXML.ContentType.xml])
        if parts.contains(where: { $0.path.hasSuffix(".png") }) {
            w.element("Default", ["Extension": "png", "ContentType": OOXML.ContentType.png])
        }
        let overrides: [(String, String)] =
            [("docProps/app.xml", OOXML.ContentType.app), ("docProps/core.xml", OOXML.ContentType.core),
             ("word/document.xml", OOXML.ContentType.document)]
            + parts.filter { !$0.path.hasSuffix(".png") }.map { ($0.path, $0.contentType) } + extra
        for (path, type) in overrides.sorted(by: { $0.0 < $1.0 }) {
            w.element("Override", ["PartName": "/\(path)", "ContentType": type])
        }
        w.end()
        return try w.finish()
    }

    static func packageRelationships() throws -> Data {
        try relationships([
            ("rIdDocument", OOXML.Relationship.officeDocument, "word/document.xml"),
            ("rIdCore", OOXML.Relationship.core, "docProps/core.xml"),
            ("rIdApp", OOXML.Relationship.app, "docProps/app.xml"),
        ])
    }

    static func documentRelationships(_ parts: [Part], extra: [(id: String, type: String, target: String)] = []) throws -> Data {
        try relationships(parts.map { ($0.id, $0.relationship, String($0.path.dropFirst("word/".count))) } + extra)
    }

    static func relationships(_ entries: [(id: String, type: String, target: String)]) throws -> Data {
        let w = XMLWriter(standalone: true)
        w.start("Relationships", ["xmlns": OOXML.packageRelationships])
        for e in entries { w.element("Relationship", ["Id": e.id, "Type": e.type, "Target": e.target]) }
        w.end()
        return try w.finish()
    }

    static func core(_ p: DocumentLayout.Properties) throws -> Data {
        let w = XMLWriter(standalone: true)
        w.start(
            "cp:coreProperties",
            ["xmlns:cp": OOXML.coreProperties, "xmlns:dc": OOXML.dc, "xmlns:dcterms": OOXML.dcterms, "xmlns:dcmitype": OOXML.dcmitype, "xmlns:xsi": OOXML.xsi])
        w.element("dc:title", text: p.title)
        w.element("dc:subject", text: p.subject)
        w.element("dc:creator", text: p.author)
        if !p.keywords.isEmpty { w.element("cp:keywords", text: p.keywords.joined(separator: ", ")) }
        if !p.description.isEmpty { w.element("dc:description", text: p.description) }
        w.element("dc:language", text: p.language)
        w.element("cp:lastModifiedBy", text: p.author)
        w.element("cp:revision", text: String(p.revision))
        if let created = p.created { w.element("dcterms:created", ["xsi:type": "dcterms:W3CDTF"], text: created.iso) }
        if let modified = p.modified { w.element("dcterms:modified", ["xsi:type": "dcterms:W3CDTF"], text: modified.iso) }
        w.end()
        return try w.finish()
    }

    static func app(generator: String, title: String) throws -> Data {
        let w = XMLWriter(standalone: true)
        w.start("Properties", ["xmlns": OOXML.extendedProperties])
        w.element("Template", text: "Normal.dotm")
        w.element("Application", text: generator)
        w.element("DocSecurity", text: "0")
        w.element("ScaleCrop", text: "false")
        w.element("LinksUpToDate", text: "false")
        w.element("SharedDoc", text: "false")
        w.element("HyperlinksChanged", text: "false")
        w.element("AppVersion", text: "16.0000")
        w.end()
        return try w.finish()
    }

    static func settings(language: String, updateFields: Bool) throws -> Data {
        let w = XMLWriter(standalone: true)
        w.start("w:settings", ["xmlns:w": OOXML.w])
        w.element("w:zoom", ["w:percent": "100"])
        w.element("w:defaultTabStop", ["w:val": "709"])
        w.element("w:characterSpacingControl", ["w:val": "doNotCompress"])
        if updateFields { w.element("w:updateFields", ["w:val": "true"]) }
        w.start("w:compat")
        w.element(
            "w:compatSetting",
            ["w:name": "compatibilityMode", "w:uri": "http://schemas.microsoft.com/office/word", "w:val": "15"])
        w.end()
        w.element("w:themeFontLang", ["w:val": language])
        w.element("w:decimalSymbol", ["w:val": "."])
        w.element("w:listSeparator", ["w:val": ","])
        w.end()
        return try w.finish()
    }

    static func fontTable(_ fonts: [String]) throws -> Data {
        let w = XMLWriter(standalone: true)
        w.start("w:fonts", ["xmlns:w": OOXML.w])
        for name in Array(Set(fonts)).sorted() {
            w.start("w:font", ["w:name": name])
            w.element("w:family", ["w:val": "swiss"])
            w.element("w:pitch", ["w:val": "variable"])
            w.end()
        }
        w.end()
        return try w.finish()
    }

    /// The running header (the document's title) or, with `nil`, an empty one for the cover.
    static func header(_ text: String?) throws -> Data {
        let w = XMLWriter(standalone: true)
        w.start("w:hdr", ["xmlns:w": OOXML.w, "xmlns:r": OOXML.r])
        w.start("w:p")
        w.start("w:pPr")
        // The cover's empty header has no style, so no rule is drawn under it.
        w.element("w:pStyle", ["w:val": text == nil ? "Normal" : "Header"])
        w.end()
        if let text, !text.isEmpty {
            w.start("w:r")
            w.element("w:t", ["xml:space": "preserve"], text: text)
            w.end()
        }
        w.end()
        w.end()
        return try w.finish()
    }

    /// "Página N de M" with `PAGE` and `NUMPAGES` fields, or an empty footer for the cover.
    static func footer(_ strings: DocumentStrings?) throws -> Data {
        let w = XMLWriter(standalone: true)
        w.start("w:ftr", ["xmlns:w": OOXML.w, "xmlns:r": OOXML.r])
        w.start("w:p")
        w.start("w:pPr")
        w.element("w:pStyle", ["w:val": "Footer"])
        w.end()
        if let s = strings {
            func text(_ t: String) {
                w.start("w:r")
                w.element("w:t", ["xml:space": "preserve"], text: t)
                w.end()
            }
            text(s.pagePrefix)
            WordField.write(" PAGE ", result: "1", into: w)
            text(s.pageSeparator)
            WordField.write(" NUMPAGES ", result: "1", into: w)
        }
        w.end()
        w.end()
        return try w.finish()
    }
}

/// A complex field (`PAGE`, `NUMPAGES`, `PAGEREF`): begin, instruction, separate, the result Word shows
/// until it updates the field, end.
enum WordField {
    static func write(_ instruction: String, result: String, into w: XMLWriter) {
        w.start("w:r")
        w.element("w:fldChar", ["w:fldCharType": "begin"])
        w.end()
        w.start("w:r")
        w.element("w:instrText", ["xml:space": "preserve"], text: instruction)
        w.end()
        w.start("w:r")
        w.element("w:fldChar", ["w:fldCharType": "separate"])
        w.end()
        if !result.isEmpty {
            w.start("w:r")
            w.element("w:t", ["xml:space": "preserve"], text: result)
            w.end()
        }
        w.start("w:r")
        w.element("w:fldChar", ["w:fldCharType": "end"])
        w.end()
    }
}
