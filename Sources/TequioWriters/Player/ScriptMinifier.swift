import Foundation

/// Makes the player's script smaller without changing what it reads: drops every comment and every space
/// or line break that separates nothing, and keeps one where two tokens would otherwise run together
/// (`a + +b`, `return x`) or where a line break may end a statement (after `)`, `]`, `}`, a name, a number
/// or a literal, unless what follows is `)`, `]`, `}`, `,` or `;`). Names, strings, template literals and regular expressions are copied as they are.
///
/// It reads the JavaScript the player is written in, not every JavaScript: it takes a `/` for the start
/// of a regular expression after an operator, an opening bracket, `}` or a keyword such as `return`, and
/// for a division elsewhere, and only ASCII spaces and line breaks count as white space. A source it
/// cannot read through (an unterminated string, comment, template or regular expression) is refused.
///
/// `shorteningNames` then gives the script's own names short ones (`ScriptNameShortener`): only for a script
/// whose names are all inside one function, as the player's are.
public enum ScriptMinifier {
    public struct Unreadable: Error, Equatable, CustomStringConvertible {
        public let what: String
        public let offset: Int
        public var description: String { "unterminated \(what) at byte \(offset)" }
    }

    public static func minify(_ source: String, shorteningNames: Bool = false) throws -> String {
        let shortener = try nameShortener(source)
        return String(decoding: shorteningNames ? shortener.shortened() : shortener.script, as: UTF8.self)
    }

    /// The shortener of a minified `source`, to look at what it would rename.
    static func nameShortener(_ source: String) throws -> ScriptNameShortener {
        var scanner = Scanner(source: Array(source.utf8))
        try scanner.run()
        return ScriptNameShortener(script: scanner.out, tokens: scanner.tokens)
    }

    enum Token { case none, word, number, punctuator, string, template, regex }

