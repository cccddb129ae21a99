/// The documents' one style sheet, in no format's terms: named styles with sizes and spacing in
/// points, roles for fonts and colours, and the list and table looks. `DocxStyles` writes it as
/// WordprocessingML, `OdtStyles` as ODF, `CSSStyles` as CSS; a new format (a PDF layout, say) reads
/// the same value. `Branding` resolves the roles and sets the body and table text sizes
/// (`Branding.styleSheet`); `DocumentStyleSheet.tequio` is Tequio's own sheet.
public struct DocumentStyleSheet: Sendable, Equatable {
    /// What every paragraph has unless its style says otherwise.
    public var defaultParagraph: ParagraphFormat
    public var defaultText: TextFormat
    /// Every named style, in the order a format without its own order writes them.
    public var styles: [DocumentStyle]
    public var numberedList: ListStyle
    public var bulletList: ListStyle
    public var table: TableStyle

    /// The style for `role`; setting nil removes it.
    public subscript(role: StyleRole) -> DocumentStyle? {
        get { styles.first { $0.role == role } }
        set {
            guard let index = styles.firstIndex(where: { $0.role == role }) else {
                if let newValue { styles.append(newValue) }
                return
            }
            if let newValue { styles[index] = newValue } else { styles.remove(at: index) }
        }
    }

    /// The text properties a paragraph or run of `role` ends up with: its own, then its ancestors'
    /// (`basedOn`), then the defaults.
    public func resolvedText(_ role: StyleRole) -> TextFormat {
        var result = TextFormat()
        var next: StyleRole? = role
        var seen: Set<StyleRole> = []
        while let current = next, seen.insert(current).inserted, let style = self[current] {
            result = result.filled(from: style.text)
            next = style.basedOn
        }
        return result.filled(from: defaultText)
    }

    /// The font roles the sheet uses, body first: the fonts a format must declare.
    public var fontRoles: [FontRole] {
        let used = Set([defaultText.font] + styles.map(\.text.font)).compactMap { $0 }
        return FontRole.allCases.filter(used.contains)
    }
}

/// What a style is for; writers pick a style by its role, and each format names it its own way.
public enum StyleRole: Hashable, Sendable {
    case normal, body, title, subtitle
    /// Headings 1 to 3; level 1 is a plan's section.
    case heading(Int)
    case minorHeading
    case coverLogo, coverKicker, coverText, coverField, fieldLabel
    case memberGroup, member, memberRole
    case listItem(ListKind)
    case tableText, tableHeading
    /// An entry of the table of contents at a level.
    case contents(Int)
    case pageHeader, pageFooter

    /// The outline level of a heading (1 for `heading(1)`), nil for other roles.
    public var outlineLevel: Int? {
        if case .heading(let level) = self { return level }
        return nil
    }
}

public enum ListKind: Hashable, Sendable { case numbered, bullet }

public struct DocumentStyle: Sendable, Equatable {
    public enum Kind: Sendable { case paragraph, character }

    public var role: StyleRole
    /// Display name: `Heading 1`, `Cover Kicker`. A format whose applications know the style under
    /// their own name (Word's `heading 1`, ODF's `Text body`) writes that one instead.
    public var name: String
    public var kind: Kind
    public var basedOn: StyleRole?
    /// The style of the paragraph an editor starts after this one.
    public var next: StyleRole?
    public var paragraph: ParagraphFormat
    public var text: TextFormat

    /// Paragraph styles are based on `normal` unless told otherwise; character styles on none.
    init(
        _ role: StyleRole, _ name: String, kind: Kind = .paragraph, basedOn: StyleRole? = .normal, next: StyleRole? = nil,
        paragraph: ParagraphFormat = ParagraphFormat(), text: TextFormat = TextFormat()
    ) {
        self.role = role
        self.name = name
        self.kind = kind
        self.basedOn = kind == .character ? nil : basedOn
        self.next = next
        self.paragraph = paragraph
        self.text = text
    }
}

/// Paragraph properties. Nil (or false) is "as the style it is based on".
public struct ParagraphFormat: Sendable, Equatable {
    /// Points.
    public var spaceBefore: Double?
    public var spaceAfter: Double?
    /// A multiple of the font's single line height: 1, 1.15.
    public var lineHeight: Double?
    /// Points from the start edge of the text column (the left one in left-to-right text).
    public var startIndent: Double?
    /// Points the first line starts after `startIndent`; negative for a hanging first line.
    public var firstLineIndent: Double?
    public var alignment: Alignment?
    public var keepWithNext = false
    public var keepTogether = false
    public var pageBreakBefore = false
    /// Widow and orphan control: the fewest lines left at the foot or carried to the head of a page.
    public var minimumLinesAtBreak: Int?
    public var borderBelow: Border?
    public var tabStops: [TabStop] = []

