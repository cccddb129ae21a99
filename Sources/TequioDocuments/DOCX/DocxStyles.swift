import Foundation
import TequioModel
import TequioReaders
import XMLSupport

/// `word/styles.xml` and `word/numbering.xml`, written from the branding's style sheet
/// (`Branding.styleSheet`): its styles under Word's names (Normal, Title, heading 1–3, List Number,
/// toc 1, header…), Word's own default styles, the "Tequio Table" table style and the two list
/// definitions.
///
/// With a reference document, its styles win: its `w:docDefaults` and every style it defines are kept,
/// and only the styles it lacks are added from ours (pandoc's `--reference-doc`).
struct DocxStyles {
    let branding: Branding
    let language: String
    let sheet: DocumentStyleSheet

    init(branding: Branding, language: String) {
        self.branding = branding
        self.language = language
        sheet = branding.styleSheet
    }

    typealias Definition = (id: String, write: (XMLWriter) -> Void)

    func render(reference: DocxReference?) throws -> Data {
        let w = XMLWriter(standalone: true)
        w.start("w:styles", ["xmlns:w": OOXML.w, "xmlns:r": OOXML.r])
        let definitions = styleDefinitions()
        if let reference {
            if let defaults = reference.docDefaults {
                XMLElementWriter.write(defaults, to: w, prefixes: DocxReference.prefixes, order: WordprocessingOrder.children)
            } else {
                docDefaults(w)
            }
            if let latent = reference.latentStyles { XMLElementWriter.write(latent, to: w, prefixes: DocxReference.prefixes) }
            for style in reference.styles {
                XMLElementWriter.write(style, to: w, prefixes: DocxReference.prefixes, order: WordprocessingOrder.children)
            }
            let defined = Set(reference.styleIDs)
            let defaultTypes = reference.defaultStyleTypes
            for d in definitions where !defined.contains(d.id) && !defaultTypes.contains(Self.defaultStyles[d.id] ?? "-") {
                d.write(w)
            }
        } else {
            docDefaults(w)
            for d in definitions { d.write(w) }
        }
        w.end()
        return try w.finish()
    }

    /// Our styles that are the default of their type: a reference document's own default replaces them.
    static let defaultStyles = ["Normal": "paragraph", "DefaultParagraphFont": "character", "TableNormal": "table", "NoList": "numbering"]

    func docDefaults(_ w: XMLWriter) {
        w.start("w:docDefaults")
        w.start("w:rPrDefault")
        w.start("w:rPr")
        runProperties(sheet.defaultText, w)
        w.element("w:lang", ["w:val": language, "w:eastAsia": language, "w:bidi": language])
        w.end()
        w.end()
        w.start("w:pPrDefault")
        w.start("w:pPr")
        paragraphProperties(sheet.defaultParagraph, outlineLevel: nil, w)
        w.end()
        w.end()
        w.end()
    }

    /// Normal first, then Word's own defaults, then the sheet's other styles in its order, then the
    /// table style.
    func styleDefinitions() -> [Definition] {
        let named: [Definition] = sheet.styles.map { style in (Self.wordName(style).id, { w in self.write(style, w) }) }
        let normal = named.filter { $0.id == "Normal" }
        return normal + Self.wordDefaults + named.filter { $0.id != "Normal" } + [("TequioTable", tableStyle)]
    }

    // MARK: Word's names

    struct WordName {
        var id: String
        var name: String
        /// Place in Word's style gallery, and whether the style shows in the quick gallery.
        var priority: Int?
        var quick: Bool
    }

