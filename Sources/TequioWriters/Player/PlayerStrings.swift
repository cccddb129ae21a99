import Foundation
import TequioModel

/// The player's interface words: the catalogue's keys under `player.`, prefix dropped, for each
/// language the module declares and no other. A language the catalogue lacks gets the words of its
/// primary subtag (`es-MX` → `es`) or else the fallback language's, as the player always did.
public enum PlayerStrings {
    public static let area = "player"

    public static func table(_ catalogue: StringCatalogue, languages: [String]) -> [String: [String: String]] {
        var table: [String: [String: String]] = [:]
        let prefix = area + "."
        for language in languages {
            let primary = String(language.prefix { $0 != "-" })
            let source = catalogue.entries[language] != nil ? language : primary
            var texts: [String: String] = [:]
            for (key, text) in catalogue.texts(under: area, source) { texts[String(key.dropFirst(prefix.count))] = text }
            table[language] = texts
        }
        return table
    }
}
