import Foundation
import TequioModel
import XMLSupport

/// Localized text and rich text: one variant per language, whitespace as HTML collapses it, and the
/// translations a declared language lacks.
extension ModuleBuilder {
    // MARK: Text

    /// The variants of the localized element `name` under `parent`.
    mutating func text(_ parent: XMLElement, _ name: String, what: String, paragraphs: Bool = false) -> LocalizedText {
        var result = LocalizedText()
        for e in parent.elements(named: name) {
            guard let lang = variantLanguage(e, what: what, seen: result.languages) else { continue }
            let value = paragraphs ? Self.normalizedParagraphs(e.text) : Self.normalizedLine(e.text)
            if value.isEmpty {
                diagnostics.append(.error(ModuleDiagnosticID.emptyText, "\(what) is empty (\(lang))", at: e.location))
            }
            result[lang] = value
        }
        recordMissing(result.languages, what: what, at: parent.element(named: name)?.location ?? parent.location)
        return result
    }

    mutating func optionalText(_ parent: XMLElement, _ name: String, what: String, paragraphs: Bool = false) -> LocalizedText? {
        parent.elements(named: name).isEmpty ? nil : text(parent, name, what: what, paragraphs: paragraphs)
    }

    mutating func rich(_ parent: XMLElement, _ name: String, what: String, required: Bool = true) -> LocalizedRichText {
        var result = LocalizedRichText()
        let variants = parent.elements(named: name)
        for e in variants {
            guard let lang = variantLanguage(e, what: what, seen: result.languages) else { continue }
            let blocks = Self.blocks(e)
            if !blocks.contains(where: \.hasContent) && required {
                diagnostics.append(.error(ModuleDiagnosticID.emptyText, "\(what) is empty (\(lang))", at: e.location))
            }
            result[lang] = blocks
        }
        if !variants.isEmpty || required {
            recordMissing(result.languages, what: what, at: variants.first?.location ?? parent.location)
        }
        return result
    }

    private mutating func variantLanguage(_ e: XMLElement, what: String, seen: Set<String>) -> String? {
        let lang = e.language ?? languages.first ?? "es"
        if seen.contains(lang) {
            diagnostics.append(.error(ModuleDiagnosticID.duplicateLanguage, "\(what) is given twice in '\(lang)'", at: e.location))
            return nil
        }
        if !languages.contains(lang) {
            diagnostics.append(
                .warning(
                    ModuleDiagnosticID.missingTranslation,
                    "\(what) is in '\(lang)', which the module does not declare (languages: \(languages.joined(separator: " ")))",
                    at: e.location))
        }
        return lang
    }

    private mutating func recordMissing(_ present: Set<String>, what: String, at location: SourceLocation) {
        for lang in languages where !present.contains(lang) { missing.add(lang, what: what, at: location) }
    }

    /// Rich text blocks; text and inline elements outside a block become a paragraph.
    private static func blocks(_ container: XMLElement) -> [Block] {
        var result: [Block] = []
        var loose: [XMLNode] = []
        for child in container.children {
            if case .element(let e) = child, blockNames.contains(e.name) {
                let paragraph = inlines(loose)
                if !paragraph.isEmpty { result.append(.paragraph(paragraph)) }
                loose = []
                result.append(block(e))
            } else {
                loose.append(child)
            }
        }
        let paragraph = inlines(loose)
        if !paragraph.isEmpty { result.append(.paragraph(paragraph)) }
        return result
    }

    static let blockNames: Set<String> = ["p", "ul", "ol", "quote", "img"]

    private static func block(_ e: XMLElement) -> Block {
        switch e.name {
        case "ul", "ol":
            let items = e.elements(named: "li").map { li -> [Block] in
                li.elements.contains { ModuleBuilder.blockNames.contains($0.name) } ? blocks(li) : [.paragraph(inlines(li.children))]
            }
            return e.name == "ul" ? .unorderedList(items) : .orderedList(items)
        case "quote":
            return .quote(blocks(e), cite: e.attribute("cite"))
        case "img":
            return .image(src: e.attribute("src") ?? "", alt: e.attribute("alt") ?? "", caption: e.attribute("caption"))
        default:
            return .paragraph(inlines(e.children))
        }
    }

