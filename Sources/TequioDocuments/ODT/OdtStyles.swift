import Foundation
import XMLSupport

/// `styles.xml` of an OpenDocument text: fonts, named styles (Standard, Text body, Title, Subtitle,
/// Heading 1–3, table, contents, header and footer styles, Tequio's cover styles), list styles with
/// numbering and bullets, the outline style, the page layouts and the master pages (portrait with the
/// running header and page numbers, landscape for the matrix, a bare first page for the cover).
struct OdtStyles {
    let branding: Branding
    let layout: DocumentLayout

    typealias Definition = (key: String, write: (XMLWriter) -> Void)

    func render(reference: OdtReference?) throws -> Data {
        let w = XMLWriter()
        w.start("office:document-styles", ODF.declarations)
        w.attribute("office:version", ODF.version)
        w.start("office:font-face-decls")
        var declared = Set<String>()
        for face in reference?.fontFaces ?? [] {
            XMLElementWriter.write(face, to: w, prefixes: ODF.prefixes)
            if let name = face.attribute("name", namespace: ODF.style) { declared.insert(name) }
        }
        for font in [branding.fonts.body, branding.fonts.headings] where !declared.contains(font) {
            declared.insert(font)
            w.element(
                "style:font-face",
                ["style:name": font, "svg:font-family": Self.quotedFamily(font), "style:font-family-generic": "swiss", "style:font-pitch": "variable"])
        }
        w.end()
        w.start("office:styles")
        if let reference {
            for e in reference.styles { XMLElementWriter.write(e, to: w, prefixes: ODF.prefixes) }
        }
        for d in definitions() where !(reference?.keys.contains(d.key) ?? false) { d.write(w) }
        w.end()
        pageLayouts(w)
        masterPages(w)
        w.end()
        return try w.finish()
    }

    /// `'Liberation Sans'` for names with spaces, as ODF's `svg:font-family` expects.
    static func quotedFamily(_ name: String) -> String { name.contains(" ") ? "'\(name)'" : name }

    private var c: Branding.Colours { branding.colours }

    private func paragraphStyle(
        _ name: String, display: String? = nil, parent: String? = "Standard", next: String? = nil, outline: Int? = nil,
        className: String = "text", paragraph: [(String, String)] = [], text: [(String, String)] = [],
        extra: ((XMLWriter) -> Void)? = nil
    ) -> Definition {
        ("paragraph/\(name)", { w in
            w.start("style:style", ["style:name": name, "style:display-name": display, "style:family": "paragraph"])
            if let parent { w.attribute("style:parent-style-name", parent) }
            if let next { w.attribute("style:next-style-name", next) }
            if let outline { w.attribute("style:default-outline-level", String(outline)) }
            w.attribute("style:class", className)
            if !paragraph.isEmpty || extra != nil {
                w.start("style:paragraph-properties")
                for (k, v) in paragraph { w.attribute(k, v) }
                extra?(w)
                w.end()
            }
            if !text.isEmpty {
                w.start("style:text-properties")
                for (k, v) in text { w.attribute(k, v) }
                w.end()
            }
            w.end()
        })
    }

    private func textStyle(_ name: String, display: String, text: [(String, String)]) -> Definition {
        ("text/\(name)", { w in
            w.start("style:style", ["style:name": name, "style:display-name": display, "style:family": "text"])
            w.start("style:text-properties")
            for (k, v) in text { w.attribute(k, v) }
            w.end()
            w.end()
        })
    }

    private func font(_ name: String, size: Double, bold: Bool = false, colour: Branding.Colour? = nil) -> [(String, String)] {
        var result = [("style:font-name", name), ("fo:font-size", ODFLength.pt(size))]
        if bold { result += [("fo:font-weight", "bold"), ("style:font-weight-complex", "bold")] }
        if let colour { result.append(("fo:color", colour.css)) }
        result.append(("style:font-size-complex", ODFLength.pt(size)))
        return result
    }

    private func languageAttributes() -> [(String, String)] {
        let parts = layout.properties.language.split(separator: "-")
        var result = [("fo:language", parts.first.map { $0.lowercased() } ?? "es")]
        if parts.count > 1, parts[1].count == 2 { result.append(("fo:country", parts[1].uppercased())) }
        return result
    }

