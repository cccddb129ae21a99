import Foundation

/// The plain words of schema messages: lists, content models, and each value rule with what to write.
enum Words {
    static func or(_ items: [String]) -> String { join(items, "or") }
    static func and(_ items: [String]) -> String { join(items, "and") }

    private static func join(_ items: [String], _ word: String) -> String {
        switch items.count {
        case 0: return "nothing"
        case 1: return items[0]
        case 2: return "\(items[0]) \(word) \(items[1])"
        default: return items.dropLast().joined(separator: ", ") + " \(word) " + items.last!
        }
    }

    /// `'text'` (or `"text"`), shortened, with line breaks shown.
    static func quoted(_ text: String, double: Bool = false, limit: Int = 60) -> String {
        var t = text.replacingOccurrences(of: "\n", with: "⏎")
        if t.count > limit { t = String(t.prefix(limit - 1)) + "…" }
        return double ? "\"\(t)\"" : "'\(t)'"
    }

    /// `<content xml:lang="…">` for an element whose language is required, else `<content>`.
    static func element(_ d: ElementDefinition, _ f: PatternFactory) -> String {
        let needsLanguage = f.attributes(d.content).contains { $0.0 == QName(namespace: XMLNamespaceURI.xml, local: "lang") }
        return needsLanguage ? "<\(d.name) xml:lang=\"…\">" : "<\(d.name)>"
    }

    /// The closest of `candidates` to `word` (letter case and accents aside), if it is close.
    static func closest(_ word: String, among candidates: [String]) -> String? {
        let key = fold(word)
        var best: (String, Int)?
        for c in Set(candidates) where c != word {
            let d = distance(key, fold(c))
            if d <= max(1, min(3, key.count / 3)), best == nil || d < best!.1 || (d == best!.1 && c < best!.0) { best = (c, d) }
        }
        return best?.0
    }

