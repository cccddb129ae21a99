import TequioModel
import TequioWriters

/// A small HTML builder: every text and attribute goes through `HTMLText.escape`, so a module's text
/// cannot inject markup. Only markup this target wrote itself is added as is (`trusted`).
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

    /// Markup this target generated itself (the doctype, a style sheet): never module text.
    mutating func trusted(_ markup: String) { output += markup }

    mutating func newline() { output += "\n" }

    /// `<!DOCTYPE html>` to `<body>` of a self-contained page: its style sheet (this target's own) inside.
    mutating func startPage(language: String, title: String, style: String) {
        trusted("<!DOCTYPE html>\n")
        open("html", ["lang": language])
        open("head")
        void("meta", ["charset": "utf-8"])
        void("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
        void("meta", ["name": "generator", "content": "Tequio"])
        element("title", text: title)
        open("style")
        trusted(style)
        close("style")
        close("head")
        newline()
        open("body")
    }

    mutating func endPage() {
        close("body")
        close("html")
        newline()
    }
}
