import PDFSupport
import TequioModel

/// How a paragraph of a role is set in the PDF: the style sheet's values with every inherited one
/// filled in, fonts as the branding's family names (fontconfig finds them, or their metric twins such
/// as Liberation Sans for Arial), colours as RGB.
struct PDFLook {
    var run: RunStyle
    var spaceBefore: Double
    var spaceAfter: Double
    /// A multiple of the font's line height.
    var lineSpacing: Double
    /// Points from the start edge.
    var startIndent: Double
    var alignment: TextAlignment
    var keepWithNext: Bool
    var keepTogether: Bool
    var borderBelow: (width: Double, gap: Double, colour: RGB)?
    /// The PDF structure type its paragraphs are tagged with, for screen readers (`H1`, `P`).
    var structure = "P"
}

/// The style sheet as the PDF writer uses it (what `DocxStyles`, `OdtStyles` and `CSSStyles` are to
/// their formats): resolved once per document.
struct PDFStyles {
    let sheet: DocumentStyleSheet
    let branding: Branding
    private var looks: [StyleRole: PDFLook] = [:]

    /// The roles the writer sets, resolved up front.
    static let roles: [StyleRole] =
        [.normal, .body, .title, .subtitle, .heading(1), .heading(2), .heading(3), .minorHeading, .coverLogo, .coverKicker]
        + [.coverText, .coverField, .memberGroup, .member, .listItem(.numbered), .listItem(.bullet), .tableText, .tableHeading]
        + [.contents(1), .pageHeader, .pageFooter]

    init(branding: Branding) {
        self.branding = branding
        sheet = branding.styleSheet
        for role in Self.roles { looks[role] = resolve(role) }
    }

    func look(_ role: StyleRole) -> PDFLook { looks[role] ?? resolve(role) }

    func colour(_ role: ColourRole) -> RGB { RGB(hex: branding.colour(role).hex) }

    /// A run of `format` set on top of a paragraph's run (a character style, a list label).
    func run(_ format: TextFormat, over base: RunStyle) -> RunStyle {
        var r = base
        if let font = format.font { r.font.family = branding.family(font) }
        if let size = format.size { r.font.size = size }
        if let bold = format.bold { r.font.bold = bold }
        if let italic = format.italic { r.font.italic = italic }
        if let capitals = format.capitals { r.capitals = capitals == .all ? .all : .small }
        if let spacing = format.letterSpacing { r.letterSpacing = spacing }
        if let colour = format.colour { r.colour = self.colour(colour) }
        return r
    }

    /// The text of a character style (`fieldLabel`, `memberRole`) over a paragraph's run.
    func run(character role: StyleRole, over base: RunStyle) -> RunStyle {
        run(sheet[role]?.text ?? TextFormat(), over: base)
    }

    private func resolve(_ role: StyleRole) -> PDFLook {
        let text = sheet.resolvedText(role)
        var run = RunStyle(font: FontSpec(family: branding.family(.body), size: 10.5), colour: colour(.text))
        run = self.run(text, over: run)
        var chain: [ParagraphFormat] = []
        var next: StyleRole? = role
        var seen: Set<StyleRole> = []
        while let current = next, seen.insert(current).inserted, let style = sheet[current] {
            chain.append(style.paragraph)
            next = style.basedOn
        }
        chain.append(sheet.defaultParagraph)
        func first<T>(_ value: (ParagraphFormat) -> T?) -> T? { chain.lazy.compactMap(value).first }
        let border = first(\.borderBelow).map { (width: $0.width, gap: $0.gap, colour: colour($0.colour)) }
        let alignment: TextAlignment =
            switch first(\.alignment) ?? .start {
            case .start: .start
            case .center: .center
            case .end: .end
            }
        return PDFLook(
            run: run, spaceBefore: first(\.spaceBefore) ?? 0, spaceAfter: first(\.spaceAfter) ?? 0,
            lineSpacing: first(\.lineHeight) ?? 1, startIndent: first(\.startIndent) ?? 0, alignment: alignment,
            keepWithNext: chain.contains(where: \.keepWithNext), keepTogether: chain.contains(where: \.keepTogether),
            borderBelow: border, structure: Self.structure(role))
    }

    /// The tagged-PDF structure type of a role: headings keep their level (the title is the top one);
    /// everything else is a paragraph (a list item or contents entry alone would need its list).
    static func structure(_ role: StyleRole) -> String {
        switch role {
        case .title: "H1"
        case .heading(let level): "H\(min(6, level + 1))"
        default: "P"
        }
    }
}
