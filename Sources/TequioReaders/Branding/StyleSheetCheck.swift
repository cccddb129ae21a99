import Foundation
import TequioModel

/// Checks a branding style sheet (`document.css`) before it is added to the `<style>` element of every
/// HTML plan. Refused, with the line and column of the first problem:
///
/// - `</` anywhere (it could end the `<style>` element: `</style>`, `</STYLE >`, `</style\t>`…), `<!`
///   (`<!--`, `<![CDATA[`) and `<script`, in any case, in comments and strings too;
/// - `@import`: the plan is one self-contained file, read offline;
/// - `url(…)`, `src(…)`, `image(…)` and `image-set(…)` references other than `data:` URLs and `#fragment`
///   references: nothing may be loaded from the network, from `javascript:` or from files next to the plan.
///
/// The check reads the sheet the way a browser tokenizes CSS (comments, strings, escapes such as
/// `@\69mport` or `u\72l(`), so an escape cannot hide a reference.
public enum StyleSheetCheck {
    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        public let line: Int
        public let column: Int
        public let message: String
        public var description: String { "\(line):\(column): \(message)" }
    }

    /// The first problem of `css`, or nil when it may be inlined.
    public static func problem(_ css: String) -> Problem? {
        let s = Array(css.unicodeScalars)
        var tokenizer = Tokenizer(s)
        if let (index, message) = markup(s) ?? tokenizer.firstProblem() {
            let (line, column) = position(s, index)
            return Problem(line: line, column: column, message: message)
        }
        return nil
    }

    /// Line and column (1-based, in Unicode scalars) of `index`; CR LF, CR, LF and FF end a line, as in CSS.
    static func position(_ s: [Unicode.Scalar], _ index: Int) -> (Int, Int) {
        var line = 1
        var column = 1
        var i = 0
        while i < min(index, s.count) {
            let c = s[i]
            if c == "\r" && i + 1 < s.count && s[i + 1] == "\n" && i + 1 < index {
                i += 1
            }
            if c == "\n" || c == "\r" || c == "\u{0C}" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            i += 1
        }
        return (line, column)
    }

    /// `</`, `<!` and `<script`, wherever they are.
    private static func markup(_ s: [Unicode.Scalar]) -> (Int, String)? {
        for i in s.indices where s[i] == "<" && i + 1 < s.count {
            let next = s[i + 1]
            if next == "/" {
                let what = lowercasedPrefix(s, i + 2, 5) == "style" ? "'</style'" : "'</'"
                return (i, "\(what) is not allowed in document.css: it could end the <style> element of the HTML plans (in a string write \\3C / instead; in a data: URL write %3C)")
            }
            if next == "!" {
                return (i, "'<!' is not allowed in document.css: the HTML plans' <style> element must hold only CSS (no <!-- comments; use /* */)")
            }
            if lowercasedPrefix(s, i + 1, 6) == "script" {
                return (i, "'<script' is not allowed in document.css: the HTML plans carry no scripts")
            }
        }
        return nil
    }

    private static func lowercasedPrefix(_ s: [Unicode.Scalar], _ start: Int, _ count: Int) -> String {
        guard start + count <= s.count else { return "" }
        return String(String.UnicodeScalarView(s[start..<start + count])).lowercased()
    }

    /// Functions whose string arguments are URLs.
    static let urlFunctions: Set<String> = ["url", "src", "image", "image-set", "-webkit-image-set"]

    /// Why a reference may not be in the sheet, or nil for `data:`, `#fragment` and empty ones.
    static func urlProblem(_ raw: String) -> String? {
        let value = raw.trimmingCharacters(in: CharacterSet(charactersIn: " \t\n\r\u{0C}"))
        let lower = value.lowercased()
        if value.isEmpty || lower.hasPrefix("data:") || value.hasPrefix("#") { return nil }
        let shown = BrandingText.shown(value)
        if lower.hasPrefix("javascript:") || lower.hasPrefix("vbscript:") {
            return "the reference \(shown) is not allowed in document.css: no scripts in the HTML plans"
        }
        let rest = "document.css may refer only to data: URLs and #fragments (the HTML plan is one self-contained file, read offline)"
        if !lower.hasPrefix("file:") && (lower.contains("://") || lower.hasPrefix("//")) {
            return "the reference \(shown) would load from the network; \(rest)"
        }
        return "the reference \(shown) would load a file from outside the plan; \(rest)"
    }

    /// A CSS tokenizer reduced to what the check needs: comments, strings, escapes, names, functions,
    /// `url(` tokens and at-rules (CSS Syntax Level 3, §4).
    private struct Tokenizer {
        let s: [Unicode.Scalar]
        var i = 0
        /// The open functions: name in lower case ("" for a plain parenthesis) and where it starts.
        var open: [(name: String, start: Int)] = []

        init(_ s: [Unicode.Scalar]) { self.s = s }

        private func at(_ k: Int) -> Unicode.Scalar? { k < s.count ? s[k] : nil }

        private static func isNewline(_ c: Unicode.Scalar?) -> Bool { c == "\n" || c == "\r" || c == "\u{0C}" }
        private static func isSpace(_ c: Unicode.Scalar?) -> Bool { c == " " || c == "\t" || isNewline(c) }
        private static func isHex(_ c: Unicode.Scalar?) -> Bool {
            guard let c else { return false }
            return ("0"..."9").contains(c) || ("a"..."f").contains(c) || ("A"..."F").contains(c)
        }
        private static func isNameStart(_ c: Unicode.Scalar?) -> Bool {
            guard let c else { return false }
            return ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_" || c.value >= 0x80
        }
        private static func isName(_ c: Unicode.Scalar?) -> Bool {
            guard let c else { return false }
            return isNameStart(c) || ("0"..."9").contains(c) || c == "-"
        }

        private func isEscape(_ k: Int) -> Bool { at(k) == "\\" && at(k + 1) != nil && !Self.isNewline(at(k + 1)) }

        private func startsName(_ k: Int) -> Bool {
            if Self.isNameStart(at(k)) || isEscape(k) { return true }
            if at(k) == "-" { return Self.isNameStart(at(k + 1)) || at(k + 1) == "-" || isEscape(k + 1) }
            return false
        }

        /// Consumes an escape (after the backslash) and returns the character it stands for.
        private mutating func escape() -> Unicode.Scalar {
            guard let c = at(i) else { return "\u{FFFD}" }
            guard Self.isHex(c) else {
                i += 1
                return c
            }
            var value: UInt32 = 0
            var digits = 0
            while digits < 6, Self.isHex(at(i)) {
                value = value * 16 + UInt32(String(Character(s[i])), radix: 16)!
                i += 1
                digits += 1
            }
            if at(i) == "\r" && at(i + 1) == "\n" {
                i += 2
            } else if Self.isSpace(at(i)) {
                i += 1
            }
            guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
            return scalar
        }

        private mutating func name() -> String {
            var out = String.UnicodeScalarView()
            while i < s.count {
                if Self.isName(s[i]) {
                    out.append(s[i])
                    i += 1
                } else if isEscape(i) {
                    i += 1
                    out.append(escape())
                } else {
                    break
                }
            }
            return String(out)
        }

        /// A string from its opening quote; an unescaped line break ends it, as in a browser.
        private mutating func string() -> String {
            let quote = s[i]
            i += 1
            var out = String.UnicodeScalarView()
            while let c = at(i) {
                if c == quote {
                    i += 1
                    break
                }
                if Self.isNewline(c) { break }
                if c == "\\" {
                    if at(i + 1) == nil {
                        i += 1
                    } else if Self.isNewline(at(i + 1)) {
                        i += at(i + 1) == "\r" && at(i + 2) == "\n" ? 3 : 2
                    } else {
                        i += 1
                        out.append(escape())
                    }
                    continue
                }
                out.append(c)
                i += 1
            }
            return String(out)
        }

        /// An unquoted `url(` argument up to its `)`, white space and escapes decoded.
        private mutating func unquotedURL() -> String {
            var out = String.UnicodeScalarView()
            while let c = at(i) {
                if c == ")" {
                    i += 1
                    break
                }
                if Self.isSpace(c) {
                    while Self.isSpace(at(i)) { i += 1 }
                    if at(i) == ")" || at(i) == nil { continue }
                    badURLRemnants()
                    break
                }
                if c == "\\" {
                    if isEscape(i) {
                        i += 1
                        out.append(escape())
                    } else {
                        badURLRemnants()
                        break
                    }
                    continue
                }
                if c == "\"" || c == "'" || c == "(" {
                    badURLRemnants()
                    break
                }
                out.append(c)
                i += 1
            }
            return String(out)
        }

        private mutating func badURLRemnants() {
            while let c = at(i) {
                i += 1
                if c == ")" { return }
                if c == "\\" && at(i) != nil { i += 1 }
            }
        }

        mutating func firstProblem() -> (Int, String)? {
            while let c = at(i) {
                let start = i
                if c == "/" && at(i + 1) == "*" {
                    i += 2
                    while i < s.count, !(s[i] == "*" && at(i + 1) == "/") { i += 1 }
                    i = min(s.count, i + 2)
                } else if c == "\"" || c == "'" {
                    let value = string()
                    if let function = open.last, StyleSheetCheck.urlFunctions.contains(function.name), let p = urlProblem(value) {
                        return (function.start, p)
                    }
                } else if c == "@" && startsName(i + 1) {
                    i += 1
                    if name().lowercased() == "import" {
                        return (start, "@import is not allowed in document.css: the HTML plan is one self-contained file, read offline; put the rules in document.css itself")
                    }
                } else if c == "#" && (Self.isName(at(i + 1)) || isEscape(i + 1)) {
                    i += 1
                    _ = name()
                } else if ("0"..."9").contains(c) {
                    while Self.isName(at(i)) || at(i) == "." || isEscape(i) {
                        if isEscape(i) {
                            i += 1
                            _ = escape()
                        } else {
                            i += 1
                        }
                    }
                } else if startsName(i) {
                    let function = name().lowercased()
                    guard at(i) == "(" else { continue }
                    i += 1
                    if function == "url" {
                        var k = i
                        while Self.isSpace(at(k)) { k += 1 }
                        if at(k) == "\"" || at(k) == "'" {
                            open.append(("url", start))
                        } else {
                            i = k
                            if let p = urlProblem(unquotedURL()) { return (start, p) }
                        }
                    } else {
                        open.append((function, start))
                    }
                } else if c == "(" {
                    open.append(("", start))
                    i += 1
                } else if c == ")" {
                    _ = open.popLast()
                    i += 1
                } else {
                    i += 1
                }
            }
            return nil
        }
    }
}
