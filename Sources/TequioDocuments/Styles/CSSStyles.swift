import TequioModel

/// The style sheet's text properties as CSS, for the HTML plans: a rule for each style that has any,
/// on the element the HTML writer gives that style. Fonts and colours are the branding's custom
/// properties (`var(--heading-font)`, `var(--primary)`), so `document.css` can still change them.
///
/// Spacing, line heights and page breaks stay the HTML's own (in `HTMLDocumentWriter.baseCSS`, in
/// em, for reading on screen): bringing them to the sheet's points changes how the HTML looks.
struct CSSStyles {
    let sheet: DocumentStyleSheet

    /// One rule a line: the defaults on `html`, the styles in the sheet's order, the list labels.
    var rules: String {
        var lines = ["html { \(declarations(sheet.defaultText)) }"]
        for style in sheet.styles where style.text != TextFormat() {
            guard let selector = Self.selector(style.role) else { continue }
            lines.append("\(selector) { \(declarations(style.text)) }")
        }
        lines.append("ol > li::marker { \(declarations(sheet.numberedList.labelText)) }")
        lines.append("ul > li::marker { \(declarations(sheet.bulletList.labelText)) }")
        return lines.joined(separator: "\n")
    }

    /// The declarations for a page margin box (`@top-right`), which inherits nothing from the
    /// document's elements: the style's text properties with what it inherits filled in.
    func marginBox(_ role: StyleRole) -> String { declarations(sheet.resolvedText(role)) }

    /// `font-family: …; font-size: 16pt; …;`, in the order of `TextFormat`'s properties.
    func declarations(_ t: TextFormat) -> String {
        var result: [String] = []
        if let font = t.font { result.append("font-family: \(Self.fontFamily(font))") }
        if let size = t.size { result.append("font-size: \(size.compact)pt") }
        if let bold = t.bold { result.append("font-weight: \(bold ? "bold" : "normal")") }
        if let italic = t.italic { result.append("font-style: \(italic ? "italic" : "normal")") }
        if t.capitals == .small { result.append("font-variant: small-caps") }
        if t.capitals == .all { result.append("text-transform: uppercase") }
        if let spacing = t.letterSpacing { result.append("letter-spacing: \(spacing.compact)pt") }
        // `kerningFrom` is not written: browsers kern letter pairs of their own accord.
        if let colour = t.colour { result.append("color: \(Self.variable(colour))") }
        return result.map { "\($0);" }.joined(separator: " ")
    }

    /// The element or class the HTML writer (`Renderer`) gives each style. The page header and
    /// footer are `@page` margin boxes (`marginBox`), not elements.
    static func selector(_ role: StyleRole) -> String? {
        switch role {
        case .normal, .pageHeader, .pageFooter: nil
        case .body: "p"
        case .title: ".title"
        case .subtitle: ".subtitle"
        case .heading(let level): "h\(min(4, max(2, level + 1)))"
        case .minorHeading: "h2.minor"
        case .coverLogo: ".cover .logo"
        case .coverKicker: ".kicker"
        case .coverText: ".cover-text"
        case .coverField: ".field"
        case .fieldLabel: ".field .label"
        case .memberGroup: ".group"
        case .member: "ul.members li"
        case .memberRole: ".role"
        case .listItem(.numbered): "ol > li"
        case .listItem(.bullet): "ul > li"
        case .tableText: "table"
        case .tableHeading: "th"
        case .contents: "nav.contents li"
        }
    }

    static func fontFamily(_ role: FontRole) -> String {
        switch role {
        case .body: "var(--body-font)"
        case .heading: "var(--heading-font)"
        case .mono: "\"Liberation Mono\", monospace"
        }
    }

    /// The custom property `HTMLDocumentWriter` gives each branding colour in `:root`.
    static func variable(_ role: ColourRole) -> String {
        switch role {
        case .text: "var(--text)"
        case .primary: "var(--primary)"
        case .accent: "var(--accent)"
        case .muted: "var(--muted)"
        case .tableHeaderFill: "var(--head-fill)"
        case .tableHeaderText: "var(--head-text)"
        case .tableBorder: "var(--border)"
        case .tableBand: "var(--band)"
        }
    }
}