    /// Word's id, name and gallery place for a style. Built-in styles take Word's own names
    /// (`heading 1`, `toc 1`, `header`) so that Word treats them as its own.
    static func wordName(_ style: DocumentStyle) -> WordName {
        var word = WordName(
            id: style.name.replacingOccurrences(of: " ", with: ""), name: style.name, priority: style.kind == .character ? 20 : nil,
            quick: style.kind == .paragraph)
        switch style.role {
        case .body: word.priority = 1
        case .title: word.priority = 10
        case .subtitle: word.priority = 11
        case .heading(let level): word = WordName(id: "Heading\(level)", name: "heading \(level)", priority: 9, quick: true)
        case .coverKicker: word.id = "Kicker"
        case .coverField: word.id = "Field"
        case .listItem: (word.priority, word.quick) = (99, false)
        case .contents(let level): word = WordName(id: "TOC\(level)", name: "toc \(level)", priority: 39, quick: false)
        case .pageHeader, .pageFooter: (word.name, word.priority, word.quick) = (word.name.lowercased(), 99, false)
        case .normal, .coverLogo, .coverText, .fieldLabel, .minorHeading, .memberGroup, .member, .memberRole, .tableText, .tableHeading: break
        }
        return word
    }

    // MARK: Styles

    private func write(_ style: DocumentStyle, _ w: XMLWriter) {
        let word = Self.wordName(style)
        let isNormal = style.role == .normal
        w.start("w:style", ["w:type": style.kind == .paragraph ? "paragraph" : "character", "w:default": isNormal ? "1" : nil, "w:styleId": word.id])
        w.element("w:name", ["w:val": word.name])
        let basedOn = style.kind == .character ? "DefaultParagraphFont" : style.basedOn.flatMap(wordID)
        if let basedOn { w.element("w:basedOn", ["w:val": basedOn]) }
        if let next = style.next.flatMap(wordID) { w.element("w:next", ["w:val": next]) }
        if let priority = word.priority { w.element("w:uiPriority", ["w:val": String(priority)]) }
        if word.quick { w.element("w:qFormat") }
        if style.paragraph != ParagraphFormat() || style.role.outlineLevel != nil {
            w.start("w:pPr")
            paragraphProperties(style.paragraph, outlineLevel: style.role.outlineLevel, w)
            w.end()
        }
        if style.text != TextFormat() {
            w.start("w:rPr")
            runProperties(style.text, complexScriptBold: !Self.boldInLatinTextOnly.contains(style.role), w)
            w.end()
        }
        w.end()
    }

    private func wordID(_ role: StyleRole) -> String? { sheet[role].map { Self.wordName($0).id } }

    /// Word's default character, table and numbering styles, which every document has.
    private static var wordDefaults: [Definition] {
        [
            ("DefaultParagraphFont", { w in wordDefault(w, "character", "DefaultParagraphFont", "Default Paragraph Font", priority: 1) }),
            ("TableNormal", { w in
                wordDefault(w, "table", "TableNormal", "Normal Table", priority: 99) {
                    w.start("w:tblPr")
                    w.element("w:tblInd", ["w:w": "0", "w:type": "dxa"])
                    cellMargins(w, vertical: 0, horizontal: 108)
                    w.end()
                }
            }),
            ("NoList", { w in wordDefault(w, "numbering", "NoList", "No List", priority: 99) }),
        ]
    }

    private static func wordDefault(_ w: XMLWriter, _ type: String, _ id: String, _ name: String, priority: Int, rest: () -> Void = {}) {
        w.start("w:style", ["w:type": type, "w:default": "1", "w:styleId": id])
        w.element("w:name", ["w:val": name])
        w.element("w:uiPriority", ["w:val": String(priority)])
        w.element("w:semiHidden")
        w.element("w:unhideWhenUsed")
        rest()
        w.end()
    }

    private static func cellMargins(_ w: XMLWriter, vertical: Int, horizontal: Int) {
        w.start("w:tblCellMar")
        for (side, width) in [("top", vertical), ("left", horizontal), ("bottom", vertical), ("right", horizontal)] {
            w.element("w:\(side)", ["w:w": String(width), "w:type": "dxa"])
        }
        w.end()
    }