    static func fold(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in 1...b.count {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }

    // MARK: Content models

    /// A content model in words: `one or more <title>, then one or more <expert>, then …`.
    static func describe(_ p: Pat, _ f: PatternFactory) -> String {
        let text = words(p, f, top: true)
        return text.isEmpty ? "nothing (it is empty)" : text
    }

    private static func members(_ p: Pat, _ kind: Pat.Kind) -> [Pat] {
        p.kind == kind ? members(p.p1!, kind) + members(p.p2!, kind) : [p]
    }

    private static func words(_ p: Pat, _ f: PatternFactory, top: Bool = false) -> String {
        switch p.kind {
        case .element: return element(f.definition(p), f)
        case .text: return "text"
        case .data, .value, .list: return "a value"
        case .empty, .notAllowed, .attribute, .after: return ""
        case .oneOrMore: return "one or more " + words(p.p1!, f)
        case .choice:
            var options = members(p, .choice)
            let optional = options.contains { $0.kind == .empty }
            options.removeAll { $0.kind == .empty }
            options.removeAll { $0.kind == .attribute }
            guard !options.isEmpty else { return "" }
            if optional, options.count == 1, options[0].kind == .oneOrMore { return "any number of " + words(options[0].p1!, f) }
            let body = options.count == 1 ? words(options[0], f) : "\(or(options.map { words($0, f) }.filter { !$0.isEmpty }))"
            return optional ? "optionally " + body : body
        case .group:
            let parts = members(p, .group).map { words($0, f) }.filter { !$0.isEmpty }
            return top ? parts.joined(separator: ", then ") : "(" + parts.joined(separator: " then ") + ")"
        case .interleave:
            let parts = members(p, .interleave).map { words($0, f) }.filter { !$0.isEmpty }
            return parts.count < 2 ? parts.joined() : and(parts) + " (in any order)"
        }
    }

    // MARK: Values

    /// What a value must be, as a noun phrase for "needs the attribute 'x' (…)".
    static func valueNoun(_ values: [Pat], _ f: PatternFactory, attribute: String?) -> String {
        valueNoun(values.flatMap { f.datatypes(in: $0) }, attribute: attribute)
    }

    static func valueNoun(_ types: [Datatype], attribute: String?) -> String {
        if let define = types.compactMap(\.define).first {
            switch define {
            case "path.value": return "a path relative to the module folder, such as media/foto.png"
            case "id.value": return "an id such as u2-diagnostico"
            case "nonempty.value": return attribute == "alt" ? "what the image shows, for people who cannot see it" : "a text that is not empty"
            case "web-url.value": return "a web address starting with https://"
            case "link-url.value": return "a web address starting with https:// or a mailto: address"
            case "hours.value": return "a number of hours such as 12.5"
            default: break
            }
        }
        let choices = types.filter { $0.value != nil }.map { "'\($0.value!)'" }
        if choices.count == 1 { return choices[0] }
        if !choices.isEmpty { return "one of \(or(choices))" }
        switch types.first?.pattern {
        case "[A-Z]{2}": return "a two-letter country code in capitals, such as MX"
        case #"[^@\s]+@[^@\s]+"#: return "an e-mail address such as ana.perez@example.org"
        case #"[A-Za-z0-9][A-Za-z0-9.+\-]*"#: return "an SPDX license identifier such as CC-BY-4.0"
        default: break
        }
        switch types.first?.type {
        case "positiveInteger": return "a whole number greater than zero"
        case "date": return "a date written year-month-day, such as 2011-12-08"
        case "language": return "the language of the text, such as es or en"
        default: return ""
        }
    }

    /// Why `value` does not fit `values`, and what to write instead.
    static func valueRule(_ value: String, _ values: [Pat], _ f: PatternFactory, element: String, attribute: String?) -> String {
        let isList = values.contains { $0.kind == .list }
        let types = values.flatMap { f.datatypes(in: $0) }
        let choices = types.compactMap(\.value)
        let trimmed = Datatype.collapse(value)
        if isList {
            let words = trimmed.split(separator: " ").map(String.init)
            if words.isEmpty { return "give at least one value, separated by spaces" + examples(types) }
            // Name the first word that fits no item.
            let bad = words.first { w in !types.contains { t in t.value != nil ? t.equalsValue(w) : t.allows(w) } }
            if let bad {
                return "\(quoted(bad)) is not allowed: \(itemRule(bad, types)); give one or more, separated by spaces\(examples(types))"
            }
            return "the list does not fit: \(itemRule(trimmed, types))"
        }
        if !choices.isEmpty {
            let suggestion = trimmed.isEmpty ? nil : closest(trimmed, among: choices)
            return "must be \(choices.count == 1 ? "'\(choices[0])'" : "one of \(or(choices.map { "'\($0)'" }))")\(suggestion.map { " (did you mean '\($0)'?)" } ?? "")"
        }
        return itemRule(value, types, attribute: attribute)
    }

    private static func examples(_ types: [Datatype]) -> String {
        let choices = types.compactMap(\.value)
        if !choices.isEmpty { return " (\(or(choices.map { "'\($0)'" })))" }
        if types.contains(where: { $0.type == "language" }) { return " (such as \"es en\")" }
        if types.contains(where: { $0.define == "id.value" }) { return " (such as \"sabe-tarifa recibio-informe\")" }
        return ""
    }

    private static func itemRule(_ value: String, _ types: [Datatype], attribute: String? = nil) -> String {
        let choices = types.compactMap(\.value)
        if !choices.isEmpty { return "the values are \(or(choices.map { "'\($0)'" }))" }
        guard let t = types.first else { return "this value is not allowed here" }
        let s = Datatype.collapse(value)
        if s.isEmpty && t.define != "path.value" {
            if t.define == "nonempty.value" {
                return "the value is empty: write " + (attribute == "alt" ? "what the image shows, for people who cannot see it" : "the text")
            }
            let noun = valueNoun(types, attribute: attribute)
            return "the value is empty" + (noun.isEmpty ? "" : ": write \(noun)")
        }
        switch t.define {
        case "path.value": return PathRule.problem(value, include: attribute == "href") ?? "not a usable path"
        case "id.value":
            let slug = idSuggestion(value)
            return "ids use only lowercase letters a–z, digits and hyphens, starting with a letter or digit (no capitals, accents, spaces or '_')\(slug.map { ": write '\($0)'" } ?? "")"
        case "nonempty.value": return "must not be empty: write the text"
        case "web-url.value": return "must be a full web address starting with https:// (or http://), without spaces"
        case "link-url.value": return "must be a full web address starting with https:// or http://, or a mailto: address, without spaces"
        case "hours.value": return "must be a number of hours greater than zero, with a dot for decimals (12.5), without units"
        default: break
        }
        switch t.type {
        case "positiveInteger":
            return "must be a whole number greater than zero (such as 90), without units, decimals or spaces"
        case "decimal": return "must be a number, with a dot for decimals"
        case "date": return "must be a date that exists, written year-month-day with hyphens (2011-12-08)"
        case "language": return "must be a language tag such as es, en or pt-BR"
        default: break
        }
        switch t.pattern {
        case "[A-Z]{2}": return "must be a two-letter country code in capitals (ISO 3166), such as MX, GT or CO"
        case "([01][0-9]|2[0-3]):[0-5][0-9]": return "must be a time of day on the 24-hour clock with two digits each, such as 09:00 or 14:30"
        case #"[^@\s]+@[^@\s]+"#: return "must be an e-mail address such as ana.perez@example.org (one @, no spaces)"
        case #"[A-Za-z0-9][A-Za-z0-9.+\-]*"#:
            return "must be an SPDX license identifier such as CC-BY-4.0 or CC-BY-SA-4.0 (no spaces; see https://spdx.org/licenses/)"
        default: break
        }
        if let min = t.minLength, s.count < min { return "must not be empty" }
        return "does not have the expected form"
    }

    /// `u2-diagnostico` for `U2 Diagnóstico`; nil when nothing usable is left.
    static func idSuggestion(_ value: String) -> String? {
        let folded = fold(value).lowercased()
        var out = ""
        var dash = false
        for s in folded.unicodeScalars {
            if ("a"..."z").contains(s) || ("0"..."9").contains(s) {
                if dash && !out.isEmpty { out.append("-") }
                out.unicodeScalars.append(s)
                dash = false
            } else {
                dash = true
            }
        }
        return out.isEmpty || out == value ? nil : out
    }
}

/// The rule for paths in a module (`src`, `photo`, `xi:include/@href`), and what is wrong with one.
///
/// A path is one or more names separated by `/`. A name may hold any letter of any language, digits,
/// spaces, emoji and most punctuation (`media/fases año 🌊.png` is fine). Not allowed, because they
/// break on Windows, in zips, in e-books, in web addresses or in LMS packages: `\ : * ? " < > | # %`,
/// control, private-use and special (U+FFF0–U+FFFD) characters, a name starting with `.` (hidden files; this is also what forbids `..`), a name
/// starting or ending with a space or ending with `.`, an empty name (`//`), a leading `/`, a URL scheme.
public enum PathRule {
    /// Characters no name may hold (besides control characters).
    public static let forbidden: Set<Character> = ["\\", ":", "*", "?", "\"", "<", ">", "|", "#", "%"]

