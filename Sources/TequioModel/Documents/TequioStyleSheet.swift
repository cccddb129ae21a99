extension DocumentStyleSheet {
    /// Tequio's styles for action plans and compendia. The body and table text sizes here are the
    /// standard branding's; `Branding.styleSheet` puts the branding's own in their place. The values
    /// are those the DOCX has always had; where the ODT and the HTML have others, see
    /// `FormatDepartures.swift` and `CSSStyles`.
    public static let tequio = DocumentStyleSheet(
        defaultParagraph: ParagraphFormat(spaceAfter: 6, lineHeight: 1.1),
        defaultText: TextFormat(font: .body, size: 10.5, colour: .text),
        styles: text + titles + headings + cover + lists + tablesAndContents + pageFurniture,
        numberedList: ListStyle(label: .number(suffix: "."), indent: listIndent, hanging: listHanging, labelText: TextFormat(bold: true, colour: .primary)),
        bulletList: ListStyle(label: .bullet("•"), indent: listIndent, hanging: listHanging, labelText: TextFormat(colour: .accent)),
        table: TableStyle(
            rules: Border(width: 0.5, gap: 0, colour: .tableBorder), verticalPadding: 2.85, horizontalPadding: 4.25,
            paragraph: ParagraphFormat(spaceAfter: 0, lineHeight: 1), headerText: TextFormat(bold: true, colour: .tableHeaderText),
            headerFill: .tableHeaderFill))

    private static let text = [
        DocumentStyle(.normal, "Normal", basedOn: nil),
        DocumentStyle(.body, "Body Text", next: .body, paragraph: ParagraphFormat(spaceAfter: 7, lineHeight: 1.15)),
    ]

    private static let titles = [
        DocumentStyle(
            .title, "Title", next: .subtitle, paragraph: ParagraphFormat(spaceBefore: 6, spaceAfter: 6, lineHeight: 1, keepWithNext: true),
            text: TextFormat(font: .heading, size: 30, bold: true, kerningFrom: 14, colour: .primary)),
        DocumentStyle(
            .subtitle, "Subtitle", next: .normal, paragraph: ParagraphFormat(spaceAfter: 18, lineHeight: 1, keepWithNext: true),
            text: TextFormat(font: .heading, size: 20, colour: .accent)),
    ]

    private static let headings = [(1, 16.0, 18.0, 8.0), (2, 13, 16, 6), (3, 11, 11, 4)].map { level, size, before, after in
        DocumentStyle(
            .heading(level), "Heading \(level)", next: .body,
            paragraph: ParagraphFormat(
                spaceBefore: before, spaceAfter: after, lineHeight: 1, keepWithNext: true, keepTogether: true,
                borderBelow: level == 1 ? Border(width: 0.75, gap: 4, colour: .primary) : nil),
            text: TextFormat(font: .heading, size: size, bold: true, colour: level == 3 ? .accent : .primary))
    }

    private static let cover = [
        DocumentStyle(
            .coverKicker, "Cover Kicker", next: .title,
            paragraph: ParagraphFormat(spaceBefore: 12, spaceAfter: 12, lineHeight: 1.1, keepWithNext: true),
            text: TextFormat(font: .heading, size: 10, capitals: .all, letterSpacing: 0.5, colour: .muted)),
        DocumentStyle(.coverLogo, "Cover Logo", next: .coverKicker, paragraph: ParagraphFormat(spaceBefore: 24, spaceAfter: 18, lineHeight: 1)),
        DocumentStyle(
            .coverText, "Cover Text", next: .coverField, paragraph: ParagraphFormat(spaceAfter: 24, lineHeight: 1.15),
            text: TextFormat(size: 12, italic: true, colour: .text)),
        DocumentStyle(.coverField, "Cover Field", next: .coverField, paragraph: ParagraphFormat(spaceAfter: 3)),
        DocumentStyle(.fieldLabel, "Field Label", kind: .character, text: TextFormat(bold: true, colour: .primary)),
        DocumentStyle(
            .minorHeading, "Minor Heading", next: .normal,
            paragraph: ParagraphFormat(spaceBefore: 20, spaceAfter: 6, lineHeight: 1, keepWithNext: true),
            text: TextFormat(font: .heading, size: 13, bold: true, colour: .primary)),
        DocumentStyle(
            .memberGroup, "Group Label", next: .member, paragraph: ParagraphFormat(spaceBefore: 8, spaceAfter: 2, keepWithNext: true),
            text: TextFormat(bold: true, capitals: .small, colour: .accent)),
        DocumentStyle(.member, "Member", next: .member, paragraph: ParagraphFormat(spaceAfter: 1.5, startIndent: 14.2)),
        DocumentStyle(.memberRole, "Member Role", kind: .character, text: TextFormat(colour: .muted)),
    ]

    /// 1 cm and 0.7 cm: where a list item's text starts, and how far before it its label stands.
    private static let listIndent = 28.35
    private static let listHanging = 19.85

    private static let lists = [(ListKind.numbered, "List Number"), (.bullet, "List Bullet")].map { kind, name in
        DocumentStyle(
            .listItem(kind), name, next: .listItem(kind),
            paragraph: ParagraphFormat(spaceAfter: 4, lineHeight: 1.1, startIndent: listIndent, firstLineIndent: -listHanging))
    }

    private static let tablesAndContents = [
        DocumentStyle(
            .tableText, "Table Text", next: .tableText, paragraph: ParagraphFormat(spaceBefore: 0, spaceAfter: 2.5, lineHeight: 1), text: TextFormat(size: 8.5)),
        DocumentStyle(
            .tableHeading, "Table Heading", basedOn: .tableText, next: .tableText,
            paragraph: ParagraphFormat(spaceBefore: 1, spaceAfter: 1, lineHeight: 1, keepWithNext: true),
            text: TextFormat(font: .heading, bold: true, colour: .tableHeaderText)),
        DocumentStyle(
            .contents(1), "Contents 1", next: .normal,
            paragraph: ParagraphFormat(spaceAfter: 3, tabStops: [TabStop(position: .textEnd, alignment: .end, dotLeader: true)])),
    ]

    private static let pageFurniture = [
        DocumentStyle(
            .pageHeader, "Header", next: .pageHeader,
            paragraph: ParagraphFormat(spaceAfter: 0, lineHeight: 1, alignment: .end, borderBelow: Border(width: 0.5, gap: 4, colour: .tableBorder)),
            text: TextFormat(size: 8, colour: .muted)),
        DocumentStyle(
            .pageFooter, "Footer", next: .pageFooter, paragraph: ParagraphFormat(spaceAfter: 0, lineHeight: 1, alignment: .center),
            text: TextFormat(size: 8, colour: .muted)),
    ]
}