    /// "Tequio Table": rules around every cell, cell padding, a filled header row.
    private func tableStyle(_ w: XMLWriter) {
        let table = sheet.table
        w.start("w:style", ["w:type": "table", "w:styleId": "TequioTable"])
        w.element("w:name", ["w:val": "Tequio Table"])
        w.element("w:basedOn", ["w:val": "TableNormal"])
        w.element("w:uiPriority", ["w:val": "59"])
        w.start("w:pPr")
        paragraphProperties(table.paragraph, outlineLevel: nil, w)
        w.end()
        w.start("w:tblPr")
        w.start("w:tblBorders")
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            rule(side, table.rules, w)
        }
        w.end()
        Self.cellMargins(w, vertical: Self.twips(table.verticalPadding), horizontal: Self.twips(table.horizontalPadding))
        w.end()
        w.start("w:tblStylePr", ["w:type": "firstRow"])
        w.start("w:rPr")
        // The header row's bold has always been Latin-script only.
        runProperties(table.headerText, complexScriptBold: false, w)
        w.end()
        w.start("w:tcPr")
        w.element("w:shd", ["w:val": "clear", "w:color": "auto", "w:fill": branding.colour(table.headerFill).hex])
        w.end()
        w.end()
        w.end()
    }

    // MARK: Properties

    static func twips(_ points: Double) -> Int { Int((points * 20).rounded()) }
    private static func halfPoints(_ points: Double) -> String { String(Int((points * 2).rounded())) }

    /// `w:pPr` children, in the order the schema requires.
    private func paragraphProperties(_ p: ParagraphFormat, outlineLevel: Int?, _ w: XMLWriter) {
        if p.keepWithNext { w.element("w:keepNext") }
        if p.keepTogether { w.element("w:keepLines") }
        if p.pageBreakBefore { w.element("w:pageBreakBefore") }
        // Word's widow control always keeps two lines; one line means none.
        if let lines = p.minimumLinesAtBreak { w.element("w:widowControl", ["w:val": lines > 1 ? nil : "0"]) }
        if let border = p.borderBelow {
            w.start("w:pBdr")
            rule("bottom", border, w)
            w.end()
        }
        if !p.tabStops.isEmpty {
            w.start("w:tabs")
            for tab in p.tabStops {
                w.element("w:tab", ["w:val": Self.jc(tab.alignment), "w:leader": tab.dotLeader ? "dot" : nil, "w:pos": String(tabPosition(tab.position))])
            }
            w.end()
        }
        if p.spaceBefore != nil || p.spaceAfter != nil || p.lineHeight != nil {
            w.element(
                "w:spacing",
                [
                    "w:before": p.spaceBefore.map { String(Self.twips($0)) }, "w:after": p.spaceAfter.map { String(Self.twips($0)) },
                    "w:line": p.lineHeight.map { String(Int(($0 * 240).rounded())) }, "w:lineRule": p.lineHeight == nil ? nil : "auto",
                ])
        }
        if p.startIndent != nil || p.firstLineIndent != nil {
            let first = p.firstLineIndent.map(Self.twips) ?? 0
            w.element(
                "w:ind",
                ["w:left": p.startIndent.map { String(Self.twips($0)) }, "w:hanging": first < 0 ? String(-first) : nil, "w:firstLine": first > 0 ? String(first) : nil])
        }
        if let alignment = p.alignment { w.element("w:jc", ["w:val": Self.jc(alignment)]) }
        if let outlineLevel { w.element("w:outlineLvl", ["w:val": String(outlineLevel - 1)]) }
    }

    /// `w:rPr` children, in the order the schema requires. `complexScriptBold` adds `w:bCs` to bold.
    private func runProperties(_ t: TextFormat, complexScriptBold: Bool = true, _ w: XMLWriter) {
        if let font = t.font {
            let name = branding.family(font)
            w.element("w:rFonts", ["w:ascii": name, "w:hAnsi": name, "w:eastAsia": name, "w:cs": name])
        }
        if let bold = t.bold {
            w.element("w:b", ["w:val": bold ? nil : "0"])
            if complexScriptBold { w.element("w:bCs", ["w:val": bold ? nil : "0"]) }
        }
        // Italic is for Latin text only (no `w:iCs`), as it has always been: Arabic and Hebrew have no
        // italic convention to follow.
        if let italic = t.italic { w.element("w:i", ["w:val": italic ? nil : "0"]) }
        if t.capitals == .all { w.element("w:caps") }
        if t.capitals == .small { w.element("w:smallCaps") }
        if let colour = t.colour { w.element("w:color", ["w:val": branding.colour(colour).hex]) }
        if let spacing = t.letterSpacing { w.element("w:spacing", ["w:val": String(Self.twips(spacing))]) }
        if let kerning = t.kerningFrom { w.element("w:kern", ["w:val": Self.halfPoints(kerning)]) }
        if let size = t.size {
            w.element("w:sz", ["w:val": Self.halfPoints(size)])
            w.element("w:szCs", ["w:val": Self.halfPoints(size)])
        }
    }

    /// A single rule: width in eighths of a point, gap in points.
    private func rule(_ side: String, _ border: Border, _ w: XMLWriter) {
        w.element(
            "w:\(side)",
            ["w:val": "single", "w:sz": String(Int((border.width * 8).rounded())), "w:space": String(Int(border.gap.rounded())), "w:color": branding.colour(border.colour).hex])
    }

    private func tabPosition(_ position: TabStop.Position) -> Int {
        switch position {
        case .textEnd: PageGeometry.make(branding.paper, .portrait).textWidth
        case .points(let points): Self.twips(points)
        }
    }

    /// Transitional WordprocessingML has `left` and `right`, not `start` and `end`.
    private static func jc(_ alignment: Alignment) -> String {
        switch alignment {
        case .start: "left"
        case .center: "center"
        case .end: "right"
        }
    }

    // MARK: Numbering

    /// One bullet list definition and one decimal list definition; the bullet `w:num` (id 1) is shared,
    /// and each numbered list has its own `w:num` restarting at 1 (ids 2…`numberedLists` + 1).
    func numbering(numberedLists: Int) throws -> Data {
        let w = XMLWriter(standalone: true)
        w.start("w:numbering", ["xmlns:w": OOXML.w])
        for (id, list) in [(0, sheet.bulletList), (1, sheet.numberedList)] {
            w.start("w:abstractNum", ["w:abstractNumId": String(id)])
            w.element("w:multiLevelType", ["w:val": "singleLevel"])
            w.start("w:lvl", ["w:ilvl": "0"])
            w.element("w:start", ["w:val": "1"])
            switch list.label {
            case .bullet(let text):
                w.element("w:numFmt", ["w:val": "bullet"])
                w.element("w:lvlText", ["w:val": text])
            case .number(let suffix):
                w.element("w:numFmt", ["w:val": "decimal"])
                w.element("w:lvlText", ["w:val": "%1\(suffix)"])
            }
            w.element("w:lvlJc", ["w:val": "left"])
            w.start("w:pPr")
            w.element("w:ind", ["w:left": String(Self.twips(list.indent)), "w:hanging": String(Self.twips(list.hanging))])
            w.end()
            w.start("w:rPr")
            // The numbers' bold has always been Latin-script only.
            runProperties(list.labelText, complexScriptBold: false, w)
            w.end()
            w.end()
            w.end()
        }
        w.start("w:num", ["w:numId": String(DocxBody.bulletNumID)])
        w.element("w:abstractNumId", ["w:val": "0"])
        w.end()
        if numberedLists > 0 {
            for n in 1...numberedLists {
                w.start("w:num", ["w:numId": String(n + 1)])
                w.element("w:abstractNumId", ["w:val": "1"])
                w.start("w:lvlOverride", ["w:ilvl": "0"])
                w.element("w:startOverride", ["w:val": "1"])
                w.end()
                w.end()
            }
        }
        w.end()
        return try w.finish()
    }
}
