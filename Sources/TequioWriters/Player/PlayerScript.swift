import Foundation
import TequioModel

/// The player's JavaScript as the bundle carries it: the parts in `templates/player/scripts/`, each one
/// job (storage, routes, pages, charts, the matrix editor…), joined in the order `order.txt` gives into
/// the body of one function, so `player/player.js` stays a single classic script (ES modules do not load
/// from `file://`), shares its names between parts and leaks none to `window`.
public enum PlayerScript {
    /// The folder of `templates/` that holds the parts and `order.txt`.
    public static let folder = "player/scripts"
    /// One part's file name a line; blank lines and lines starting with `#` are comments.
    public static let orderFile = "order.txt"

    /// The parts' file names, in the order they are joined.
    public static func order(_ templates: FileTree) throws -> [String] {
        guard let data = templates["\(folder)/\(orderFile)"] else { throw WriterError.missingTemplate("\(folder)/\(orderFile)") }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// The joined script, minified and with its names shortened: `player/player.js`.
    public static func minified(_ templates: FileTree) throws -> Data {
        Data(try ScriptMinifier.minify(try joined(templates), shorteningNames: true).utf8)
    }

    /// The joined script, before `minified`.
    public static func joined(_ templates: FileTree) throws -> String {
        var script = "(() => {\n'use strict';\n"
        for name in try order(templates) {
            guard let part = templates["\(folder)/\(name)"] else { throw WriterError.missingTemplate("\(folder)/\(name)") }
            script += String(decoding: part, as: UTF8.self)
            if !script.hasSuffix("\n") { script += "\n" }
        }
        return script + "})();\n"
    }
}
