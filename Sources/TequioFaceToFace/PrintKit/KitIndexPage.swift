import TequioModel

/// `index.html`: what the kit holds, in every language, with printing tips; a self-contained page (its
/// style inside) that links each PDF and spreadsheet.
struct KitIndexPage {
    struct Document {
        let title: String
        let file: String
        /// `A4`, `A3`: what to print it on.
        let paper: String
    }

    let context: PrintContext
    /// Per language: the module's title in it and its documents.
    let documents: [(language: String, title: String, items: [Document])]
    let spreadsheets: [String]

    static let style = """
        html { font-family: Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 11pt; line-height: 1.45; color: #1d2733; }
        body { max-width: 46em; margin: 2em auto; padding: 0 1em; }
        h1 { color: #1f4e79; font-size: 1.6em; margin: 0 0 0.3em; }
        h2 { color: #1f4e79; font-size: 1.15em; margin: 1.4em 0 0.4em; }
        .kind { text-transform: uppercase; letter-spacing: 0.05em; color: #5b6876; font-size: 0.85em; margin: 0; }
        ul { padding-left: 1.2em; }
        li { margin: 0.25em 0; }
        .file { color: #5b6876; font-size: 0.85em; }
        """

    func render() -> String {
        let s = context.strings
        var h = HTMLBuilder()
        h.startPage(language: context.language, title: "\(s.kitTitle) · \(context.title)", style: Self.style)
        h.element("p", ["class": "kind"], text: s.kitTitle)
        h.element("h1", text: context.title)
        h.element("p", text: s.kitIntro)
        h.element("p", text: s.kitPrinting(large: context.options.paper.largeName))
        for (language, title, items) in documents {
            h.block("section", ["lang": language]) { h in
                h.element("h2", text: title)
                h.open("ul")
                for item in items {
                    h.block("li") { h in
                        h.element("a", ["href": item.file], text: item.title)
                        h.element("span", ["class": "file"], text: " \(item.file) · \(item.paper)")
                    }
                }
                h.close("ul")
            }
        }
        if !spreadsheets.isEmpty {
            h.element("h2", text: s.spreadsheets)
            h.element("p", text: s.spreadsheetsIntro)
            h.open("ul")
            for file in spreadsheets { h.block("li") { $0.element("a", ["href": file], text: file) } }
            h.close("ul")
        }
        h.endPage()
        return h.output
    }
}
