import Foundation

/// Every fixed word the outputs use (player, print kit, e-book, documents, spreadsheets, localised CLI
/// messages), in every language Tequio has: one JSON file per language in `templates/strings/`
/// (`es.json`, `en.json`), each a flat object of `"area.key": "text"`. Texts may hold numbered
/// placeholders, `{0}`, `{1}`, filled by `text(_:_:_:)`.
///
/// Adding a language is one more file; a language Tequio does not have gets the fallback language's
/// words (English), as the outputs always did.
public struct StringCatalogue: Sendable, Equatable {
    /// Language tag → key → text.
    public let entries: [String: [String: String]]

    /// The language whose file holds every key, and whose words stand in for a language not there.
    public static let fallbackLanguage = "en"
    /// The folder of `templates/` that holds the files.
    public static let folder = "strings"

    public init(entries: [String: [String: String]]) {
        self.entries = entries
    }

    /// Reads every `strings/<language>.json` of Tequio's templates folder.
    ///
    /// - Throws: `StringCatalogueError` naming the file that is missing or not a flat JSON object of
    ///   strings.
    public init(templates: FileTree) throws {
        var entries: [String: [String: String]] = [:]
        let prefix = Self.folder + "/"
        for path in templates.sortedPaths where path.hasPrefix(prefix) && path.hasSuffix(".json") {
            let language = String(path.dropFirst(prefix.count).dropLast(".json".count))
            guard !language.contains("/") else { continue }
            do {
                entries[language] = try JSONDecoder().decode([String: String].self, from: templates[path]!)
            } catch {
                throw StringCatalogueError.unreadable(path: path, reason: "\(error)")
            }
        }
        guard entries[Self.fallbackLanguage] != nil else {
            throw StringCatalogueError.unreadable(
                path: "\(prefix)\(Self.fallbackLanguage).json", reason: "the file is missing")
        }
        self.init(entries: entries)
    }

    /// The languages Tequio has words for, sorted.
    public var languages: [String] { entries.keys.sorted() }

    /// `language` when the catalogue has it, else its primary subtag (`es` for `es-MX`), else the
    /// fallback language.
    public func resolvedLanguage(_ language: String) -> String {
        if entries[language] != nil { return language }
        let primary = language.split(separator: "-").first.map { $0.lowercased() } ?? ""
        return entries[primary] != nil ? primary : Self.fallbackLanguage
    }

    /// The text of `key` in `language` (or the fallback language), with `{0}`, `{1}`… replaced by
    /// `arguments`. A key in no file gives the key itself, so a slip shows in the output; the catalogue
    /// tests make sure no key the code uses is missing.
    public func text(_ key: String, _ language: String, _ arguments: String...) -> String {
        text(key, language, arguments: arguments)
    }

    /// `text(_:_:_:)` with the arguments as an array, for callers that pass theirs on.
    public func text(_ key: String, _ language: String, arguments: [String]) -> String {
        let template = entries[resolvedLanguage(language)]?[key] ?? entries[Self.fallbackLanguage]?[key] ?? key
        return Self.fill(template, arguments)
    }

    /// Every key under `area.` in `language` (or the fallback language), with the prefix kept: what a
    /// writer hands on whole, such as the player's table.
    public func texts(under area: String, _ language: String) -> [String: String] {
        let prefix = area + "."
        let fallback = entries[Self.fallbackLanguage] ?? [:]
        let own = entries[resolvedLanguage(language)] ?? [:]
        var result: [String: String] = [:]
        for (key, value) in fallback where key.hasPrefix(prefix) { result[key] = own[key] ?? value }
        return result
    }

    /// Keys the fallback language has and `language` lacks, and keys only `language` has, sorted: what
    /// the catalogue tests require to be empty for every language.
    public func mismatchedKeys(_ language: String) -> (missing: [String], extra: [String]) {
        let all = Set((entries[Self.fallbackLanguage] ?? [:]).keys)
        let own = Set((entries[language] ?? [:]).keys)
        return (all.subtracting(own).sorted(), own.subtracting(all).sorted())
    }

    /// One pass, so an argument that itself reads `{1}` stays as it is.
    static func fill(_ template: String, _ arguments: [String]) -> String {
        guard !arguments.isEmpty else { return template }
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"), let index = Int(rest[afterOpen..<close]),
                arguments.indices.contains(index)
            {
                result += arguments[index]
                rest = rest[rest.index(after: close)...]
            } else {
                result += "{"
                rest = rest[afterOpen...]
            }
        }
        return result + rest
    }
}

public enum StringCatalogueError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "cannot read the string catalogue \(path): \(reason)"
        }
    }
}
