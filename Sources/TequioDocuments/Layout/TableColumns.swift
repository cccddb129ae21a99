import TequioModel

extension DocumentLayout.Table {
    /// The table's column widths in points for a table `width` points wide: its weights, except that a
    /// column too narrow for its longest word (as `TextWidthEstimate` reckons it, padding included) gets
    /// that width, taken from the columns that have room to spare. Words longer than
    /// `longestWordKept` characters (addresses, identifiers) may break and are not counted; when the
    /// words cannot all fit, the weights stay as they are. Every format but HTML (whose browser does
    /// the same) lays its columns out with these widths, so no heading breaks inside a word.
    func columnWidths(width: Double, textSize: Double, padding: Double) -> [Double] {
        let n = weights.count
        let sum = weights.reduce(0, +)
        let proportional = weights.map { width * $0 / (sum > 0 ? sum : 1) }
        guard n > 0, sum > 0 else { return proportional }
        var need = [Double](repeating: 0, count: n)
        func widen(_ column: Int, _ text: String, bold: Bool) {
            guard column < n else { return }
            let word = TextWidthEstimate.widestWord(text, size: textSize, bold: bold, longest: Self.longestWordKept)
            need[column] = max(need[column], word > 0 ? word + 2 * padding : 0)
        }
        for (i, heading) in header.enumerated() { widen(i, heading, bold: true) }
        for (i, words) in (footer ?? []).enumerated() { widen(i, words, bold: true) }
        for row in rows {
            for (i, cell) in row.enumerated() { for text in cell { widen(i, text.plain, bold: false) } }
        }
        guard need.reduce(0, +) <= width else { return proportional }
        // Columns that need more than their share get what they need; the others share the rest by
        // weight, until no other column falls short.
        var fixed = [Bool](repeating: false, count: n)
        while true {
            let free = width - zip(need, fixed).filter(\.1).map(\.0).reduce(0, +)
            let freeWeight = zip(weights, fixed).filter { !$0.1 }.map(\.0).reduce(0, +)
            let widths = (0..<n).map { fixed[$0] ? need[$0] : free * weights[$0] / max(freeWeight, .leastNonzeroMagnitude) }
            let short = (0..<n).filter { !fixed[$0] && widths[$0] < need[$0] }
            if short.isEmpty { return widths }
            for i in short { fixed[i] = true }
        }
    }

    static let longestWordKept = 24

    /// `columnWidths` for a word processor's table `total` twips wide, set in the branding's table size
    /// with the style sheet's padding; the widths stay weights (in points) for `PageGeometry.widths`.
    func columnWeights(total: Int, branding: Branding) -> [Double] {
        columnWidths(width: Double(total) / 20, textSize: branding.fonts.tableSize, padding: DocumentStyleSheet.tequio.table.horizontalPadding)
    }
}

/// A generous estimate of how wide a text is set in Arial or a font of its metrics (Liberation Sans),
/// from its characters: for layouts that place text before any format measures it (a chart's labels,
/// a table's columns).
enum TextWidthEstimate {
    static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        text.unicodeScalars.reduce(0.0) { $0 + em($1) } * size * (bold ? 1.08 : 1)
    }

    /// The width of the widest word of `text` that has at most `longest` characters (0 for none), in
    /// one pass over the text (a table's every cell is measured).
    static func widestWord(_ text: String, size: Double, bold: Bool, longest: Int) -> Double {
        var (widest, current, count) = (0.0, 0.0, 0)
        for scalar in text.unicodeScalars {
            if isWhitespace(scalar) {
                if count <= longest { widest = max(widest, current) }
                (current, count) = (0, 0)
            } else {
                current += em(scalar)
                count += 1
            }
        }
        if count <= longest { widest = max(widest, current) }
        return widest * size * (bold ? 1.08 : 1)
    }

    /// A character's width in ems: narrow letters and marks, wide capitals and dashes, the rest between.
    private static func em(_ s: Unicode.Scalar) -> Double {
        switch s {
        case " ", "i", "l", ".", ",", ":", ";", "·", "'", "|", "!": 0.3
        case "m", "w", "M", "W", "—", "–", "%": 0.72
        // ASCII without Unicode's property tables (every cell of every table is measured).
        case "A"..."Z": 0.72
        case "\u{0}"..."\u{7F}": 0.56
        default: s.properties.isUppercase ? 0.72 : 0.56
        }
    }

    private static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        s.isASCII ? s == " " || ("\u{9}"..."\u{D}").contains(s) : s.properties.isWhitespace
    }
}
