import PDFSupport
import TequioModel

/// A layout's text as runs for pango. Tracked changes are shown as a redline, readable without colour
/// as in the HTML: inserted text underlined on a green tint, deleted text struck through on a red tint
/// (both stay in the text, so a reader of the PDF sees what was removed).
enum PDFText {
    static let insertedTint = RGB(hex: "E6F4EA")
    static let deletedTint = RGB(hex: "FDE8E8")

    static func runs(_ text: LayoutText, _ style: RunStyle) -> [TextRun] {
        text.runs.map { run in
            var s = style
            if run.strong { s.font.bold = true }
            if run.marks.inserted != nil {
                s.underline = true
                s.background = insertedTint
            }
            if run.marks.deleted != nil {
                s.strikethrough = true
                s.background = deletedTint
            }
            return TextRun(run.text, s)
        }
    }

    static func runs(_ text: String, _ style: RunStyle) -> [TextRun] { [TextRun(text, style)] }
}
