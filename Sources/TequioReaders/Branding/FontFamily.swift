import Foundation

/// Font family names from `branding.json`, checked when the branding is loaded: a name reaches DOCX
/// and ODT styles and the HTML style sheet, so it may hold nothing that markup or CSS could read.
///
/// A name is letters (any script, with accents), digits, single spaces, hyphens, underscores, dots
/// and apostrophes (`'` or `’`), at most 100 characters, with a letter or digit somewhere and no space
/// at either end: "Liberation Sans", "Noto Sans Devanagari", "Source Sans 3", "Lúcida", "-apple-system".
public enum FontFamily {
    public static let maxLength = 100

    /// The CSS generic families, written without quotes.
    static let generics: Set<String> = [
        "serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "ui-serif", "ui-sans-serif",
        "ui-monospace", "ui-rounded", "math", "emoji", "fangsong",
    ]

    /// Keywords that CSS reads as something else when they are written as a family name without quotes.
    static let cssKeywords: Set<String> = ["inherit", "initial", "unset", "revert", "revert-layer", "default"]

    /// The rule in words, for error messages and the documentation.
    public static let rule = "letters, digits, single spaces, hyphens, underscores, dots and apostrophes"

    /// Why `name` is not a font family name, or nil when it is one.
    public static func problem(_ name: String) -> String? {
        if name.isEmpty { return "the name is empty" }
        if name.count > maxLength { return "the name is longer than \(maxLength) characters" }
        var previous: Unicode.Scalar?
        var hasLetterOrDigit = false
        for scalar in name.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
                hasLetterOrDigit = true
            case .nonspacingMark, .spacingMark, .enclosingMark:
                guard previous != nil, previous != " " else { return "\(shown(scalar)) (a combining mark) must follow a letter" }
            default:
                guard " -_.'\u{2019}".unicodeScalars.contains(scalar) else {
                    return "\(shown(scalar)) is not allowed in a font family name (\(rule) only)"
                }
                if scalar == " " && (previous == nil || previous == " ") {
                    return "the name starts with a space or has two spaces in a row"
                }
            }
            previous = scalar
        }
        if previous == " " { return "the name ends with a space" }
        if !hasLetterOrDigit { return "the name has no letter or digit" }
        return nil
    }

    /// A character for a message: `'<' (U+003C)` when it is printable ASCII, else only its code point,
    /// so that a message never carries a control or direction character to the terminal.
    static func shown(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return (0x21...0x7E).contains(scalar.value) ? "'\(Character(scalar))' (\(code))" : code
    }
}

/// A CSS font list from `branding.json` (`htmlBody`, `htmlHeadings`): family names, quoted or not,
/// and generic families, separated by commas. Parsed when the branding is loaded; the HTML writer
/// writes it back from the parsed names, never the text as given.
public struct FontStack: Sendable, Equatable {
    public enum Entry: Sendable, Equatable {
        /// A generic family such as `sans-serif`.
        case generic(String)
        /// A family name, and whether it was in quotes.
        case family(String, quoted: Bool)
    }

    public var entries: [Entry]

    public struct Problem: Error, Equatable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// Parses `Arial, "Liberation Sans", Helvetica, sans-serif`.
    public static func parse(_ text: String) throws(Problem) -> FontStack {
        let s = Array(text.unicodeScalars)
        var i = 0
        var entries: [Entry] = []
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" }
        func skipSpace() { while i < s.count, isSpace(s[i]) { i += 1 } }
        while true {
            let n = entries.count + 1
            skipSpace()
            guard i < s.count else {
                throw Problem(message: n == 1 ? "the list is empty" : "family \(n) of the list is empty (a comma too many?)")
            }
            if s[i] == "\"" || s[i] == "'" {
                let quote = s[i]
                guard let end = s[(i + 1)...].firstIndex(of: quote) else {
                    throw Problem(message: "family \(n) of the list: the quote \(FontFamily.shown(quote)) is not closed")
                }
                let name = String(String.UnicodeScalarView(s[(i + 1)..<end]))
                if let p = FontFamily.problem(name) { throw Problem(message: "family \(n) of the list: \(p)") }
                entries.append(.family(name, quoted: true))
                i = end + 1
                skipSpace()
            } else {
                let start = i
                while i < s.count, s[i] != "," { i += 1 }
                let words = String(String.UnicodeScalarView(s[start..<i])).split(whereSeparator: { $0.unicodeScalars.allSatisfy(isSpace) })
                let name = words.joined(separator: " ")
                if let p = FontFamily.problem(name) { throw Problem(message: "family \(n) of the list: \(p)") }
                if name.contains("'") || name.contains("\u{2019}") {
                    throw Problem(message: "family \(n) of the list: write a name with an apostrophe in double quotes")
                }
                let lower = name.lowercased()
                if FontFamily.cssKeywords.contains(lower) {
                    throw Problem(message: "family \(n) of the list: '\(name)' is a CSS keyword, not a font family (put it in quotes if it is the font's name)")
                }
                entries.append(FontFamily.generics.contains(lower) ? .generic(lower) : .family(name, quoted: false))
            }
            guard i < s.count else { break }
            guard s[i] == "," else {
                throw Problem(message: "family \(n) of the list: \(FontFamily.shown(s[i])) after the closing quote; separate the families with commas")
            }
            i += 1
        }
        return FontStack(entries: entries)
    }

    /// The list as CSS: generic families bare, names in double quotes unless they were given without
    /// quotes and are plain CSS identifiers. Every character a name may hold is safe in a CSS string;
    /// anything else is escaped all the same.
    public var css: String {
        entries.map { entry in
            switch entry {
            case .generic(let keyword): keyword
            case .family(let name, quoted: false) where Self.isIdentifierSequence(name): name
            case .family(let name, _): Self.quoted(name)
            }
        }.joined(separator: ", ")
    }

    /// `name` in double quotes, with `"`, `\`, `<`, `>`, `&` and every control or format character as a CSS
    /// hexadecimal escape.
    static func quoted(_ name: String) -> String {
        var out = "\""
        for scalar in name.unicodeScalars {
            let category = scalar.properties.generalCategory
            if "\"\\<>&".unicodeScalars.contains(scalar) || scalar.value < 0x20 || scalar.value == 0x7F || category == .control
                || category == .format || category == .lineSeparator || category == .paragraphSeparator
            {
                out += "\\\(String(scalar.value, radix: 16)) "
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// True when every word of `name` is a CSS identifier and the whole is no keyword, so the name
    /// reads the same without quotes.
    static func isIdentifierSequence(_ name: String) -> Bool {
        let lower = name.lowercased()
        guard !FontFamily.cssKeywords.contains(lower), !FontFamily.generics.contains(lower) else { return false }
        return name.split(separator: " ", omittingEmptySubsequences: false).allSatisfy { word in
            let s = Array(word.unicodeScalars)
            func isStart(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_" || c.value >= 0x80 }
            func isName(_ c: Unicode.Scalar) -> Bool { isStart(c) || ("0"..."9").contains(c) || c == "-" }
            guard let first = s.first else { return false }
            let startOK = isStart(first) || (first == "-" && s.count > 1 && (isStart(s[1]) || s[1] == "-"))
            return startOK && s.allSatisfy(isName) && !FontFamily.cssKeywords.contains(String(word).lowercased())
        }
    }
}