    public init(
        spaceBefore: Double? = nil, spaceAfter: Double? = nil, lineHeight: Double? = nil, startIndent: Double? = nil,
        firstLineIndent: Double? = nil, alignment: Alignment? = nil, keepWithNext: Bool = false, keepTogether: Bool = false,
        pageBreakBefore: Bool = false, minimumLinesAtBreak: Int? = nil, borderBelow: Border? = nil, tabStops: [TabStop] = []
    ) {
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
        self.lineHeight = lineHeight
        self.startIndent = startIndent
        self.firstLineIndent = firstLineIndent
        self.alignment = alignment
        self.keepWithNext = keepWithNext
        self.keepTogether = keepTogether
        self.pageBreakBefore = pageBreakBefore
        self.minimumLinesAtBreak = minimumLinesAtBreak
        self.borderBelow = borderBelow
        self.tabStops = tabStops
    }
}

/// Text (character) properties. Nil is "as the style it is based on".
public struct TextFormat: Sendable, Equatable {
    public var font: FontRole?
    /// Points.
    public var size: Double?
    /// Bold in every script, Arabic and Hebrew included.
    public var bold: Bool?
    public var italic: Bool?
    public var capitals: Capitals?
    /// Extra space between letters, in points.
    public var letterSpacing: Double?
    /// Kern letter pairs in text of this size (points) and larger.
    public var kerningFrom: Double?
    public var colour: ColourRole?

    public init(
        font: FontRole? = nil, size: Double? = nil, bold: Bool? = nil, italic: Bool? = nil, capitals: Capitals? = nil,
        letterSpacing: Double? = nil, kerningFrom: Double? = nil, colour: ColourRole? = nil
    ) {
        self.font = font
        self.size = size
        self.bold = bold
        self.italic = italic
        self.capitals = capitals
        self.letterSpacing = letterSpacing
        self.kerningFrom = kerningFrom
        self.colour = colour
    }

    /// These properties, with the ones not set taken from `base`.
    func filled(from base: TextFormat) -> TextFormat {
        TextFormat(
            font: font ?? base.font, size: size ?? base.size, bold: bold ?? base.bold, italic: italic ?? base.italic,
            capitals: capitals ?? base.capitals, letterSpacing: letterSpacing ?? base.letterSpacing,
            kerningFrom: kerningFrom ?? base.kerningFrom, colour: colour ?? base.colour)
    }
}

/// Which of the branding's fonts: its body font, its headings font, or a monospaced one.
public enum FontRole: Sendable, CaseIterable { case body, heading, mono }

/// Which of the branding's colours (`Branding.Colours`).
public enum ColourRole: Sendable, CaseIterable {
    case text, primary, accent, muted, tableHeaderFill, tableHeaderText, tableBorder, tableBand
}

public enum Capitals: Sendable { case all, small }

/// Alignment along the line: `start` and `end` follow the paragraph's direction.
public enum Alignment: Sendable { case start, center, end }

/// A rule under a paragraph (or around table cells).
public struct Border: Sendable, Equatable {
    /// Points.
    public var width: Double
    /// Points between the text and the rule.
    public var gap: Double
    public var colour: ColourRole
}

public struct TabStop: Sendable, Equatable {
    public enum Position: Sendable, Equatable {
        /// The end of the text column of a portrait page: where page numbers go in a contents line.
        case textEnd
        case points(Double)
    }

    public var position: Position
    public var alignment: Alignment
    /// Dots leading to the tab stop.
    public var dotLeader = false
}

/// A one-level list: its label, where its text starts and how the label is set.
public struct ListStyle: Sendable, Equatable {
    public enum Label: Sendable, Equatable {
        /// Arabic numbers from 1, followed by `suffix`: `1.`
        case number(suffix: String)
        case bullet(String)
    }

    public var label: Label
    /// Points from the start edge to the item's text.
    public var indent: Double
    /// Points the label stands before the text.
    public var hanging: Double
    public var labelText: TextFormat
}

/// The look of the matrix and summary tables: rules, cell padding, the header row.
public struct TableStyle: Sendable, Equatable {
    /// Rules around and between every cell (their `gap` is unused).
    public var rules: Border
    /// Points above and below, and before and after, a cell's text.
    public var verticalPadding: Double
    public var horizontalPadding: Double
    public var paragraph: ParagraphFormat
    public var headerText: TextFormat
    public var headerFill: ColourRole
}
