import Foundation
import TequioModel
import TequioReaders
import XMLSupport

/// `styles.xml` of an OpenDocument text, written from the branding's style sheet
/// (`Branding.styleSheet`): font declarations, the default style, the sheet's styles under ODF's
/// names (Standard, Text body, Heading 1–3, Table Contents, Contents 1…), the list styles and the
/// outline style; then the page layouts and master pages (portrait with the running header and page
/// numbers, landscape for the matrix, a bare first page for the cover).
struct OdtStyles {
    let branding: Branding
    let layout: DocumentLayout
    let sheet: DocumentStyleSheet

    init(branding: Branding, layout: DocumentLayout) {
        self.branding = branding
        self.layout = layout
        sheet = branding.styleSheet
    }

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
        for role in sheet.fontRoles {
            let font = branding.family(role)
            guard declared.insert(font).inserted else { continue }
            let (generic, pitch) = role == .mono ? ("modern", "fixed") : ("swiss", "variable")
            w.element(
                "style:font-face",
                ["style:name": font, "svg:font-family": Self.quotedFamily(font), "style:font-family-generic": generic, "style:font-pitch": pitch])
        }
        w.end()
        w.start("office:styles")
        if let reference {
            for e in reference.styles { XMLElementWriter.write(e, to: w, prefixes: ODF.prefixes) }
        }
        for d in definitions() where !(reference?.keys.contains(d.key) ?? false) { d.write(w) }
        OdtFigureStyles(layout: layout, branding: branding).hatches(w)
        w.end()
        pageLayouts(w)
        masterPages(w)
        w.end()
        return try w.finish()
    }

    /// `'Liberation Sans'` for names with spaces, as ODF's `svg:font-family` expects.
    static func quotedFamily(_ name: String) -> String { name.contains(" ") ? "'\(name)'" : name }

    /// The default styles, the named paragraph styles, the text styles, the list styles and the outline.
    func definitions() -> [Definition] {
        var result: [Definition] = [("default/paragraph", defaultStyle), ("default/table", tableDefaults)]
        for style in namedStyles() {
            result.append(("\(style.isParagraph ? "paragraph" : "text")/\(style.encodedName)", { w in self.write(style, w) }))
        }
        result.append(("list/Tequio_20_Numbered", { w in self.listStyle(self.sheet.numberedList, name: "Tequio Numbered", w) }))
        result.append(("list/Tequio_20_Bullets", { w in self.listStyle(self.sheet.bulletList, name: "Tequio Bullets", w) }))
        result.append(("outline", outlineStyle))
        return result
    }

    // MARK: ODF's names

    /// A style as the ODT writes it: the sheet's properties, ODF's names, ODF's style class.
    struct OdfStyle {
        /// The display name (`Heading 1`); `style:name` is it with its spaces as `_20_`.
        var name: String
        var isParagraph = true
        var parent: String?
        var next: String?
        var outlineLevel: Int?
        var className = "text"
        var paragraph = ParagraphFormat()
        var text = TextFormat()
        var complexScriptBold = true

        var encodedName: String { Self.encoded(name) }
        static func encoded(_ name: String) -> String { name.replacingOccurrences(of: " ", with: "_20_") }
    }

    /// ODF's name for a style: built-in styles take the name ODF applications know them by.
    private func odfName(_ role: StyleRole) -> String? {
        switch role {
        case .normal: "Standard"
        case .body: "Text body"
        case .tableText: "Table Contents"
        default: sheet[role]?.name
        }
    }

    private static func odfClass(_ role: StyleRole) -> String {
        switch role {
        case .title, .subtitle: "chapter"
        case .listItem: "list"
        case .tableText, .tableHeading, .pageHeader, .pageFooter: "extra"
        case .contents: "index"
        default: "text"
        }
    }

    /// The order the ODT has always had its styles in: paragraph styles, then text styles. Styles the
    /// list does not name follow in the sheet's order.
    private static let order: [StyleRole] = [
        .normal, .body, .heading(1), .heading(2), .heading(3), .title, .subtitle, .coverLogo, .coverKicker, .coverText, .coverField, .minorHeading,
        .memberGroup, .member, .listItem(.numbered), .listItem(.bullet), .tableText, .tableHeading, .contents(1), .pageHeader, .pageFooter,
        .fieldLabel, .memberRole,
    ]

    /// The sheet's styles as the ODT writes them, with the headings' common parent before the first
    /// of them and "Strong Emphasis", the numbers' text style, last.
    private func namedStyles() -> [OdfStyle] {
        let roles = Self.order + sheet.styles.map(\.role).filter { !Self.order.contains($0) }
        var styles = roles.compactMap { role in sheet[role].map { odfStyle($0) } }
        if let first = styles.firstIndex(where: { $0.parent == headingParent.name }) { styles.insert(headingParent, at: first) }
        return styles + [OdfStyle(name: "Strong Emphasis", isParagraph: false, text: numberText)]
    }

    private func odfStyle(_ style: DocumentStyle) -> OdfStyle {
        var result = OdfStyle(
            name: odfName(style.role) ?? style.name, isParagraph: style.kind == .paragraph,
            parent: style.kind == .paragraph ? style.basedOn.flatMap(odfName) : nil, next: style.next.flatMap(odfName),
            outlineLevel: style.role.outlineLevel, className: Self.odfClass(style.role), paragraph: style.paragraph, text: style.text)
        applyDepartures(&result, style.role)
        return result
    }

    // MARK: Writing

    private func defaultStyle(_ w: XMLWriter) {
        w.start("style:default-style", ["style:family": "paragraph"])
        w.start("style:paragraph-properties")
        for (k, v) in paragraphAttributes(defaultStyleParagraph) { w.attribute(k, v) }
        w.attribute("style:writing-mode", "page")
        w.end()
        w.start("style:text-properties")
        for (k, v) in textAttributes(sheet.defaultText, language: languageAttributes()) { w.attribute(k, v) }
        w.end()
        w.end()
    }

    private func tableDefaults(_ w: XMLWriter) {
        w.start("style:default-style", ["style:family": "table"])
        w.element("style:table-properties", ["table:border-model": "collapsing"])
        w.end()
    }

    private func write(_ style: OdfStyle, _ w: XMLWriter) {
        let name = style.encodedName
        let family = style.isParagraph ? "paragraph" : "text"
        w.start("style:style", ["style:name": name, "style:display-name": name == style.name ? nil : style.name, "style:family": family])
        if let parent = style.parent { w.attribute("style:parent-style-name", OdfStyle.encoded(parent)) }
        if let next = style.next { w.attribute("style:next-style-name", OdfStyle.encoded(next)) }
        if let level = style.outlineLevel { w.attribute("style:default-outline-level", String(level)) }
        if style.isParagraph { w.attribute("style:class", style.className) }
        let paragraph = paragraphAttributes(style.paragraph)
        if !paragraph.isEmpty || !style.paragraph.tabStops.isEmpty {
            w.start("style:paragraph-properties")
            for (k, v) in paragraph { w.attribute(k, v) }
            tabStops(style.paragraph.tabStops, w)
            w.end()
        }
        let text = textAttributes(style.text, complexScriptBold: style.complexScriptBold)
        if !text.isEmpty {
            w.start("style:text-properties")
            for (k, v) in text { w.attribute(k, v) }
            w.end()
        }
        w.end()
    }

    // MARK: Properties

    /// `style:paragraph-properties` attributes, lengths in centimetres.
    private func paragraphAttributes(_ p: ParagraphFormat) -> [(String, String)] {
        var result: [(String, String)] = []
        func add(_ name: String, _ value: String?) { if let value { result.append((name, value)) } }
        add("fo:text-align", p.alignment.map(Self.textAlign))
        add("fo:margin-left", p.startIndent.map(Self.cm))
        add("fo:text-indent", p.firstLineIndent.map(Self.cm))
        add("fo:margin-top", p.spaceBefore.map(Self.cm))
        add("fo:margin-bottom", p.spaceAfter.map(Self.cm))
        add("fo:line-height", p.lineHeight.map { "\(Int(($0 * 100).rounded()))%" })
        add("fo:break-before", p.pageBreakBefore ? "page" : nil)
        add("fo:keep-together", p.keepTogether ? "always" : nil)
        add("fo:keep-with-next", p.keepWithNext ? "always" : nil)
        add("fo:padding-bottom", p.borderBelow.map { Self.cm($0.gap) })
        add("fo:border-bottom", p.borderBelow.map { "\(ODFLength.pt($0.width)) solid \(branding.colour($0.colour).css)" })
        add("fo:orphans", p.minimumLinesAtBreak.map(String.init))
        add("fo:widows", p.minimumLinesAtBreak.map(String.init))
        return result
    }

    /// `style:text-properties` attributes; `language` goes where the default style has it.
    private func textAttributes(_ t: TextFormat, complexScriptBold: Bool = true, language: [(String, String)] = []) -> [(String, String)] {
        var result: [(String, String)] = []
        func add(_ name: String, _ value: String?) { if let value { result.append((name, value)) } }
        add("style:font-name", t.font.map(branding.family))
        add("fo:font-size", t.size.map(ODFLength.pt))
        // Italic is for Latin text only (no `style:font-style-complex`), as it has always been.
        add("fo:font-style", t.italic.map { $0 ? "italic" : "normal" })
        add("fo:font-weight", t.bold.map { $0 ? "bold" : "normal" })
        add("style:font-weight-complex", complexScriptBold ? t.bold.map { $0 ? "bold" : "normal" } : nil)
        add("fo:font-variant", t.capitals == .small ? "small-caps" : nil)
        add("fo:color", t.colour.map { branding.colour($0).css })
        result += language
        add("style:font-size-complex", t.size.map(ODFLength.pt))
        add("fo:text-transform", t.capitals == .all ? "uppercase" : nil)
        add("fo:letter-spacing", t.letterSpacing.map(Self.cm))
        add("style:letter-kerning", t.kerningFrom == nil ? nil : "true")
        return result
    }

    private func languageAttributes() -> [(String, String)] {
        let parts = layout.properties.language.split(separator: "-")
        var result = [("fo:language", parts.first.map { $0.lowercased() } ?? "es")]
        if parts.count > 1, parts[1].count == 2 { result.append(("fo:country", parts[1].uppercased())) }
        return result
    }

    private func tabStops(_ stops: [TabStop], _ w: XMLWriter) {
        guard !stops.isEmpty else { return }
        w.start("style:tab-stops")
        for stop in stops {
            let position: String
            switch stop.position {
            case .textEnd: position = ODFLength.cm(twips: PageGeometry.make(branding.paper, .portrait).textWidth)
            case .points(let points): position = Self.cm(points)
            }
            w.element(
                "style:tab-stop",
                [
                    "style:position": position, "style:type": Self.tabType(stop.alignment), "style:leader-style": stop.dotLeader ? "dotted" : nil,
                    "style:leader-text": stop.dotLeader ? "." : nil,
                ])
        }
        w.end()
    }

    /// Points as centimetres to two decimals: `0.21cm`, `1cm`.
    static func cm(_ points: Double) -> String {
        let centimetres = (points / 72 * 2.54 * 100).rounded() / 100
        return "\(centimetres.compact)cm"
    }

    static func points(cm: Double) -> Double { cm / 2.54 * 72 }

    private static func textAlign(_ alignment: Alignment) -> String {
        switch alignment {
        case .start: "start"
        case .center: "center"
        case .end: "end"
        }
    }

    /// Tab stops have no `start` and `end` in ODF.
    private static func tabType(_ alignment: Alignment) -> String {
        switch alignment {
        case .start: "left"
        case .center: "center"
        case .end: "right"
        }
    }

    // MARK: Lists and outline

    /// A one-level list: the number or bullet, its text style, where the item's text starts.
    private func listStyle(_ list: ListStyle, name: String, _ w: XMLWriter) {
        w.start("text:list-style", ["style:name": OdfStyle.encoded(name), "style:display-name": name])
        switch list.label {
        case .number(let suffix):
            w.start(
                "text:list-level-style-number", ["text:level": "1", "text:style-name": "Strong_20_Emphasis", "style:num-suffix": suffix, "style:num-format": "1"])
        case .bullet(let text):
            w.start("text:list-level-style-bullet", ["text:level": "1", "text:bullet-char": text])
        }
        w.start("style:list-level-properties", ["text:list-level-position-and-space-mode": "label-alignment"])
        w.element(
            "style:list-level-label-alignment",
            [
                "text:label-followed-by": "listtab", "text:list-tab-stop-position": Self.cm(list.indent), "fo:text-indent": Self.cm(-list.hanging),
                "fo:margin-left": Self.cm(list.indent),
            ])
        w.end()
        // The numbers' look is the "Strong Emphasis" text style; the bullets' is written here.
        if case .bullet = list.label {
            w.element("style:text-properties", ["fo:color": list.labelText.colour.map { branding.colour($0).css }])
        }
        w.end()
        w.end()
    }

    /// Headings are numbered by nothing: their outline levels carry no number.
    private func outlineStyle(_ w: XMLWriter) {
        w.start("text:outline-style", ["style:name": "Outline"])
        for level in 1...10 {
            w.start("text:outline-level-style", ["text:level": String(level), "style:num-format": ""])
            w.start("style:list-level-properties", ["text:list-level-position-and-space-mode": "label-alignment"])
            w.element("style:list-level-label-alignment", ["text:label-followed-by": "nothing"])
            w.end()
            w.end()
        }
        w.end()
    }

    // MARK: Pages

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
