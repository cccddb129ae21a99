import Foundation
import TequioModel
import XMLSupport

/// `xl/styles.xml`: one cell format per `SheetSpec.Style`.
extension XLSXWriter {

    /// One cell format per style of `styles` (`SheetSpec.Style` in `rawValue` order, from the first).
    func styles(_ styles: [SheetSpec.Style]) throws -> Data {
        let w = XMLWriter(standalone: true)
        w.start("styleSheet", ["xmlns": Self.main])
        if styles.contains(.answerDate) {
            w.start("numFmts", ["count": "1"])
            w.element("numFmt", ["numFmtId": String(Self.dateFormat), "formatCode": "yyyy\\-mm\\-dd"])
            w.end()
        }
        w.start("fonts", ["count": "4"])
        let fonts: [(bold: Bool, italic: Bool, size: String, colour: String?)] = [
            (false, false, "11", nil), (true, false, "11", nil), (false, true, "10", "FF595959"), (true, false, "14", "FF1F3864"),
        ]
        for font in fonts {
            w.start("font")
            if font.bold { w.element("b") }
            if font.italic { w.element("i") }
            w.element("sz", ["val": font.size])
            w.element("color", ["rgb": font.colour ?? "FF000000"])
            w.element("name", ["val": "Calibri"])
            w.element("family", ["val": "2"])
            w.end()
        }
        w.end()
        w.start("fills", ["count": "4"])
        w.start("fill")
        w.element("patternFill", ["patternType": "none"])
        w.end()
        w.start("fill")
        w.element("patternFill", ["patternType": "gray125"])
        w.end()
        for colour in ["FFDDE8F3", "FFFFF8DC"] {
            w.start("fill")
            w.start("patternFill", ["patternType": "solid"])
            w.element("fgColor", ["rgb": colour])
            w.element("bgColor", ["indexed": "64"])
            w.end()
            w.end()
        }
        w.end()
        w.start("borders", ["count": "2"])
        w.start("border")
        for side in ["left", "right", "top", "bottom", "diagonal"] { w.element(side) }
        w.end()
        w.start("border")
        for side in ["left", "right", "top", "bottom"] {
            w.start(side, ["style": "thin"])
            w.element("color", ["rgb": "FF9FB3C8"])
            w.end()
        }
        w.element("diagonal")
        w.end()
        w.end()
        w.start("cellStyleXfs", ["count": "1"])
        w.element("xf", ["numFmtId": "0", "fontId": "0", "fillId": "0", "borderId": "0"])
        w.end()
        w.start("cellXfs", ["count": String(styles.count)])
        for style in styles {
            let f = xlsxFormat(style)
            w.start(
                "xf",
                [
                    "numFmtId": String(f.numFmt), "fontId": String(f.font), "fillId": String(f.fill),
                    "borderId": String(f.border), "xfId": "0", "applyNumberFormat": f.numFmt != 0 ? "1" : nil,
                    "applyFont": f.font != 0 ? "1" : nil, "applyFill": f.fill != 0 ? "1" : nil,
                    "applyBorder": f.border != 0 ? "1" : nil, "applyAlignment": "1",
                    "applyProtection": style.isUnlocked ? "1" : nil,
                ])
            w.element("alignment", ["horizontal": style == .answer ? "center" : nil, "vertical": f.vertical, "wrapText": f.wrap ? "1" : nil])
            if style.isUnlocked { w.element("protection", ["locked": "0"]) }
            w.end()
        }
        w.end()
        w.start("cellStyles", ["count": "1"])
        w.element("cellStyle", ["name": "Normal", "xfId": "0", "builtinId": "0"])
        w.end()
        w.end()
        return try w.finish()
    }

    func xlsxFormat(_ style: SheetSpec.Style) -> (numFmt: Int, font: Int, fill: Int, border: Int, vertical: String, wrap: Bool) {
        switch style {
        case .normal: (0, 0, 0, 0, "top", false)
        case .label: (0, 1, 0, 0, "center", true)
        case .input: (49, 0, 3, 1, "center", true)
        case .header: (0, 1, 2, 1, "center", true)
        case .data: (49, 0, 0, 1, "top", true)
        case .hint: (0, 2, 0, 0, "center", false)
        case .title: (0, 3, 0, 0, "center", false)
        case .wrapped: (0, 0, 0, 0, "top", true)
        case .answer: (0, 1, 3, 1, "center", false)
        case .answerText: (49, 0, 3, 1, "top", true)
        case .answerDate: (Self.dateFormat, 0, 3, 1, "center", false)
        }
    }

    /// The custom number format of date answers: `2025-03-31` in every locale.
    static let dateFormat = 164
}
