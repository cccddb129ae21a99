import Foundation

/// How cell text is cut for comparing: words, runs of spaces, line breaks and single punctuation marks,
/// so that a diff reads word by word and `¿`, `?`, `«` or a comma change on their own.
///
/// Joining the tokens gives the text back exactly; nothing is normalised away.
public enum TextTokens {
    public enum Kind: Sendable, Equatable {
        /// Letters, digits and combining marks, with an apostrophe or hyphen between letters kept inside
        /// (`l'eau`, `socio-económico`).
        case word
        /// Spaces and tabs.
        case space
        /// One line break (`\n`, `\r\n`, `\r`, U+2028, U+2029): in a plan it ends a paragraph or an action.
        case lineBreak
        /// Any other single character.
        case mark
    }

    public static func kind(of token: Substring) -> Kind {
        guard let first = token.unicodeScalars.first else { return .mark }
        if isLineBreak(first) { return .lineBreak }
        if isSpace(first) { return .space }
        return isWordScalar(first) ? .word : .mark
    }

    /// The tokens of `text`, in order; `tokens(text).joined() == text`.
    public static func tokens(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var index = text.startIndex
        while index < text.endIndex {
            let start = index
            let scalar = text.unicodeScalars[index]
            if scalar == "\r" {
                index = text.unicodeScalars.index(after: index)
                if index < text.endIndex, text.unicodeScalars[index] == "\n" {
                    index = text.unicodeScalars.index(after: index)
                }
            } else if isLineBreak(scalar) {
                index = text.unicodeScalars.index(after: index)
            } else if isSpace(scalar) {
                repeat { index = text.unicodeScalars.index(after: index) } while index < text.endIndex
                    && isSpace(text.unicodeScalars[index]) && !isLineBreak(text.unicodeScalars[index])
            } else if isWordScalar(scalar) {
                index = endOfWord(text, from: index)
            } else {
                index = text.unicodeScalars.index(after: index)
            }
            result.append(text[start..<index])
        }
        return result
    }

    /// The words of `text`, lower-cased and without accents: what row matching compares, so that
    /// "Información" and "informacion" count as the same word.
    public static func foldedWords(_ text: String) -> [String] {
        tokens(text).filter { kind(of: $0) == .word }.map(fold)
    }

    static func fold(_ word: Substring) -> String {
        String(word).folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{85}"
    }

    /// White space; ASCII and Latin-1 answered without the Unicode tables (the comparison asks for every
    /// character of every cell, and the table look-ups were a sixth of its time).
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v == 0x20 || (0x09...0x0D).contains(v) }
        if v < 0x100 { return v == 0x85 || v == 0xA0 }
        return scalar.properties.isWhitespace
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) }
        // Latin-1 letters (but × and ÷) and Latin Extended-A and -B are all letters.
        if (0xC0...0x24F).contains(v) { return v != 0xD7 && v != 0xF7 }
        let p = scalar.properties
        return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
            || p.generalCategory == .spacingMark
    }

    /// Past a word: word characters, and `'`, `’` or `-` only when a word character follows.
    private static func endOfWord(_ text: String, from start: String.Index) -> String.Index {
        let scalars = text.unicodeScalars
        var index = start
        while index < text.endIndex {
            let scalar = scalars[index]
            if isWordScalar(scalar) {
                index = scalars.index(after: index)
            } else if scalar == "'" || scalar == "’" || scalar == "-" {
                let next = scalars.index(after: index)
                guard next < text.endIndex, isWordScalar(scalars[next]) else { break }
                index = next
            } else {
                break
            }
        }
        return index
    }
}
