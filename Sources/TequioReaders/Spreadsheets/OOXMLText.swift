/// SpreadsheetML's `ST_Xstring` escapes: a character XML cannot hold is written `_xHHHH_`, and an
/// underscore that would start such a sequence is written `_x005F_`.
public enum OOXMLText {
    /// Escapes text for a `<t>` element (the XML writer escapes `<`, `&` and quotes).
    public static func escape(_ text: String) -> String {
        guard mayHoldEscape(text) else { return text }
        var out = ""
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "_", isEscape(scalars, at: i) {
                out += "_x005F_"
            } else {
                out.unicodeScalars.append(scalars[i])
            }
            i += 1
        }
        return out
    }

    /// Decodes `_xHHHH_` sequences.
    public static func unescape(_ text: String) -> String {
        guard mayHoldEscape(text) else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "_", isEscape(scalars, at: i),
                let value = UInt32(String(String.UnicodeScalarView(scalars[(i + 2)..<(i + 6)])), radix: 16),
                let scalar = Unicode.Scalar(value)
            {
                out.append(scalar)
                i += 7
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }

    /// True when `_x` occurs in `text`: a byte scan, since nearly no text has it (Foundation's
    /// `contains` cost a tenth of a workbook's import).
    private static func mayHoldEscape(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "x") && previous == UInt8(ascii: "_") { return true }
            previous = byte
        }
        return false
    }

    /// True when `_xHHHH_` starts at `i`.
    private static func isEscape(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + 6 < s.count, s[i + 1] == "x", s[i + 6] == "_" else { return false }
        return s[(i + 2)..<(i + 6)].allSatisfy { $0.properties.isASCIIHexDigit }
    }
}
