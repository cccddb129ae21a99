import TequioModel

/// Direction of participant text: Arabic, Hebrew and other right-to-left scripts get a right-to-left
/// paragraph so that punctuation and numbers sit where the writer put them.
enum BidiText {
    /// True when the first strongly directional character of `text` belongs to a right-to-left script.
    static func isRightToLeft(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF: return true
            default:
                if scalar.properties.isAlphabetic { return false }
            }
        }
        return false
    }
}

/// Page geometry in twentieths of a point, shared by the DOCX and ODT writers.
struct PageGeometry {
    let width: Int
    let height: Int
    let top: Int
    let bottom: Int
    let left: Int
    let right: Int
    let header: Int
    let footer: Int

    var textWidth: Int { width - left - right }
    /// The width a figure may take, in points: the text's, less a little for rounding.
    var figureWidth: Double { Double(textWidth) / 20 - 2 }

    static func make(_ paper: Branding.Paper, _ orientation: DocumentLayout.Orientation) -> PageGeometry {
        let (w, h) = paper.twips
        switch orientation {
        case .portrait:
            return PageGeometry(width: w, height: h, top: 1304, bottom: 1304, left: 1304, right: 1304, header: 624, footer: 624)
        case .landscape:
            return PageGeometry(width: h, height: w, top: 1134, bottom: 1020, left: 1020, right: 1020, header: 510, footer: 510)
        }
    }

    /// Column widths in twips for `weights`, summing exactly to `total`.
    static func widths(_ weights: [Double], total: Int) -> [Int] {
        guard !weights.isEmpty else { return [] }
        let sum = weights.reduce(0, +)
        var result = weights.map { Int((Double(total) * $0 / (sum > 0 ? sum : 1)).rounded(.down)) }
        result[result.count - 1] += total - result.reduce(0, +)
        return result
    }
}
