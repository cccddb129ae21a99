import Foundation
import XMLSupport

/// The text of an HTML `<style>` element, made so that it can never end the element or look like a
/// tag, whatever CSS it is given (branding CSS, a font name, a future value):
///
/// - inside a CSS string, a comment or an unquoted `url(…)`, every `<` becomes the CSS escape `\3C `,
///   which is the same character to CSS;
/// - elsewhere a `<` that `/`, `!` or `?` follows becomes `\3C ` too (there it is not valid CSS), and a
///   `<` that an ASCII letter follows gets a space after it (`400px<width` → `400px< width`, the same
///   tokens to CSS); `<=` and `< ` are kept, so `@media (width < 40em)` still works.
///
/// So the result never holds `</`, `<!`, `<?` or `<` and a letter: the HTML parser cannot leave the
/// style sheet early on `</style>`, `</STYLE >` or `</style\t>`, and nothing in it reads as a tag.
/// Characters XML 1.0 forbids (NUL, other C0 controls) are removed, as in the rest of the document.
enum StyleElementText {
    static func escape(_ css: String) -> String {
        let s = Array(XMLText.sanitized(css).unicodeScalars)
        var out = String.UnicodeScalarView()
        out.reserveCapacity(s.count + 16)
        enum State: Equatable {
            case normal
            case string(Unicode.Scalar)
            case comment
            case url
        }
        let escaped = "\\3C ".unicodeScalars
        func isLetter(_ c: Unicode.Scalar?) -> Bool {
            guard let c else { return false }
            return ("a"..."z").contains(c) || ("A"..."Z").contains(c)
        }
        func isNewline(_ c: Unicode.Scalar) -> Bool { c == "\n" || c == "\r" || c == "\u{0C}" }
        /// True when `url(` starts at `k` with an unquoted argument (so it is a url token).
        func unquotedURL(at k: Int) -> Bool {
            guard k + 4 <= s.count, String(String.UnicodeScalarView(s[k..<k + 4])).lowercased() == "url(" else { return false }
            if k > 0, isLetter(s[k - 1]) || ("0"..."9").contains(s[k - 1]) || s[k - 1] == "-" || s[k - 1] == "_" || s[k - 1] == "\\" || s[k - 1].value >= 0x80 {
                return false
            }
            var j = k + 4
            while j < s.count, s[j] == " " || s[j] == "\t" || isNewline(s[j]) { j += 1 }
            return j < s.count && s[j] != "\"" && s[j] != "'"
        }
        var state = State.normal
        var i = 0
        while i < s.count {
            let c = s[i]
            let next: Unicode.Scalar? = i + 1 < s.count ? s[i + 1] : nil
            // An escape: its character is taken as is, except `<`, which becomes `\3C ` (same meaning).
            if c == "\\", let next, state != .comment {
                if next == "<" {
                    out.append(contentsOf: escaped)
                } else {
                    out.append(c)
                    out.append(next)
                }
                i += 2
                continue
            }
            switch state {
            case .comment:
                if c == "*" && next == "/" {
                    out.append(contentsOf: "*/".unicodeScalars)
                    i += 2
                    state = .normal
                    continue
                }
                if c == "<" { out.append(contentsOf: escaped) } else { out.append(c) }
            case .string(let quote):
                if c == quote || isNewline(c) { state = .normal }
                if c == "<" { out.append(contentsOf: escaped) } else { out.append(c) }
            case .url:
                if c == ")" { state = .normal }
                if c == "<" { out.append(contentsOf: escaped) } else { out.append(c) }
            case .normal:
                if c == "/" && next == "*" {
                    out.append(contentsOf: "/*".unicodeScalars)
                    i += 2
                    state = .comment
                    continue
                }
                if c == "\"" || c == "'" { state = .string(c) }
                if unquotedURL(at: i) {
                    out.append(contentsOf: s[i..<i + 4])
                    i += 4
                    state = .url
                    continue
                }
                if c == "<" && (next == "/" || next == "!" || next == "?") {
                    out.append(contentsOf: escaped)
                } else if c == "<" && isLetter(next) {
                    out.append(contentsOf: "< ".unicodeScalars)
                } else {
                    out.append(c)
                }
            }
            i += 1
        }
        return String(out)
    }
}