    func definitions() -> [Definition] {
        let f = branding.fonts
        let portrait = PageGeometry.make(branding.paper, .portrait)
        var result: [Definition] = []
        result.append(
            ("default/paragraph", { w in
                w.start("style:default-style", ["style:family": "paragraph"])
                w.element("style:paragraph-properties", ["fo:orphans": "2", "fo:widows": "2", "style:writing-mode": "page"])
                w.start("style:text-properties", ["style:font-name": f.body, "fo:font-size": ODFLength.pt(f.bodySize), "fo:color": self.c.text.css])
                for (k, v) in self.languageAttributes() { w.attribute(k, v) }
                w.attribute("style:font-size-complex", ODFLength.pt(f.bodySize))
                w.end()
                w.end()
            }))
        result.append(
            ("default/table", { w in
                w.start("style:default-style", ["style:family": "table"])
                w.element("style:table-properties", ["table:border-model": "collapsing"])
                w.end()
            }))
        result.append(paragraphStyle("Standard", parent: nil, paragraph: [("fo:margin-top", "0cm"), ("fo:margin-bottom", "0.21cm"), ("fo:line-height", "115%")]))
        result.append(
            paragraphStyle(
                "Text_20_body", display: "Text body", next: "Text_20_body",
                paragraph: [("fo:margin-top", "0cm"), ("fo:margin-bottom", "0.25cm"), ("fo:line-height", "118%")]))
        result.append(
            paragraphStyle(
                "Heading", next: "Text_20_body", className: "text",
                paragraph: [("fo:margin-top", "0.42cm"), ("fo:margin-bottom", "0.21cm"), ("fo:line-height", "100%"), ("fo:keep-with-next", "always")],
                text: [("style:font-name", f.headings), ("fo:color", c.primary.css)]))
        for (level, size, top) in [(1, 16.0, 0.64), (2, 13.0, 0.56), (3, 11.0, 0.39)] {
            var paragraph = [("fo:margin-top", "\(top)cm"), ("fo:margin-bottom", level == 3 ? "0.14cm" : "0.21cm"), ("fo:keep-together", "always"), ("fo:keep-with-next", "always")]
            if level == 1 {
                paragraph += [("fo:padding-bottom", "0.07cm"), ("fo:border-bottom", "0.75pt solid \(c.primary.css)")]
            }
            result.append(
                paragraphStyle(
                    "Heading_20_\(level)", display: "Heading \(level)", parent: "Heading", next: "Text_20_body", outline: level,
                    paragraph: paragraph, text: font(f.headings, size: size, bold: true, colour: level == 3 ? c.accent : c.primary)))
        }
        result.append(
            paragraphStyle(
                "Title", parent: "Heading", next: "Subtitle", className: "chapter",
                paragraph: [("fo:margin-top", "0.21cm"), ("fo:margin-bottom", "0.21cm")],
                text: font(f.headings, size: 30, bold: true, colour: c.primary)))
        result.append(
            paragraphStyle(
                "Subtitle", parent: "Heading", next: "Text_20_body", className: "chapter",
                paragraph: [("fo:margin-top", "0cm"), ("fo:margin-bottom", "0.64cm")],
                text: font(f.headings, size: 20, colour: c.accent)))
        result.append(
            paragraphStyle(
                "Cover_20_Logo", display: "Cover Logo", next: "Cover_20_Kicker",
                paragraph: [("fo:margin-top", "0.85cm"), ("fo:margin-bottom", "0.64cm")]))
        result.append(
            paragraphStyle(
                "Cover_20_Kicker", display: "Cover Kicker", next: "Title",
                paragraph: [("fo:margin-top", "0.42cm"), ("fo:margin-bottom", "0.42cm"), ("fo:keep-with-next", "always")],
                text: font(f.headings, size: 10, colour: c.muted) + [("fo:text-transform", "uppercase"), ("fo:letter-spacing", "0.02cm")]))
        result.append(
            paragraphStyle(
                "Cover_20_Text", display: "Cover Text", next: "Cover_20_Field",
                paragraph: [("fo:margin-top", "0cm"), ("fo:margin-bottom", "0.85cm")],
                text: [("fo:font-size", "12pt"), ("fo:font-style", "italic"), ("style:font-size-complex", "12pt")]))
        result.append(
            paragraphStyle("Cover_20_Field", display: "Cover Field", next: "Cover_20_Field", paragraph: [("fo:margin-top", "0cm"), ("fo:margin-bottom", "0.1cm")]))
        result.append(
            paragraphStyle(
                "Minor_20_Heading", display: "Minor Heading", next: "Text_20_body",
                paragraph: [("fo:margin-top", "0.71cm"), ("fo:margin-bottom", "0.21cm"), ("fo:keep-with-next", "always")],
                text: font(f.headings, size: 13, bold: true, colour: c.primary)))
        result.append(
            paragraphStyle(
                "Group_20_Label", display: "Group Label", next: "Member",
                paragraph: [("fo:margin-top", "0.28cm"), ("fo:margin-bottom", "0.07cm"), ("fo:keep-with-next", "always")],
                text: [("fo:font-weight", "bold"), ("fo:font-variant", "small-caps"), ("fo:color", c.accent.css)]))
        result.append(
            paragraphStyle("Member", next: "Member", paragraph: [("fo:margin-left", "0.5cm"), ("fo:margin-top", "0cm"), ("fo:margin-bottom", "0.05cm")]))
        for name in ["List_20_Number", "List_20_Bullet"] {
            result.append(
                paragraphStyle(
                    name, display: name == "List_20_Number" ? "List Number" : "List Bullet", parent: "Text_20_body", next: name,
                    className: "list", paragraph: [("fo:margin-top", "0cm"), ("fo:margin-bottom", "0.14cm")]))
        }
        result.append(
            paragraphStyle(
                "Table_20_Contents", display: "Table Contents", className: "extra",
                paragraph: [("fo:margin-top", "0cm"), ("fo:margin-bottom", "0.09cm"), ("fo:line-height", "100%")],
                text: [("fo:font-size", ODFLength.pt(f.tableSize)), ("style:font-size-complex", ODFLength.pt(f.tableSize))]))
        result.append(
            paragraphStyle(
                "Table_20_Heading", display: "Table Heading", parent: "Table_20_Contents", className: "extra",
                paragraph: [("fo:keep-with-next", "always")],
                text: font(f.headings, size: f.tableSize, bold: true, colour: c.tableHeaderText)))
        result.append(
            paragraphStyle(
                "Contents_20_1", display: "Contents 1", parent: "Standard", className: "index",
                paragraph: [("fo:margin-top", "0cm"), ("fo:margin-bottom", "0.11cm")],
                extra: { w in
                    w.start("style:tab-stops")
                    w.element(
                        "style:tab-stop",
                        ["style:position": ODFLength.cm(twips: portrait.textWidth), "style:type": "right", "style:leader-style": "dotted", "style:leader-text": "."])
                    w.end()
                }))
        result.append(
            paragraphStyle(
                "Header", parent: "Standard", className: "extra",
                paragraph: [("fo:text-align", "end"), ("fo:margin-bottom", "0cm"), ("fo:padding-bottom", "0.07cm"), ("fo:border-bottom", "0.5pt solid \(c.tableBorder.css)")],
                text: [("fo:font-size", "8pt"), ("fo:color", c.muted.css), ("style:font-size-complex", "8pt")]))
        result.append(
            paragraphStyle(
                "Footer", parent: "Standard", className: "extra", paragraph: [("fo:text-align", "center"), ("fo:margin-bottom", "0cm")],
                text: [("fo:font-size", "8pt"), ("fo:color", c.muted.css), ("style:font-size-complex", "8pt")]))
        result.append(textStyle("Field_20_Label", display: "Field Label", text: [("fo:font-weight", "bold"), ("fo:color", c.primary.css)]))
        result.append(textStyle("Member_20_Role", display: "Member Role", text: [("fo:color", c.muted.css)]))
        result.append(textStyle("Strong_20_Emphasis", display: "Strong Emphasis", text: [("fo:font-weight", "bold"), ("style:font-weight-complex", "bold")]))
        result.append(
            ("list/Tequio_20_Numbered", { w in
                w.start("text:list-style", ["style:name": "Tequio_20_Numbered", "style:display-name": "Tequio Numbered"])
                w.start("text:list-level-style-number", ["text:level": "1", "text:style-name": "Strong_20_Emphasis", "style:num-suffix": ".", "style:num-format": "1"])
                self.listLevel(w)
                w.end()
                w.end()
            }))
        result.append(
            ("list/Tequio_20_Bullets", { w in
                w.start("text:list-style", ["style:name": "Tequio_20_Bullets", "style:display-name": "Tequio Bullets"])
                w.start("text:list-level-style-bullet", ["text:level": "1", "text:bullet-char": "•"])
                self.listLevel(w)
                w.element("style:text-properties", ["fo:color": self.c.accent.css])
                w.end()
                w.end()
            }))
        result.append(
            ("outline", { w in
                w.start("text:outline-style", ["style:name": "Outline"])
                for level in 1...10 {
                    w.start("text:outline-level-style", ["text:level": String(level), "style:num-format": ""])
                    w.start("style:list-level-properties", ["text:list-level-position-and-space-mode": "label-alignment"])
                    w.element("style:list-level-label-alignment", ["text:label-followed-by": "nothing"])
                    w.end()
                    w.end()
                }
                w.end()
            }))
        return result
    }

