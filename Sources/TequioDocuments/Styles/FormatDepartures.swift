import TequioModel

/// Where a format's styles have always differed from the style sheet, which has the DOCX's values
/// (the ODT was written apart from the DOCX). They are kept so both formats stay byte for byte as they
/// were; each one can go, and that format change, once it is decided that the formats should agree.

extension DocxStyles {
    /// Styles whose bold has been Latin-script only (no `w:bCs`), unlike the sheet's bold in every
    /// script. The table's header row and the list numbers are written so too.
    static let boldInLatinTextOnly: Set<StyleRole> = [.title, .minorHeading, .memberGroup, .fieldLabel]
}

extension OdtStyles {
    /// LibreOffice's headings share a parent style, "Heading"; the sheet (and Word) has none.
    var headingParent: OdfStyle {
        OdfStyle(
            name: "Heading", parent: "Standard", next: "Text body",
            paragraph: ParagraphFormat(spaceBefore: 12, spaceAfter: 6, lineHeight: 1, keepWithNext: true), text: TextFormat(font: .heading, colour: .primary))
    }

    /// The default style's paragraph properties: widow and orphan control is the ODT's alone (the
    /// sheet's spacing is on Standard, see `applyDepartures`).
    var defaultStyleParagraph: ParagraphFormat { ParagraphFormat(minimumLinesAtBreak: 2) }

    /// The list numbers' text style: bold, without the sheet's colour.
    var numberText: TextFormat {
        var text = sheet.numberedList.labelText
        text.colour = nil
        return text
    }

    /// The ODT's differences, style by style, with the sheet's value after `//`. An explicit zero is
    /// one the sheet leaves to the parent; a nil line height is the parent's (115% from Standard,
    /// 100% from Heading) where the sheet has one.
    func applyDepartures(_ s: inout OdfStyle, _ role: StyleRole) {
        switch role {
        case .normal:
            s.paragraph = sheet.defaultParagraph  // in Word's document defaults, not in ODF's default style
            s.paragraph.spaceBefore = 0
            s.paragraph.lineHeight = 1.15  // 1.1
        case .body:
            s.paragraph.spaceBefore = 0
            s.paragraph.lineHeight = 1.18  // 1.15
        case .heading(let level):
            s.parent = headingParent.name  // Normal
            s.paragraph.lineHeight = nil
            if level == 1 {
                s.paragraph.spaceAfter = 6  // 8pt
                s.paragraph.borderBelow?.gap = 2  // 4pt
            }
        case .title, .subtitle:
            s.parent = headingParent.name  // Normal
            s.paragraph.keepWithNext = false  // kept with the next by Heading
            s.paragraph.lineHeight = nil
            s.text.kerningFrom = nil  // 14pt
            if role == .subtitle {
                s.next = "Text body"  // Normal
                s.paragraph.spaceBefore = 0
            }
        case .coverLogo, .coverKicker:
            s.paragraph.lineHeight = nil  // 1 and 1.1
        case .coverText:
            s.paragraph.spaceBefore = 0
            s.paragraph.lineHeight = nil  // 1.15, as Standard's
            s.text.colour = nil  // the text colour, as the default's
        case .coverField:
            s.paragraph.spaceBefore = 0
            s.paragraph.spaceAfter = Self.points(cm: 0.1)  // 3pt, 0.11cm
        case .minorHeading:
            s.next = "Text body"  // Normal
            s.paragraph.lineHeight = nil  // 1
        case .memberGroup, .fieldLabel:
            s.complexScriptBold = false  // bold in every script
        case .member:
            s.paragraph.spaceBefore = 0
        case .listItem:
            s.parent = "Text body"  // Normal
            // No line height (1.1); the indents are on the list style.
            s.paragraph = ParagraphFormat(spaceBefore: 0, spaceAfter: s.paragraph.spaceAfter)
        case .tableText:
            s.next = nil  // Table Text
        case .tableHeading:
            s.next = nil  // Table Text
            s.paragraph = ParagraphFormat(keepWithNext: true)  // 1pt before and after, line height 1
            s.text.size = sheet.resolvedText(.tableHeading).size  // Table Text's, by inheritance
        case .contents:
            s.next = nil  // Normal
            s.paragraph.spaceBefore = 0
        case .pageHeader, .pageFooter:
            s.next = nil  // itself
            s.paragraph.lineHeight = nil  // 1
            s.paragraph.borderBelow?.gap = 2  // 4pt
        default:
            break
        }
    }
}
