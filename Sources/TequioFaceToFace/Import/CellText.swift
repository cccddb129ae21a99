import XMLSupport

/// What a completed-matrix file can hold of a participant's text, and a plain account of what had to
/// change: XML 1.0 cannot store C0 control characters (other than tab, line feed and carriage return)
/// nor U+FFFE/U+FFFF, so the importer changes them here, once, and says so in a warning, instead of
/// letting the XML writer drop them in silence.
///
/// - a vertical tab (U+000B) or a form feed (U+000C) becomes a line break: that is what PowerPoint and
///   Word mean by them when text is pasted into a spreadsheet, and removing them would glue words;
/// - every other forbidden character is removed (U+0000 NUL, U+0001…U+001F, U+FFFE, U+FFFF).
struct CellText {
    /// The text as it will be stored.
    var text: String
    /// The forbidden characters removed, in order of first appearance, with their count.
    var removed: [(scalar: Unicode.Scalar, count: Int)] = []
    /// How many vertical tabs and form feeds became line breaks.
    var lineBreaks = 0

    var changed: Bool { !removed.isEmpty || lineBreaks > 0 }

    init(_ raw: String) {
        // Fast byte scan first: C0 controls are bytes below 0x20, U+FFFE/U+FFFF start with 0xEF.
        guard raw.utf8.contains(where: { $0 < 0x20 ? ($0 != 0x09 && $0 != 0x0A && $0 != 0x0D) : $0 == 0xEF }),
            raw.unicodeScalars.contains(where: { !XMLText.isAllowed($0) })
        else {
            text = raw
            return
        }
        var out = String.UnicodeScalarView()
        var counts: [Unicode.Scalar: Int] = [:]
        var order: [Unicode.Scalar] = []
        for s in raw.unicodeScalars {
            if XMLText.isAllowed(s) {
                out.append(s)
            } else if s == "\u{0B}" || s == "\u{0C}" {
                out.append("\n")
                lineBreaks += 1
            } else {
                if counts[s] == nil { order.append(s) }
                counts[s, default: 0] += 1
            }
        }
        text = String(out)
        removed = order.map { ($0, counts[$0]!) }
    }

    /// `U+0000 (NUL)`, `U+001F`, `U+FFFE (not a character)`.
    static func name(_ s: Unicode.Scalar) -> String {
        let code = "U+" + String(s.value, radix: 16, uppercase: true).leftPadded(to: 4)
        switch s.value {
        case 0x00: return code + " (NUL)"
        case 0x08: return code + " (backspace)"
        case 0x1B: return code + " (escape)"
        case 0xFFFE, 0xFFFF: return code + " (not a character)"
        default: return code
        }
    }

    /// What changed, for a warning: `2 characters XML cannot store were removed (U+0000 (NUL) ×1, U+FFFE
    /// (not a character) ×1); 1 vertical tab or form feed became a line break`.
    var account: String {
        var parts: [String] = []
        if !removed.isEmpty {
            let total = removed.reduce(0) { $0 + $1.count }
            let list = removed.prefix(6).map { "\(Self.name($0.scalar))\($0.count > 1 ? " ×\($0.count)" : "")" }.joined(separator: ", ")
            parts.append(
                "\(total) invisible control character\(total == 1 ? "" : "s") that a matrix file cannot store \(total == 1 ? "was" : "were") removed (\(list)\(removed.count > 6 ? ", …" : ""))")
        }
        if lineBreaks > 0 {
            parts.append("\(lineBreaks) vertical tab\(lineBreaks == 1 ? "" : "s") or form feed\(lineBreaks == 1 ? "" : "s") became \(lineBreaks == 1 ? "a line break" : "line breaks")")
        }
        return parts.joined(separator: "; ")
    }

    /// `text` made printable for a message: forbidden characters, other controls and line breaks shown
    /// by name, so that a message never carries a terminal escape or a NUL.
    static func printable(_ text: String) -> String {
        var out = ""
        for s in text.unicodeScalars {
            switch s.value {
            case 0x0A: out += "⏎"
            case 0x09: out += "⇥"
            case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF: out += "⟨\(name(s))⟩"
            default: out.unicodeScalars.append(s)
            }
        }
        return out
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