    /// Inline content with whitespace collapsed as HTML does.
    private static func inlines(_ nodes: [XMLNode]) -> [Inline] {
        var result = rawInlines(nodes)
        if case .text(let s)? = result.first {
            let t = String(s.drop { $0 == " " })
            if t.isEmpty { result.removeFirst() } else { result[0] = .text(t) }
        }
        if case .text(let s)? = result.last {
            var t = s
            while t.hasSuffix(" ") { t.removeLast() }
            if t.isEmpty { result.removeLast() } else { result[result.count - 1] = .text(t) }
        }
        return result
    }

    private static func rawInlines(_ nodes: [XMLNode]) -> [Inline] {
        nodes.compactMap { node -> Inline? in
            switch node {
            case .text(let s):
                let collapsed = Self.collapseWhitespace(s)
                return collapsed.isEmpty ? nil : .text(collapsed)
            case .element(let e):
                switch e.name {
                case "em": return .emphasis(rawInlines(e.children))
                case "strong": return .strong(rawInlines(e.children))
                case "a": return .link(href: e.attribute("href") ?? "", rawInlines(e.children))
                case "term": return .term(ref: e.attribute("ref") ?? "", rawInlines(e.children))
                case "br": return .lineBreak
                default: return .text(Self.collapseWhitespace(e.text))
                }
            }
        }
    }

    /// Runs of XML whitespace (space, tab, CR, LF) become one space; works on UTF-8 bytes because it
    /// runs over every text of a module.
    static func collapseWhitespace(_ s: String) -> String {
        var previousWasSpace = false
        var needsWork = false
        for b in s.utf8 {
            let isSpace = b == 0x20
            if b == 0x0A || b == 0x09 || b == 0x0D || (isSpace && previousWasSpace) {
                needsWork = true
                break
            }
            previousWasSpace = isSpace
        }
        guard needsWork else { return s }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        var lastWasSpace = false
        var changed = false
        for b in s.utf8 {
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
                if lastWasSpace || b != 0x20 { changed = true }
                if !lastWasSpace { bytes.append(0x20) }
                lastWasSpace = true
            } else {
                bytes.append(b)
                lastWasSpace = false
            }
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : s
    }

    static func normalizedLine(_ s: String) -> String {
        let collapsed = collapseWhitespace(s)
        guard collapsed.utf8.first == 0x20 || collapsed.utf8.last == 0x20 else { return collapsed }
        return collapsed.trimmingCharacters(in: .whitespaces)
    }

    /// Paragraphs separated by blank lines, each collapsed to one line.
    static func normalizedParagraphs(_ s: String) -> String {
        s.replacingOccurrences(of: "\r", with: "")
            .components(separatedBy: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .split(separator: "", omittingEmptySubsequences: true)
            .map { normalizedLine($0.joined(separator: " ")) }
            .joined(separator: "\n\n")
    }

    static func uniqueTokens(_ s: String) -> [String] {
        var seen: Set<String> = []
        return s.split(whereSeparator: \.isWhitespace).map(String.init).filter { seen.insert($0).inserted }
    }
}

/// Texts missing in a declared language, reported as one warning per language.
struct MissingTranslations {
    private var items: [String: [(what: String, location: SourceLocation)]] = [:]

    mutating func add(_ language: String, what: String, at location: SourceLocation) {
        items[language, default: []].append((what, location))
    }

    func warnings(languages: [String]) -> [Diagnostic] {
        languages.compactMap { lang in
            guard let list = items[lang], let first = list.first else { return nil }
            let count = list.count == 1 ? "1 text" : "\(list.count) texts"
            return Diagnostic(
                .warning, ModuleDiagnosticID.missingTranslation, "'\(lang)' translation missing for \(count): "
                    + list.prefix(5).map(\.what).joined(separator: "; ") + (list.count > 5 ? "; …" : ""),
                at: first.location,
                notes: list.map { .init(location: $0.location, message: "no '\(lang)' variant of \($0.what)") })
        }
    }
}
