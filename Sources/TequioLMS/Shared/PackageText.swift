import Foundation
import TequioModel

/// Texts and names shared by the package manifests.
enum PackageText {
    /// `(language, value)` for every module language that has a value, main language first.
    static func perLanguage(_ text: LocalizedText, in module: Module) -> [(String, String)] {
        var result: [(String, String)] = []
        for lang in module.languages { if let v = text[lang], !v.isEmpty { result.append((lang, v)) } }
        for lang in text.values.keys.sorted() where !module.languages.contains(lang) {
            if let v = text[lang], !v.isEmpty { result.append((lang, v)) }
        }
        return result
    }

    static func title(_ module: Module) -> String {
        module.metadata.title.resolved(module.mainLanguage, fallbacks: module.languages) ?? module.id
    }

    /// An XML name (`xs:ID`) made from `parts`: letters, digits, `-`, `_` and `.`; starts with a letter.
    static func xmlID(_ parts: String...) -> String {
        var out = ""
        for scalar in parts.joined(separator: "-").unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": out.unicodeScalars.append(scalar)
            default: out += "_"
            }
        }
        if let first = out.unicodeScalars.first, !(("a"..."z").contains(first) || ("A"..."Z").contains(first)) {
            out = "T" + out
        }
        return out
    }

    /// A URN naming the module: stable across builds, used where a format wants a global identifier.
    static func urn(_ module: Module, _ suffix: String? = nil) -> String {
        let base = "urn:tequio:\(uriSafe(module.id)):\(uriSafe(module.version))"
        return suffix.map { "\(base):\($0)" } ?? base
    }

    private static func uriSafe(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", ".", "_": scalar
            default: "_"
            }
        }))
    }
}
