import Foundation
import TequioModel
import XMLSupport

/// `styles.xml` of the blank workbook, and the cell styles `content.xml` refers to by name.
extension ODSWriter {

    /// Common cell styles named after `SheetSpec.Style`, the text data style (so typed `=`, `+`, `-`
    /// stay text) and two page layouts: handout paper portrait, and the large sheet landscape.
    func styles(_ cellStyles: [SheetSpec.Style]) throws -> Data {
        let w = XMLWriter()
        start(w, "office:document-styles")
        w.start("office:styles")
        w.start("number:text-style", ["style:name": "NText"])
        w.element("number:text-content")
        w.end()
        if cellStyles.contains(.answerDate) {
            w.start("number:date-style", ["style:name": "NDate"])
            w.element("number:year", ["number:style": "long"])
            w.element("number:text", text: "-")
            w.element("number:month", ["number:style": "long"])
            w.element("number:text", text: "-")
            w.element("number:day", ["number:style": "long"])
            w.end()
        }
        w.start("style:default-style", ["style:family": "table-cell"])
        w.element("style:text-properties", ["fo:font-size": "10pt"])
        w.end()
        for style in cellStyles { cellStyle(w, style) }
        w.end()
        w.start("office:automatic-styles")
        for (name, size, orientation, columns) in [
            ("pm-regular", paper.odfSize, "portrait", false), ("pm-large", paper.odfLargeSize, "landscape", true),
        ] {
            w.start("style:page-layout", ["style:name": name])
            w.element(
                "style:page-layout-properties",
                [
                    "fo:page-width": columns ? size.height : size.width, "fo:page-height": columns ? size.width : size.height,
                    "style:print-orientation": orientation, "fo:margin-top": "1.2cm", "fo:margin-bottom": "1.2cm",
                    "fo:margin-left": "1.2cm", "fo:margin-right": "1.2cm", "style:scale-to-X": "1",
                ])
            w.end()
        }
        w.end()
        w.start("office:master-styles")
        w.element("style:master-page", ["style:name": "Default", "style:page-layout-name": "pm-regular"])
        w.element("style:master-page", ["style:name": "Large", "style:page-layout-name": "pm-large"])
        w.end()
        w.end()
        return try w.finish()
    }

    static func styleName(_ style: SheetSpec.Style) -> String {
        switch style {
        case .normal: "Tequio-Normal"
        case .label: "Tequio-Label"
        case .input: "Tequio-Input"
        case .header: "Tequio-Header"
        case .data: "Tequio-Data"
        case .hint: "Tequio-Hint"
        case .title: "Tequio-Title"
        case .wrapped: "Tequio-Wrapped"
        case .answer: "Tequio-Answer"
        case .answerText: "Tequio-AnswerText"
        case .answerDate: "Tequio-AnswerDate"
        }
    }

    func cellStyle(_ w: XMLWriter, _ style: SheetSpec.Style) {
        let text = style == .data || style == .input || style == .answerText
        w.start(
            "style:style",
            [
                "style:name": Self.styleName(style), "style:family": "table-cell",
                "style:data-style-name": text ? "NText" : style == .answerDate ? "NDate" : nil,
            ])
        let border = "0.5pt solid #9fb3c8"
        switch style {
        case .normal:
            w.element("style:table-cell-properties", ["style:vertical-align": "top"])
        case .label:
            w.element("style:table-cell-properties", ["fo:wrap-option": "wrap", "style:vertical-align": "middle"])
            w.element("style:text-properties", ["fo:font-weight": "bold"])
        case .input:
            w.element(
                "style:table-cell-properties",
                ["fo:background-color": "#fff8dc", "fo:border": border, "fo:wrap-option": "wrap", "style:vertical-align": "middle"])
        case .header:
            w.element(
                "style:table-cell-properties",
                ["fo:background-color": "#dde8f3", "fo:border": border, "fo:wrap-option": "wrap", "style:vertical-align": "middle"])
            w.element("style:text-properties", ["fo:font-weight": "bold"])
        case .data:
            w.element(
                "style:table-cell-properties", ["fo:border": border, "fo:wrap-option": "wrap", "style:vertical-align": "top"])
        case .hint:
            w.element("style:table-cell-properties", ["style:vertical-align": "middle"])
            w.element("style:text-properties", ["fo:color": "#595959", "fo:font-style": "italic", "fo:font-size": "9pt"])
        case .title:
            w.element("style:table-cell-properties", ["style:vertical-align": "middle"])
            w.element("style:text-properties", ["fo:color": "#1f3864", "fo:font-weight": "bold", "fo:font-size": "13pt"])
        case .wrapped:
            w.element("style:table-cell-properties", ["fo:wrap-option": "wrap", "style:vertical-align": "top"])
        case .answer, .answerDate:
            w.element(
                "style:table-cell-properties",
                [
                    "fo:background-color": "#fff8dc", "fo:border": border, "style:vertical-align": "middle",
                    "style:cell-protect": "none",
                ])
            w.element("style:paragraph-properties", ["fo:text-align": "center"])
            w.element("style:text-properties", ["fo:font-weight": "bold"])
        case .answerText:
            w.element(
                "style:table-cell-properties",
                [
                    "fo:background-color": "#fff8dc", "fo:border": border, "fo:wrap-option": "wrap", "style:vertical-align": "top",
                    "style:cell-protect": "none",
                ])
        }
        w.end()
    }
}
