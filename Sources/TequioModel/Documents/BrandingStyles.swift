/// How the branding acts on the documents' style sheet: it sets the body and table text sizes and
/// gives the font and colour roles their families and colours.
extension Branding {
    /// The style sheet every format writes its styles from, with `fonts.bodySize` as the default text
    /// size and `fonts.tableSize` as the table text's. Setting it keeps the two in step: its sizes
    /// become `fonts.bodySize` and `fonts.tableSize`.
    public var styleSheet: DocumentStyleSheet {
        get {
            var sheet = styleSheetStorage
            sheet.defaultText.size = fonts.bodySize
            sheet[.tableText]?.text.size = fonts.tableSize
            return sheet
        }
        set {
            styleSheetStorage = newValue
            if let size = newValue.defaultText.size { fonts.bodySize = size }
            if let size = newValue[.tableText]?.text.size { fonts.tableSize = size }
        }
    }

    /// The family DOCX and ODT name for a font role. The branding has no monospaced font, so `mono`
    /// is one that LibreOffice and most systems carry.
    public func family(_ role: FontRole) -> String {
        switch role {
        case .body: fonts.body
        case .heading: fonts.headings
        case .mono: "Liberation Mono"
        }
    }

    public func colour(_ role: ColourRole) -> Colour {
        switch role {
        case .text: colours.text
        case .primary: colours.primary
        case .accent: colours.accent
        case .muted: colours.muted
        case .tableHeaderFill: colours.tableHeaderFill
        case .tableHeaderText: colours.tableHeaderText
        case .tableBorder: colours.tableBorder
        case .tableBand: colours.tableBand
        }
    }
}
