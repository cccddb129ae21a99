import Foundation
import TequioModel
import XMLSupport

/// The e-book's cover: an SVG drawn from the module's program, title and subtitle in its main language (what a
/// reading system shows in its library: `properties="cover-image"`), and the page that shows it first.
enum EPUBCover {
    /// Paths inside `EPUB/`.
    static let image = "cover.svg"
    static let page = "text/cover.xhtml"

    static let width = 1200, height = 1800, margin = 100

    static func svg(_ module: Module) throws -> Data {
        let lang = module.mainLanguage, md = module.metadata
        let w = XMLWriter(indent: true)
        w.start("svg", [
            "xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 \(width) \(height)", "width": "\(width)",
            "height": "\(height)", "xml:lang": lang, "font-family": "sans-serif",
        ])
        w.element("title", text: md.title[lang] ?? module.id)
        w.element("rect", ["width": "\(width)", "height": "\(height)", "fill": "#0b3d6e"])
        // Each text starts a gap and its own size below the last baseline of the one above.
        var y = lines(w, md.program?[lang], y: 220, size: 44, perLine: 40, fill: "#cfe0f2", weight: nil) + 60
        w.element("rect", ["x": "\(margin)", "y": "\(y)", "width": "200", "height": "12", "fill": "#ffcf5c"])
        y = lines(w, md.title[lang] ?? module.id, y: y + 60 + 88, size: 88, perLine: 18, fill: "#ffffff", weight: "bold")
        _ = lines(w, md.subtitle?[lang], y: y + 70 + 48, size: 48, perLine: 38, fill: "#e6edf5", weight: nil)
        w.element("text", ["x": "\(margin)", "y": "\(height - margin)", "font-size": "40", "fill": "#cfe0f2"],
                  text: "Tequio · \(module.id) \(module.version)")
        w.end()
        return try w.finish()
    }

    /// `text` as lines of at most `perLine` characters from `y` down, as far as the footer; the last baseline.
    private static func lines(
        _ w: XMLWriter, _ text: String?, y: Int, size: Int, perLine: Int, fill: String, weight: String?
    ) -> Int {
        guard let text, !text.isEmpty else { return y - size }
        var baseline = y
        for line in wrap(text, perLine) where baseline <= height - margin - 90 {  // a long text stops above the footer
            w.element("text", ["x": "\(margin)", "y": "\(baseline)", "font-size": "\(size)", "fill": fill, "font-weight": weight], text: line)
            baseline += size * 5 / 4
        }
        return baseline - size * 5 / 4
    }

    /// Words joined into lines of at most `limit` characters; a longer word has a line of its own.
    static func wrap(_ text: String, _ limit: Int) -> [String] {
        var result: [String] = []
        for word in text.split(whereSeparator: \.isWhitespace) {
            if let last = result.last, last.count + 1 + word.count <= limit {
                result[result.count - 1] = last + " " + word
            } else {
                result.append(String(word))
            }
        }
        return result
    }

    /// The first page of the book: the cover image, with the title as its text.
    static func xhtml(_ module: Module, links: EPUBLinks, strings: LocalizedStrings) throws -> Data {
        let title = module.metadata.title[module.mainLanguage] ?? module.id
        let p = XHTMLPage(title: strings("epub.cover"), lang: module.mainLanguage, links: links, bodyType: "cover")
        p.start("section", ["epub:type": "cover", "class": "cover"])
        p.w.element("img", ["src": "../\(image)", "alt": title])
        p.end()
        return try p.finish()
    }
}
