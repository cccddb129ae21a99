/// How participant text is cut into paragraphs and actions.
///
/// Cells are written by hand in the player or a spreadsheet: one action per line, often with the
/// participant's own bullets or numbers ("1.", "2)", "-", "•"). Those are removed so documents number
/// the actions themselves.
public enum PlanText {
    /// The non-blank lines of `text`, trimmed (`\r\n`, `\r`, U+2028 and U+2029 count as line breaks).
    public static func lines(_ text: String) -> [String] {
        var result: [String] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var i = start
        while i < scalars.endIndex {
            switch scalars[i] {
            case "\n", "\r", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}", "\u{85}":
                if start < i, let line = trimmed(scalars[start..<i]) { result.append(line) }
                start = scalars.index(after: i)
            default: break
            }
            i = scalars.index(after: i)
        }
        if start < scalars.endIndex, let line = trimmed(scalars[start...]) { result.append(line) }
        return result
    }

    private static func trimmed(_ s: Substring.UnicodeScalarView) -> String? {
        guard let first = s.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = s.lastIndex(where: { !$0.properties.isWhitespace })
        else { return nil }
        return String(Substring(s[first...last]))
    }

    /// One action per line, without the leading bullet or number the participant typed.
    public static func actions(_ text: String) -> [String] {
        lines(text).map(strippingMarker).filter { !$0.isEmpty }
    }

    /// `line` without a leading list marker: a bullet (`-`, `–`, `—`, `•`, `·`, `*`, `▪`, `◦`, `‣`, `●`,
    /// `○`, `>`), or a number or single letter followed by `.`, `)`, `.-` or `-` (`1.`, `2)`, `3.-`,
    /// `(4)`, `a)`), followed by white space.
    public static func strippingMarker(_ line: String) -> String {
        let s = Array(line.unicodeScalars)
        var i = 0
        let bullets: Set<Unicode.Scalar> = ["-", "–", "—", "•", "·", "*", "▪", "◦", "‣", "●", "○", "►", "➢", "✓", ">"]
        if i < s.count, bullets.contains(s[i]) {
            i += 1
            while i < s.count, bullets.contains(s[i]) { i += 1 }
        } else {
            var j = i
            let open = j < s.count && s[j] == "("
            if open { j += 1 }
            let digitsStart = j
            while j < s.count, j - digitsStart < 3, ("0"..."9").contains(s[j]) { j += 1 }
            var matched = false
            if j > digitsStart {
                matched = true
            } else if j < s.count, s[j].properties.isLowercase, s[j].isASCII, j + 1 < s.count, s[j + 1] == ")" {
                j += 1  // `a)`
                matched = true
            } else {
                return line
            }
            guard matched else { return line }
            var sawPunctuation = false
            if j < s.count, s[j] == "." || s[j] == ")" || s[j] == ":" {
                j += 1
                sawPunctuation = true
            }
            if j < s.count, s[j] == "-" || s[j] == "–" {
                j += 1
                sawPunctuation = true
            }
            guard sawPunctuation || open else { return line }
            i = j
        }
        guard i < s.count, s[i].properties.isWhitespace else { return i >= s.count ? "" : line }
        var rest = String.UnicodeScalarView()
        rest.append(contentsOf: s[i...])
        return String(rest).trimmingWhitespace()
    }
}

extension String {
    /// Without leading and trailing white space (Unicode white space, no Foundation needed).
    public func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }
}
