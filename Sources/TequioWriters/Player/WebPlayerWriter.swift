import Foundation
import TequioModel

/// The offline web player: `index.html` at the root, the player's own files in `player/` (its scripts
/// joined into `player/player.js`, see `PlayerScript`), the module and the interface words of its
/// languages as a script (`player/module-data.js`, since `fetch` fails on `file://`) and its media in
/// `content/`.
public struct WebPlayerWriter: TargetWriter {
    public init() {}

    public func render(_ input: BuildInput) throws -> FileTree {
        var tree = FileTree()
        let module = input.audience.module(input.module)
        let lang = module.mainLanguage
        let title = module.metadata.title.resolved(lang, fallbacks: module.languages) ?? module.id
        let description = module.metadata.summary.resolved(lang, fallbacks: module.languages) ?? ""
        var html = try input.template("player/index.html")
        for (key, value) in [("lang", lang), ("title", HTMLText.escape(title)), ("description", HTMLText.escape(description))] {
            html = html.replacingOccurrences(of: "{{\(key)}}", with: value)
        }
        tree.add("index.html", text: html)
        for (path, data) in input.templateFiles(under: "player")
        where path != "index.html" && !"player/\(path)".hasPrefix(PlayerScript.folder + "/") {
            tree["player/\(path)"] = SourceCompactor.compact(data, path: path)
        }
        tree["player/player.js"] = try PlayerScript.minified(input.templates)
        let strings = PlayerStrings.table(try StringCatalogue(templates: input.templates), languages: module.languages)
        tree.add(
            "player/module-data.js",
            text: try ModuleDataScript.render(module, generator: input.generator, captions: Self.captions(input), strings: strings))
        tree.merge(input.assets, under: "content")
        return tree
    }
}

extension WebPlayerWriter {
    /// WebVTT files by path: browsers refuse `<track src>` on `file://`, so the player builds the cues
    /// from this text.
    static func captions(_ input: BuildInput) -> [String: String] {
        var result: [String: String] = [:]
        for unit in input.module.units {
            for case .presentation(let p) in unit.blocks {
                for src in p.media?.captions.values ?? [:].values {
                    if let data = input.assets[src] { result[src] = String(decoding: data, as: UTF8.self) }
                }
            }
        }
        return result
    }
}

/// `window.TEQUIO_DATA = {…};` with the module as JSON, safe to load as a script. `strings` is the
/// player's interface words by language (`PlayerStrings`).
public enum ModuleDataScript {
    public static func render(
        _ module: Module, generator: String, captions: [String: String] = [:], strings: [String: [String: String]] = [:]
    ) throws -> String {
        struct Payload: Encodable {
            let module: Module
            let generator: String
            let captions: [String: String]
            let strings: [String: [String: String]]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(Payload(module: module, generator: generator, captions: captions, strings: strings)), as: UTF8.self)
        return "window.TEQUIO_DATA = \(ScriptJSON.escape(json));\n"
    }
}

/// Makes JSON safe inside a script: `<` cannot start `</script>` or `<!--`, and U+2028/U+2029 are not
/// line terminators in older engines.
public enum ScriptJSON {
    public static func escape(_ json: String) -> String {
        json.replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: "\u{2028}", with: "\\u2028")
            .replacingOccurrences(of: "\u{2029}", with: "\\u2029")
    }
}

/// Escaping for text substituted into HTML templates.
public enum HTMLText {
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}

/// Makes the player's JavaScript and CSS smaller for old laptops and slow links without a build step.
/// JavaScript goes through `ScriptMinifier`, CSS through `minifyCSS`; a script the minifier cannot read
/// loses indentation, blank lines and whole-line comments. Lines inside a template literal are kept as
/// they are, so what a program reads never changes.
public enum SourceCompactor {
    public static func compact(_ data: Data, path: String) -> Data {
        let isJS = path.hasSuffix(".js")
        guard isJS || path.hasSuffix(".css") else { return data }
        if !isJS { return Data(minifyCSS(String(decoding: data, as: UTF8.self)).utf8) }
        if let minified = try? ScriptMinifier.minify(String(decoding: data, as: UTF8.self)) {
            return Data(minified.utf8)
        }
        return compactLines(data, isJS: isJS)
    }

    /// A style sheet without comments and without the spaces that separate nothing: a run of spaces and
    /// line breaks becomes one space, none is left around `{`, `}`, `;`, `,` and `>` or after `:` (a space
    /// before `:` is a descendant selector and stays), and a `;` before `}` goes. Quoted strings are copied
    /// as they are; `+`, `-` and `~` keep their spaces (in `calc()` they need them). The rules the browser
    /// reads are the same.
    static func minifyCSS(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var space = false  // a space seen and not written yet
        var i = 0
        func lastIsTight() -> Bool { out.last.map { "{};,>:".unicodeScalars.contains($0) } ?? true }
        while i < scalars.count {
            let c = scalars[i]
            if c == "/", i + 1 < scalars.count, scalars[i + 1] == "*" {
                i += 2
                while i + 1 < scalars.count, !(scalars[i] == "*" && scalars[i + 1] == "/") { i += 1 }
                i += 2
                space = true
                continue
            }
            if c.properties.isWhitespace {
                space = true
                i += 1
                continue
            }
            let tight = "{};,>".unicodeScalars.contains(c)
            if space, !tight, !lastIsTight() { out.append(" ") }
            space = false
            if c == "}", out.last == ";" { out.removeLast() }
            out.append(c)
            i += 1
            if c == "\"" || c == "'" {
                while i < scalars.count, scalars[i] != c {
                    if scalars[i] == "\\", i + 1 < scalars.count {
                        out.append(scalars[i])
                        i += 1
                    }
                    out.append(scalars[i])
                    i += 1
                }
                if i < scalars.count {
                    out.append(scalars[i])
                    i += 1
                }
            }
        }
        return String(out) + "\n"
    }

    static func compactLines(_ data: Data, isJS: Bool) -> Data {
        var out: [Substring] = []
        var inTemplate = false
        var inComment = false
        let text = String(decoding: data, as: UTF8.self)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if inTemplate {
                out.append(line)
                if line.filter({ $0 == "`" }).count % 2 == 1 { inTemplate = false }
                continue
            }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if inComment {
                if trimmed.contains("*/") {
                    inComment = false
                    if !trimmed.hasSuffix("*/") { return data }  // code after a comment: leave the file alone
                }
                continue
            }
            if trimmed.isEmpty || (isJS && trimmed.hasPrefix("//")) { continue }
            if trimmed.hasPrefix("/*") {
                if trimmed.hasSuffix("*/") { continue }
                if !trimmed.contains("*/") {
                    inComment = true
                    continue
                }
            }
            out.append(trimmed)
            if isJS && trimmed.filter({ $0 == "`" }).count % 2 == 1 { inTemplate = true }
        }
        return Data((out.joined(separator: "\n") + "\n").utf8)
    }
}
