import Foundation
import XMLSupport

/// `word/styles.xml` and `word/numbering.xml`: real Word styles (Normal, Title, Subtitle, heading 1–3,
/// List Number, List Bullet, toc 1, header, footer, a table style) plus Tequio's own cover and table
/// paragraph styles, all built from the branding.
///
/// With a reference document, its styles win: its `w:docDefaults` and every style it defines are kept,
/// and only the styles it lacks are added from ours (pandoc's `--reference-doc`).
struct DocxStyles {
    let branding: Branding
    let language: String

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

    private var c: Branding.Colours { branding.colours }
    private func halfPoints(_ pt: Double) -> String { String(Int((pt * 2).rounded())) }

    private func fonts(_ w: XMLWriter, _ name: String) {
        w.element("w:rFonts", ["w:ascii": name, "w:hAnsi": name, "w:eastAsia": name, "w:cs": name])
    }

    func docDefaults(_ w: XMLWriter) {
        w.start("w:docDefaults")
        w.start("w:rPrDefault")
        w.start("w:rPr")
        fonts(w, branding.fonts.body)
        w.element("w:color", ["w:val": c.text.hex])
        w.element("w:sz", ["w:val": halfPoints(branding.fonts.bodySize)])
        w.element("w:szCs", ["w:val": halfPoints(branding.fonts.bodySize)])
        w.element("w:lang", ["w:val": language, "w:eastAsia": language, "w:bidi": language])
        w.end()
        w.end()
        w.start("w:pPrDefault")
        w.start("w:pPr")
        w.element("w:spacing", ["w:after": "120", "w:line": "264", "w:lineRule": "auto"])
        w.end()
        w.end()
        w.end()
    }

    private func style(
        _ w: XMLWriter, type: String, id: String, name: String, basedOn: String? = nil, next: String? = nil,
        isDefault: Bool = false, priority: Int? = nil, quick: Bool = false, semiHidden: Bool = false,
        pPr: ((XMLWriter) -> Void)? = nil, rPr: ((XMLWriter) -> Void)? = nil, rest: ((XMLWriter) -> Void)? = nil
    ) {
        w.start("w:style", ["w:type": type, "w:default": isDefault ? "1" : nil, "w:styleId": id])
        w.element("w:name", ["w:val": name])
        if let basedOn { w.element("w:basedOn", ["w:val": basedOn]) }
        if let next { w.element("w:next", ["w:val": next]) }
        if let priority { w.element("w:uiPriority", ["w:val": String(priority)]) }
        if semiHidden {
            w.element("w:semiHidden")
            w.element("w:unhideWhenUsed")
        }
        if quick { w.element("w:qFormat") }
        if let pPr {
            w.start("w:pPr")
            pPr(w)
            w.end()
        }
        if let rPr {
            w.start("w:rPr")
            rPr(w)
            w.end()
        }
        rest?(w)
        w.end()
    }

    private func paragraphStyle(
        _ id: String, _ name: String, basedOn: String? = "Normal", next: String? = nil, priority: Int? = nil,
        quick: Bool = true, pPr: ((XMLWriter) -> Void)? = nil, rPr: ((XMLWriter) -> Void)? = nil
    ) -> Definition {
        (id, { w in self.style(w, type: "paragraph", id: id, name: name, basedOn: basedOn, next: next, priority: priority, quick: quick, pPr: pPr, rPr: rPr) })
    }

    private func characterStyle(_ id: String, _ name: String, rPr: @escaping (XMLWriter) -> Void) -> Definition {
        (id, { w in self.style(w, type: "character", id: id, name: name, basedOn: "DefaultParagraphFont", priority: 20, rPr: rPr) })
    }

    private func spacing(_ w: XMLWriter, before: Int? = nil, after: Int? = nil, line: Int? = nil) {
        w.element(
            "w:spacing",
            ["w:before": before.map(String.init), "w:after": after.map(String.init), "w:line": line.map(String.init), "w:lineRule": line == nil ? nil : "auto"])
    }