    private func listLevel(_ w: XMLWriter) {
        w.start("style:list-level-properties", ["text:list-level-position-and-space-mode": "label-alignment"])
        w.element(
            "style:list-level-label-alignment",
            ["text:label-followed-by": "listtab", "text:list-tab-stop-position": "1cm", "fo:text-indent": "-0.7cm", "fo:margin-left": "1cm"])
        w.end()
    }

    private func pageLayouts(_ w: XMLWriter) {
        w.start("office:automatic-styles")
        for o in [DocumentLayout.Orientation.portrait, .landscape] {
            let g = PageGeometry.make(branding.paper, o)
            w.start("style:page-layout", ["style:name": o == .portrait ? "pm.portrait" : "pm.landscape"])
            w.element(
                "style:page-layout-properties",
                [
                    "fo:page-width": ODFLength.cm(twips: g.width), "fo:page-height": ODFLength.cm(twips: g.height),
                    "style:print-orientation": o == .portrait ? "portrait" : "landscape",
                    "fo:margin-top": ODFLength.cm(twips: g.header), "fo:margin-bottom": ODFLength.cm(twips: g.footer),
                    "fo:margin-left": ODFLength.cm(twips: g.left), "fo:margin-right": ODFLength.cm(twips: g.right),
                    "style:writing-mode": "lr-tb",
                ])
            // Header and footer sit in the margin: their height plus spacing fills the rest of it.
            w.start("style:header-style")
            w.element(
                "style:header-footer-properties",
                ["fo:min-height": "0.5cm", "fo:margin-bottom": ODFLength.cm(twips: max(0, g.top - g.header - 284)), "style:dynamic-spacing": "false"])
            w.end()
            w.start("style:footer-style")
            w.element(
                "style:header-footer-properties",
                ["fo:min-height": "0.5cm", "fo:margin-top": ODFLength.cm(twips: max(0, g.bottom - g.footer - 284)), "style:dynamic-spacing": "false"])
            w.end()
            w.end()
        }
        w.start("style:page-layout", ["style:name": "pm.cover"])
        let g = PageGeometry.make(branding.paper, .portrait)
        w.element(
            "style:page-layout-properties",
            [
                "fo:page-width": ODFLength.cm(twips: g.width), "fo:page-height": ODFLength.cm(twips: g.height),
                "style:print-orientation": "portrait", "fo:margin-top": ODFLength.cm(twips: g.top),
                "fo:margin-bottom": ODFLength.cm(twips: g.bottom), "fo:margin-left": ODFLength.cm(twips: g.left),
                "fo:margin-right": ODFLength.cm(twips: g.right), "style:writing-mode": "lr-tb",
            ])
        w.end()
        w.end()
    }

    private func masterPages(_ w: XMLWriter) {
        w.start("office:master-styles")
        for (name, display, layoutName) in [("Standard", nil, "pm.portrait"), ("Landscape", nil, "pm.landscape")] as [(String, String?, String)] {
            w.start("style:master-page", ["style:name": name, "style:display-name": display, "style:page-layout-name": layoutName])
            w.start("style:header")
            w.element("text:p", ["text:style-name": "Header"], text: layout.runningHeader)
            w.end()
            w.start("style:footer")
            w.start("text:p", ["text:style-name": "Footer"])
            w.text(layout.strings.pagePrefix)
            w.element("text:page-number", ["text:select-page": "current"], text: "1")
            w.text(layout.strings.pageSeparator)
            w.element("text:page-count", text: "1")
            w.end()
            w.end()
            w.end()
        }
        w.element(
            "style:master-page",
            ["style:name": "First_20_Page", "style:display-name": "First Page", "style:page-layout-name": "pm.cover", "style:next-style-name": "Standard"])
        w.end()
    }
}