    /// Why `path` breaks the rule, in words for a trainer; nil when it follows it. `include`: an
    /// `xi:include/@href` (relative to its file) rather than a media path (relative to the module folder).
    public static func problem(_ path: String, include: Bool = false) -> String? {
        let base = include
            ? "an included file is named relative to the file that includes it, and must be in the same folder or below it"
            : "media paths are relative to the module folder"
        let inside = path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).filter { $0 != ".." && $0 != "." && !$0.contains(":") }
        let example = include
            ? (inside.isEmpty ? "units/02-diagnostico.xml" : inside.joined(separator: "/"))
            : "media/\(lastName(path) ?? "foto.png")"
        if path.isEmpty { return "the path is empty: write the file's path, such as \(example)" }
        if path.range(of: "^[A-Za-z]:[\\\\/]", options: .regularExpression) != nil {
            return "'\(path)' is a Windows path: \(base); copy the file into the module folder and write \(example)"
        }
        if path.range(of: "^[A-Za-z][A-Za-z0-9+.-]*:", options: .regularExpression) != nil {
            let scheme = path.prefix { $0 != ":" }
            return "'\(scheme):' makes it a URL, and nothing is loaded from outside the module: \(base); copy the file into the module folder and write \(example)"
        }
        if path.hasPrefix("/") { return "'\(path)' is an absolute path: \(base); write it without the leading '/', such as \(example)" }
        if path.contains("\\") { return "use '/' between folders, not '\\': write '\(path.replacingOccurrences(of: "\\", with: "/"))'" }
        let names = path.split(separator: "/", omittingEmptySubsequences: false)
        if names.contains(where: { $0 == ".." }) {
            return include
                ? "'..' goes up out of this file's folder: \(base); move the file there and write \(example)"
                : "'..' leaves the module folder: \(base), and nothing outside it is read; copy the file into the module folder and write \(example)"
        }
        if names.contains(where: { $0 == "." }) { return "remove the './': write '\(names.filter { $0 != "." }.joined(separator: "/"))'" }
        if names.contains(where: \.isEmpty) { return "'\(path)' has an empty folder name ('//', or '/' at the end): write it as folder/file" }
        for name in names {
            if name.hasPrefix(".") { return "'\(name)' starts with '.', which makes it a hidden file that is not packaged: rename it" }
            if name.first?.isWhitespace == true || name.last?.isWhitespace == true {
                return "'\(name)' starts or ends with a space, which Windows and zips drop: remove the space from the name"
            }
            if name.hasSuffix(".") { return "'\(name)' ends with '.', which Windows drops: rename it" }
            if let c = name.first(where: { forbidden.contains($0) }) {
                return "the character '\(c)' cannot be in a file name (it breaks on Windows or in web links): rename the file without it"
            }
            if let s = name.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
                return "the name holds the invisible control character U+\(String(format: "%04X", s.value)): retype it"
            }
            if let s = name.unicodeScalars.first(where: { $0.properties.generalCategory == .privateUse || (0xFFF0...0xFFFD).contains($0.value) }) {
                return "the name holds U+\(String(format: "%04X", s.value)), a private-use or special character that e-books and zips refuse: rename the file"
            }
        }
        return nil
    }

    private static func lastName(_ path: String) -> String? {
        path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init).flatMap { $0.hasPrefix(".") ? nil : $0 }
    }
}
