import TequioModel
import TequioWriters

/// A small HTML builder: every text and attribute goes through `HTMLText.escape`, so a module's text
/// cannot inject markup. Only SVG that this target drew itself is added as is (`trusted`).
struct HTMLBuilder {
    private(set) var output = ""

    mutating func open(_ tag: String, _ attributes: KeyValuePairs<String, String?> = [:]) {
        output += "<\(tag)"
        for (key, value) in attributes {
            guard let value else { continue }
            output += " \(key)=\"\(HTMLText.escape(value))\""
        }
        output += ">"
    }

    mutating func close(_ tag: String) { output += "</\(tag)>" }

    mutating func text(_ text: String) { output += HTMLText.escape(text) }

    /// `<tag …>text</tag>`.
    mutating func element(_ tag: String, _ attributes: KeyValuePairs<String, String?> = [:], text: String) {
        open(tag, attributes)
        self.text(text)
        close(tag)
    }

    /// A void element such as `<img>` or `<meta>`.
    mutating func void(_ tag: String, _ attributes: KeyValuePairs<String, String?> = [:]) { open(tag, attributes) }

    mutating func block(_ tag: String, _ attributes: KeyValuePairs<String, String?> = [:], _ body: (inout HTMLBuilder) -> Void) {
        open(tag, attributes)
        body(&self)
        close(tag)
    }

    /// Markup this target generated itself (charts): never module text.
    mutating func trusted(_ markup: String) { output += markup }

    mutating func newline() { output += "\n" }
}

/// Rich text (`Block`, `Inline`) as HTML.
struct RichTextHTML {
    /// Called with each image source, so the kit can copy the file.
    var images: [String] = []

    mutating func blocks(_ blocks: [Block], into h: inout HTMLBuilder) {
        for block in blocks { self.block(block, into: &h) }
    }

    mutating func block(_ block: Block, into h: inout HTMLBuilder) {
        switch block {
        case .paragraph(let inlines):
            h.open("p")
            self.inlines(inlines, into: &h)
            h.close("p")
        case .unorderedList(let items), .orderedList(let items):
            let tag = if case .orderedList = block { "ol" } else { "ul" }
            h.open(tag)
            for item in items {
                h.open("li")
                // A single paragraph item is written without <p> to keep lists tight.
                if item.count == 1, case .paragraph(let inlines) = item[0] {
                    self.inlines(inlines, into: &h)
                } else {
                    blocks(item, into: &h)
                }
                h.close("li")
            }
            h.close(tag)
        case .quote(let inner, let cite):
            h.open("blockquote")
            blocks(inner, into: &h)
            if let cite { h.element("cite", text: cite) }
            h.close("blockquote")
        case .image(let src, let alt, let caption):
            images.append(src)
            h.open("figure")
            h.void("img", ["src": RelativeURI.reference(src), "alt": alt])
            if let caption { h.element("figcaption", text: caption) }
            h.close("figure")
        }
    }

    mutating func inlines(_ inlines: [Inline], into h: inout HTMLBuilder) {
        for inline in inlines {
            switch inline {
            case .text(let s): h.text(s)
            case .emphasis(let inner):
                h.open("em")
                self.inlines(inner, into: &h)
                h.close("em")
            case .strong(let inner):
                h.open("strong")
                self.inlines(inner, into: &h)
                h.close("strong")
            case .link(let href, let inner):
                let safe = href.hasPrefix("http://") || href.hasPrefix("https://") || href.hasPrefix("mailto:")
                h.open("a", ["href": safe ? href : nil])
                self.inlines(inner, into: &h)
                h.close("a")
            case .term(_, let inner):
                h.open("span", ["class": "term"])
                self.inlines(inner, into: &h)
                h.close("span")
            case .lineBreak:
                h.void("br")
            }
        }
    }
}

/// Escaping for a CSS string literal inside a `<style>` element.
enum CSSString {
    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "<": out += "\\3C "
            case "\n", "\r": out += "\\A "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