    /// Pairs of characters that would make one token (`++`, `//`, `=>`, `<!` of `<!--`…) if a gap
    /// between two tokens were dropped.
    private static let joining: Set<[UInt8]> = Set(
        ["++", "--", "**", "//", "/*", "*/", "==", "=>", "!=", "<=", ">=", "<<", ">>", "&&", "||", "??", "?.",
         "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "..", "<!", "->"].map { Array($0.utf8) })
    /// Punctuators after which a line break never ends a statement, so it can go.
    private static let continuing = Set(";{,([:=*&|?<>!~%^.".utf8)
    /// Punctuators before which a line break changes nothing: none can start a statement, and before `}`
    /// a statement ends with or without one.
    private static let closing = Set(")]},;".utf8)
    /// Words after which a `/` starts a regular expression.
    private static let beforeExpression: Set<[UInt8]> = Set(
        ["return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield",
         "await"].map { Array($0.utf8) })

    private static func isWord(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x5F || c == 0x24
            || c == 0x5C || c >= 0x80
    }
    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    private static func isLineBreak(_ c: UInt8) -> Bool { c == 0x0A || c == 0x0D }

    private struct Scanner {
        let source: [UInt8]
        var out: [UInt8] = []
        /// Every token written, by its place in `out`; a template literal's text up to a `${` or from a `}` is one.
        var tokens: [(kind: Token, range: Range<Int>)] = []
        var i = 0
        var last = Token.none
        var lastWord: [UInt8] = []
        /// One entry per open `{`: true for the `${` of a template literal.
        var braces: [Bool] = []
        var gap = false
        var gapBreaksLine = false

        init(source: [UInt8]) {
            self.source = source
            out.reserveCapacity(source.count)
        }

        func byte(_ at: Int) -> UInt8? { at < source.count ? source[at] : nil }

        mutating func run() throws {
            while i < source.count {
                let c = source[i]
                if c == 0x20 || c == 0x09 || isLineBreak(c) {
                    gap = true
                    if isLineBreak(c) { gapBreaksLine = true }
                    i += 1
                } else if c == 0x2F, byte(i + 1) == 0x2F {  // a // comment, up to the line break
                    while i < source.count, !isLineBreak(source[i]) { i += 1 }
                    gap = true
                } else if c == 0x2F, byte(i + 1) == 0x2A {  // a /* comment */
                    var end = i + 2
                    while end + 1 < source.count, !(source[end] == 0x2A && source[end + 1] == 0x2F) { end += 1 }
                    guard end + 1 < source.count else { throw Unreadable(what: "comment", offset: i) }
                    if source[i..<end].contains(where: isLineBreak) { gapBreaksLine = true }
                    gap = true
                    i = end + 2
                } else {
                    writeGap(before: c)
                    try token(c)
                }
            }
            out.append(0x0A)
        }

        /// What the white space and comments just read become: nothing, a space or a line break.
        mutating func writeGap(before next: UInt8) {
            defer { (gap, gapBreaksLine) = (false, false) }
            guard gap, let previous = out.last else { return }
            if gapBreaksLine && !(last == .punctuator && continuing.contains(previous)) && !closing.contains(next) {
                out.append(0x0A)
            } else if (isWord(previous) && isWord(next)) || joining.contains([previous, next])
                || (last == .number && next == 0x2E)
            {
                out.append(0x20)
            }
        }

        mutating func token(_ c: UInt8) throws {
            switch c {
            case 0x27, 0x22:  // ' "
                var end = i + 1
                while end < source.count, source[end] != c, !isLineBreak(source[end]) {
                    if source[end] == 0x5C { end += source[(end + 1)...].starts(with: [0x0D, 0x0A]) ? 2 : 1 }
                    end += 1
                }
                guard end < source.count, source[end] == c else { throw Unreadable(what: "string", offset: i) }
                copy(to: end + 1, as: .string)
            case 0x60:  // `
                try templateText(from: i + 1)
            case 0x7D where braces.last == true:  // the } closing a ${…} in a template literal
                braces.removeLast()
                try templateText(from: i + 1)
            case 0x2F where regexAllowed:
                var end = i + 1, inClass = false
                while end < source.count, !isLineBreak(source[end]) {
                    let d = source[end]
                    if d == 0x5C { end += 1 } else if d == 0x5B { inClass = true } else if d == 0x5D { inClass = false }
                    else if d == 0x2F && !inClass { break }
                    end += 1
                }
                guard end < source.count, source[end] == 0x2F else { throw Unreadable(what: "regular expression", offset: i) }
                end += 1
                while end < source.count, isWord(source[end]) { end += 1 }
                copy(to: end, as: .regex)
            default:
                if isWord(c) || (c == 0x2E && byte(i + 1).map(isDigit) == true) {
                    let number = isDigit(c) || c == 0x2E
                    let hex = number && (byte(i + 1) == 0x78 || byte(i + 1) == 0x58)
                    var end = i + 1
                    while end < source.count {
                        let d = source[end]
                        let sign = (d == 0x2B || d == 0x2D) && !hex && (source[end - 1] == 0x65 || source[end - 1] == 0x45)
                        guard isWord(d) || (number && (d == 0x2E || sign)) else { break }
                        end += 1
                    }
                    lastWord = Array(source[i..<end])
                    copy(to: end, as: number ? .number : .word)
                } else {
                    if c == 0x7B { braces.append(false) } else if c == 0x7D, !braces.isEmpty { braces.removeLast() }
                    copy(to: i + 1, as: .punctuator)
                }
            }
        }

        var regexAllowed: Bool {
            switch last {
            case .none: true
            case .punctuator: out.last != 0x29 && out.last != 0x5D  // not after ) or ]
            case .word: beforeExpression.contains(lastWord)
            case .number, .string, .template, .regex: false
            }
        }

        /// Copies template text from `start` up to and including the closing backtick or the next `${`.
        mutating func templateText(from start: Int) throws {
            var end = start
            while end < source.count {
                let d = source[end]
                if d == 0x5C {
                    end += 2
                    continue
                }
                if d == 0x60 {
                    copy(to: end + 1, as: .template)
                    return
                }
                if d == 0x24, byte(end + 1) == 0x7B {
                    braces.append(true)
                    copy(to: end + 2, as: .punctuator)
                    tokens[tokens.count - 1].kind = .template
                    return
                }
                end += 1
            }
            throw Unreadable(what: "template literal", offset: i)
        }

        mutating func copy(to end: Int, as kind: Token) {
            tokens.append((kind, out.count..<out.count + end - i))
            out.append(contentsOf: source[i..<end])
            i = end
            last = kind
        }
    }
}