    private func headingFont(_ w: XMLWriter) { fonts(w, branding.fonts.headings) }

    func styleDefinitions() -> [Definition] {
        let body = branding.fonts.bodySize
        let table = branding.fonts.tableSize
        let portrait = PageGeometry.make(branding.paper, .portrait)
        var result: [Definition] = []
        result.append(("Normal", { w in self.style(w, type: "paragraph", id: "Normal", name: "Normal", isDefault: true, quick: true) }))
        result.append(
            ("DefaultParagraphFont", { w in
                self.style(w, type: "character", id: "DefaultParagraphFont", name: "Default Paragraph Font", isDefault: true, priority: 1, semiHidden: true)
            }))
        result.append(
            ("TableNormal", { w in
                self.style(w, type: "table", id: "TableNormal", name: "Normal Table", isDefault: true, priority: 99, semiHidden: true, rest: { w in
                    w.start("w:tblPr")
                    w.element("w:tblInd", ["w:w": "0", "w:type": "dxa"])
                    w.start("w:tblCellMar")
                    w.element("w:top", ["w:w": "0", "w:type": "dxa"])
                    w.element("w:left", ["w:w": "108", "w:type": "dxa"])
                    w.element("w:bottom", ["w:w": "0", "w:type": "dxa"])
                    w.element("w:right", ["w:w": "108", "w:type": "dxa"])
                    w.end()
                    w.end()
                })
            }))
        result.append(("NoList", { w in self.style(w, type: "numbering", id: "NoList", name: "No List", isDefault: true, priority: 99, semiHidden: true) }))

        result.append(
            paragraphStyle("BodyText", "Body Text", next: "BodyText", priority: 1, pPr: { w in self.spacing(w, after: 140, line: 276) }))
        result.append(
            paragraphStyle(
                "Title", "Title", next: "Subtitle", priority: 10,
                pPr: { w in
                    w.element("w:keepNext")
                    self.spacing(w, before: 120, after: 120, line: 240)
                },
                rPr: { w in
                    self.headingFont(w)
                    w.element("w:b")
                    w.element("w:color", ["w:val": self.c.primary.hex])
                    w.element("w:kern", ["w:val": "28"])
                    w.element("w:sz", ["w:val": "60"])
                    w.element("w:szCs", ["w:val": "60"])
                }))
        result.append(
            paragraphStyle(
                "Subtitle", "Subtitle", next: "Normal", priority: 11,
                pPr: { w in
                    w.element("w:keepNext")
                    self.spacing(w, after: 360, line: 240)
                },
                rPr: { w in
                    self.headingFont(w)
                    w.element("w:color", ["w:val": self.c.accent.hex])
                    w.element("w:sz", ["w:val": "40"])
                    w.element("w:szCs", ["w:val": "40"])
                }))
        for (level, size, before, after) in [(1, 32, 360, 160), (2, 26, 320, 120), (3, 22, 220, 80)] {
            result.append(
                paragraphStyle(
                    "Heading\(level)", "heading \(level)", next: "BodyText", priority: 9,
                    pPr: { w in
                        w.element("w:keepNext")
                        w.element("w:keepLines")
                        if level == 1 {
                            w.start("w:pBdr")
                            w.element("w:bottom", ["w:val": "single", "w:sz": "6", "w:space": "4", "w:color": self.c.primary.hex])
                            w.end()
                        }
                        self.spacing(w, before: before, after: after, line: 240)
                        w.element("w:outlineLvl", ["w:val": String(level - 1)])
                    },
                    rPr: { w in
                        self.headingFont(w)
                        w.element("w:b")
                        w.element("w:bCs")
                        w.element("w:color", ["w:val": level == 3 ? self.c.accent.hex : self.c.primary.hex])
                        w.element("w:sz", ["w:val": String(size)])
                        w.element("w:szCs", ["w:val": String(size)])
                    }))
        }
        result.append(
            paragraphStyle(
                "Kicker", "Cover Kicker", next: "Title",
                pPr: { w in
                    w.element("w:keepNext")
                    self.spacing(w, before: 240, after: 240, line: 264)
                },
                rPr: { w in
                    self.headingFont(w)
                    w.element("w:caps")
                    w.element("w:color", ["w:val": self.c.muted.hex])
                    w.element("w:spacing", ["w:val": "10"])
                    w.element("w:sz", ["w:val": "20"])
                    w.element("w:szCs", ["w:val": "20"])
                }))
        result.append(
            paragraphStyle(
                "CoverLogo", "Cover Logo", next: "Kicker", pPr: { w in self.spacing(w, before: 480, after: 360, line: 240) }))
        result.append(
            paragraphStyle(
                "CoverText", "Cover Text", next: "Field",
                pPr: { w in self.spacing(w, after: 480, line: 276) },
                rPr: { w in
                    w.element("w:i")
                    w.element("w:color", ["w:val": self.c.text.hex])
                    w.element("w:sz", ["w:val": "24"])
                    w.element("w:szCs", ["w:val": "24"])
                }))
        result.append(paragraphStyle("Field", "Cover Field", next: "Field", pPr: { w in self.spacing(w, after: 60) }))
        result.append(
            characterStyle("FieldLabel", "Field Label") { w in
                w.element("w:b")
                w.element("w:color", ["w:val": self.c.primary.hex])
            })
        result.append(
            paragraphStyle(
                "MinorHeading", "Minor Heading", next: "Normal",
                pPr: { w in
                    w.element("w:keepNext")
                    self.spacing(w, before: 400, after: 120, line: 240)
                },
                rPr: { w in
                    self.headingFont(w)
                    w.element("w:b")
                    w.element("w:color", ["w:val": self.c.primary.hex])
                    w.element("w:sz", ["w:val": "26"])
                    w.element("w:szCs", ["w:val": "26"])
                }))
        result.append(
            paragraphStyle(
                "GroupLabel", "Group Label", next: "Member",
                pPr: { w in
                    w.element("w:keepNext")
                    self.spacing(w, before: 160, after: 40)
                },
                rPr: { w in
                    w.element("w:b")
                    w.element("w:smallCaps")
                    w.element("w:color", ["w:val": self.c.accent.hex])
                }))
        result.append(
            paragraphStyle(
                "Member", "Member", next: "Member",
                pPr: { w in
                    self.spacing(w, after: 30)
                    w.element("w:ind", ["w:left": "284"])
                }))
        result.append(characterStyle("MemberRole", "Member Role") { w in w.element("w:color", ["w:val": self.c.muted.hex]) })
        for (id, name) in [("ListNumber", "List Number"), ("ListBullet", "List Bullet")] {
            result.append(
                paragraphStyle(
                    id, name, next: id, priority: 99, quick: false,
                    pPr: { w in
                        self.spacing(w, after: 80, line: 264)
                        w.element("w:ind", ["w:left": "567", "w:hanging": "397"])
                    }))
        }
        result.append(
            paragraphStyle(
                "TableText", "Table Text", next: "TableText",
                pPr: { w in self.spacing(w, before: 0, after: 50, line: 240) },
                rPr: { w in
                    w.element("w:sz", ["w:val": self.halfPoints(table)])
                    w.element("w:szCs", ["w:val": self.halfPoints(table)])
                }))
        result.append(
            paragraphStyle(
                "TableHeading", "Table Heading", basedOn: "TableText", next: "TableText",
                pPr: { w in
                    w.element("w:keepNext")
                    self.spacing(w, before: 20, after: 20, line: 240)
                },
                rPr: { w in
                    self.headingFont(w)
                    w.element("w:b")
                    w.element("w:bCs")
                    w.element("w:color", ["w:val": self.c.tableHeaderText.hex])
                }))
        result.append(
            paragraphStyle(
                "TOC1", "toc 1", next: "Normal", priority: 39, quick: false,
                pPr: { w in
                    w.start("w:tabs")
                    w.element("w:tab", ["w:val": "right", "w:leader": "dot", "w:pos": String(portrait.textWidth)])
                    w.end()
                    self.spacing(w, after: 60)
                }))
        result.append(
            paragraphStyle(
                "Header", "header", next: "Header", priority: 99, quick: false,
                pPr: { w in
                    w.start("w:pBdr")
                    w.element("w:bottom", ["w:val": "single", "w:sz": "4", "w:space": "4", "w:color": self.c.tableBorder.hex])
                    w.end()
                    self.spacing(w, after: 0, line: 240)
                    w.element("w:jc", ["w:val": "right"])
                },
                rPr: { w in
                    w.element("w:color", ["w:val": self.c.muted.hex])
                    w.element("w:sz", ["w:val": "16"])
                    w.element("w:szCs", ["w:val": "16"])
                }))
        result.append(
            paragraphStyle(
                "Footer", "footer", next: "Footer", priority: 99, quick: false,
                pPr: { w in
                    self.spacing(w, after: 0, line: 240)
                    w.element("w:jc", ["w:val": "center"])
                },
                rPr: { w in
                    w.element("w:color", ["w:val": self.c.muted.hex])
                    w.element("w:sz", ["w:val": "16"])
                    w.element("w:szCs", ["w:val": "16"])
                }))
        result.append(
            ("TequioTable", { w in
                self.style(w, type: "table", id: "TequioTable", name: "Tequio Table", basedOn: "TableNormal", priority: 59, rest: { w in
                    w.start("w:pPr")
                    self.spacing(w, after: 0, line: 240)
                    w.end()
                    w.start("w:tblPr")
                    w.start("w:tblBorders")
                    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
                        w.element("w:\(side)", ["w:val": "single", "w:sz": "4", "w:space": "0", "w:color": self.c.tableBorder.hex])
                    }
                    w.end()
                    w.start("w:tblCellMar")
                    w.element("w:top", ["w:w": "57", "w:type": "dxa"])
                    w.element("w:left", ["w:w": "85", "w:type": "dxa"])
                    w.element("w:bottom", ["w:w": "57", "w:type": "dxa"])
                    w.element("w:right", ["w:w": "85", "w:type": "dxa"])
                    w.end()
                    w.end()
                    w.start("w:tblStylePr", ["w:type": "firstRow"])
                    w.start("w:rPr")
                    w.element("w:b")
                    w.element("w:color", ["w:val": self.c.tableHeaderText.hex])
                    w.end()
                    w.start("w:tcPr")
                    w.element("w:shd", ["w:val": "clear", "w:color": "auto", "w:fill": self.c.tableHeaderFill.hex])
                    w.end()
                    w.end()
                })
            }))
        _ = body
        return result
    }

    /// One bullet list definition and one decimal list definition; the bullet `w:num` (id 1) is shared,
    /// and each numbered list has its own `w:num` restarting at 1 (ids 2…`numberedLists` + 1).
    func numbering(numberedLists: Int) throws -> Data {
        let w = XMLWriter(standalone: true)
        w.start("w:numbering", ["xmlns:w": OOXML.w])
        for (id, format, text) in [(0, "bullet", "•"), (1, "decimal", "%1.")] {
            w.start("w:abstractNum", ["w:abstractNumId": String(id)])
            w.element("w:multiLevelType", ["w:val": "singleLevel"])
            w.start("w:lvl", ["w:ilvl": "0"])
            w.element("w:start", ["w:val": "1"])
            w.element("w:numFmt", ["w:val": format])
            w.element("w:lvlText", ["w:val": text])
            w.element("w:lvlJc", ["w:val": "left"])
            w.start("w:pPr")
            w.element("w:ind", ["w:left": "567", "w:hanging": "397"])
            w.end()
            if format == "decimal" {
                w.start("w:rPr")
                w.element("w:b")
                w.element("w:color", ["w:val": c.primary.hex])
                w.end()
            } else {
                w.start("w:rPr")
                w.element("w:color", ["w:val": c.accent.hex])
                w.end()
            }
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
