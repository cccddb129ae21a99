import Foundation
import TequioModel
import XMLSupport

/// One XHTML content document of the e-book, written through `XMLWriter` (so every text is escaped).
///
/// Rich text from the module becomes plain XHTML: paragraphs, lists, quotes, figures, emphasis, links
/// (only `http`, `https` and `mailto`), glossary terms as links to the glossary chapter.
final class XHTMLPage {
    static let xhtml = "http://www.w3.org/1999/xhtml"
    static let ops = "http://www.idpf.org/2007/ops"

    let w = XMLWriter()
    /// The page's language: texts in another language get their own `lang`.
    let lang: String
    let links: EPUBLinks

    init(title: String, lang: String, links: EPUBLinks, bodyType: String? = nil) {
        self.lang = lang
        self.links = links
        w.start("html", ["xmlns": Self.xhtml, "xmlns:epub": Self.ops, "xml:lang": lang, "lang": lang])
        w.start("head")
        w.element("meta", ["charset": "utf-8"])
        w.element("title", text: title)
        w.element("link", ["rel": "stylesheet", "type": "text/css", "href": links.stylesheet])
        w.end()
        w.start("body", ["epub:type": bodyType])
    }

    func finish() throws -> Data { try w.finish() }

    // MARK: Plain elements

    func start(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:]) { w.start(name, attributes) }
    func end() { w.endFull() }

    /// `<name>text</name>`, with `lang` when the text's language is not the page's.
    func element(_ name: String, _ text: String, textLang: String? = nil, _ attributes: KeyValuePairs<String, String?> = [:]) {
        w.start(name, attributes)
        markLanguage(textLang)
        w.text(text)
        w.endFull()
    }

    /// A localized text in `name`, in the page language or the first fallback.
    func localized(_ name: String, _ text: LocalizedText?, _ attributes: KeyValuePairs<String, String?> = [:]) {
        guard let text, let (value, valueLang) = resolve(text) else { return }
        element(name, value, textLang: valueLang, attributes)
    }

    func resolve<V>(_ text: Localized<V>) -> (V, String)? {
        if let v = text[lang] { return (v, lang) }
        for l in links.languages + text.values.keys.sorted() { if let v = text[l] { return (v, l) } }
        return nil
    }

    func markLanguage(_ textLang: String?) {
        if let textLang, textLang != lang {
            w.attribute("lang", textLang)
            w.attribute("xml:lang", textLang)
        }
    }

    // MARK: Rich text

    /// The blocks of `text` in the page language, wrapped in a `div` marked with their language when it
    /// is another one.
    func rich(_ text: LocalizedRichText?) {
        guard let text, let (blocks, blocksLang) = resolve(text), !blocks.isEmpty else { return }
        if blocksLang != lang {
            w.start("div")
            markLanguage(blocksLang)
            self.blocks(blocks)
            w.endFull()
        } else {
            self.blocks(blocks)
        }
    }

    func blocks(_ blocks: [Block]) { for b in blocks { block(b) } }

    func block(_ block: Block) {
        switch block {
        case .paragraph(let inlines):
            w.start("p")
            self.inlines(inlines)
            w.endFull()
        case .unorderedList(let items), .orderedList(let items):
            if case .orderedList = block { w.start("ol") } else { w.start("ul") }
            for item in items {
                w.start("li")
                blocks(item)
                w.endFull()
            }
            w.endFull()
        case .quote(let inner, let cite):
            w.start("figure", ["class": "quote"])
            w.start("blockquote")
            blocks(inner)
            w.endFull()
            if let cite { element("figcaption", "— \(cite)") }
            w.endFull()
        case .image(let src, let alt, let caption):
            figure(src: src, alt: alt, caption: caption)
        }
    }

    /// A figure for the module image `src`, or its text alternative when the e-book cannot carry it.
    func figure(src: String, alt: String, caption: String?, cssClass: String = "figure") {
        w.start("figure", ["class": cssClass])
        if let href = links.image(src) {
            w.element("img", ["src": href, "alt": alt])
        } else {
            element("p", alt, ["class": "alt-text"])
        }
        if let caption, !caption.isEmpty { element("figcaption", caption) }
        w.endFull()
    }

    func inlines(_ inlines: [Inline]) { for i in inlines { inline(i) } }

    func inline(_ inline: Inline) {
        switch inline {
        case .text(let s): w.text(s)
        case .emphasis(let inner):
            w.start("em")
            inlines(inner)
            w.endFull()
        case .strong(let inner):
            w.start("strong")
            inlines(inner)
            w.endFull()
        case .link(let href, let inner):
            if EPUBLinks.isExternal(href) {
                w.start("a", ["href": href])
            } else {
                w.start("span")
            }
            inlines(inner)
            w.endFull()
        case .term(let ref, let inner):
            if let href = links.term(ref, lang: lang) {
                w.start("a", ["href": href, "class": "term"])
            } else {
                w.start("span", ["class": "term"])
            }
            inlines(inner)
            w.endFull()
        case .lineBreak:
            w.element("br")
        }
    }
}

/// Where things are inside the e-book, as seen from a content document in `EPUB/text/`.
struct EPUBLinks {
    /// Module languages, main first: the fallback order for missing translations.
    var languages: [String]
    /// Module image paths the book carries (`media/x.png` → `EPUB/content/media/x.png`).
    var images: Set<String>
    /// Glossary term ids.
    var terms: Set<String>
    var stylesheet = "../css/book.css"

    func image(_ src: String) -> String? {
        images.contains(src) ? "../" + EPUBWriter.contentFolder + "/" + RelativeURI.reference(src) : nil
    }

    func term(_ ref: String, lang: String) -> String? {
        terms.contains(ref) ? "\(EPUBChapter.glossary.fileName(lang))#\(EPUBLinks.anchor("term", ref))" : nil
    }

    static func anchor(_ kind: String, _ id: String) -> String { PackageText.xmlID(kind, id) }

    static func isExternal(_ href: String) -> Bool {
        let lower = href.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:")
    }
}
