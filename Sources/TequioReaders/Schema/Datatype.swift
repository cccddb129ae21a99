import Foundation
import TequioModel

/// An XSD datatype with the facets our schemas use, as RELAX NG `data` or `value` sees it.
struct Datatype {
    /// `token`, `string`, `positiveInteger`, `decimal`, `language`, `anyURI`…
    var type: String
    var pattern: String?
    var minLength: Int?
    var minExclusive: Decimal?
    /// For `value`: the value.
    var value: String?
    /// The `define` the pattern is the whole body of (`path.value`, `id.value`), for messages.
    var define: String?

    private static let regexCache = RegexCache()

    static func isXMLSpace(_ c: Character) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\r\n" }
    static func isWhitespace(_ s: String) -> Bool { s.allSatisfy(isXMLSpace) }

    /// `s` with XML white space collapsed (what `token` and the numeric types see).
    static func collapse(_ s: String) -> String {
        s.split(whereSeparator: isXMLSpace).joined(separator: " ")
    }

    var collapses: Bool { type != "string" }

    func normalized(_ s: String) -> String { collapses ? Self.collapse(s) : s }

    func equalsValue(_ s: String) -> Bool { normalized(s) == normalized(value ?? "") }

    func allows(_ raw: String) -> Bool {
        let s = normalized(raw)
        switch type {
        case "positiveInteger":
            guard let n = Self.integer(s), n > 0 else { return false }
        case "decimal":
            guard s.range(of: #"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$"#, options: .regularExpression) != nil, let d = Decimal(string: s) else {
                return false
            }
            if let minExclusive, !(d > minExclusive) { return false }
        case "date":
            guard Self.isDate(s) else { return false }
        case "language":
            guard s.range(of: #"^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$"#, options: .regularExpression) != nil else { return false }
        default:
            break  // token, string, anyURI, NCName…: facets below
        }
        if let minLength, s.count < minLength { return false }
        if let pattern, !Self.regexCache.matches(pattern, s) { return false }
        return true
    }

    /// An XSD date without a time zone: `2011-12-08`, a day that exists.
    static func isDate(_ s: String) -> Bool {
        guard s.range(of: #"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"#, options: .regularExpression) != nil else { return false }
        let parts = s.split(separator: "-").compactMap { Int($0) }
        let (year, month, day) = (parts[0], parts[1], parts[2])
        return (1...12).contains(month) && (1...CalendarDate.days(in: month, of: year)).contains(day)
    }

    static func integer(_ s: String) -> Int? {
        guard s.range(of: #"^[+]?[0-9]+$"#, options: .regularExpression) != nil else { return nil }
        return Int(s.hasPrefix("+") ? String(s.dropFirst()) : s) ?? Int.max
    }
}

/// XSD regular expressions (implicitly anchored) compiled once.
final class RegexCache: @unchecked Sendable {
    private var cache: [String: NSRegularExpression] = [:]
    private let lock = NSLock()

    func matches(_ pattern: String, _ s: String) -> Bool {
        lock.lock()
        let regex: NSRegularExpression?
        if let r = cache[pattern] {
            regex = r
        } else {
            regex = try? NSRegularExpression(pattern: "^(?:" + Self.translate(pattern) + ")$")
            cache[pattern] = regex
        }
        lock.unlock()
        guard let regex else { return true }
        return regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }

    /// XSD's `\s` and `\S` are XML white space only; ICU's are wider.
    static func translate(_ xsd: String) -> String {
        var out = ""
        var inClass = 0
        var escaped = false
        for c in xsd {
            if escaped {
                escaped = false
                switch c {
                case "s": out += inClass > 0 ? #" \t\n\r"# : #"[ \t\n\r]"#
                case "S": out += #"[^ \t\n\r]"#
                default: out += "\\" + String(c)
                }
                continue
            }
            switch c {
            case "\\": escaped = true
            case "[": inClass += 1; out.append(c)
            case "]": inClass = max(0, inClass - 1); out.append(c)
            default: out.append(c)
            }
        }
        return out
    }
}
