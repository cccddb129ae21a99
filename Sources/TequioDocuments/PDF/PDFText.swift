import PDFSupport

/// A layout's text as runs for pango. Tracked changes are shown as a redline, readable without colour
/// as in the HTML: inserted text underlined on a green tint, deleted text struck through on a red tint
/// (both stay in the text, so a reader of the PDF sees what was removed).
enum PDFText {
    static let insertedTint = RGB(hex: "E6F4EA")
    static let deletedTint = RGB(hex: "FDE8E8")

    static func runs(_ text: LayoutText, _ style: RunStyle) -> [TextRun] {
        text.runs.map { run in
            var s = style
            if run.marks.inserted != nil {
                s.underline = true
                s.background = insertedTint
            }
            if run.marks.deleted != nil {
                s.strikethrough = true
                s.background = deletedTint
            }
            return TextRun(clean(run.text), s)
        }
    }

    static func runs(_ text: String, _ style: RunStyle) -> [TextRun] { [TextRun(clean(text), style)] }

    /// The text without control characters (a matrix cannot hold them, but a layout can be made in
    /// code): they have no glyph, and pango would draw them as boxes. Tabs and line breaks stay.
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isDropped) else { return text }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: text.unicodeScalars.lazy.filter { !isDropped($0) })
        return String(result)
    }

    private static func isDropped(_ s: Unicode.Scalar) -> Bool {
        (s.value < 0x20 && s != "\t" && s != "\n") || (0x7F...0x9F).contains(s.value)
    }
}
