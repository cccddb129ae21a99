import TequioModel

/// The blank matrix on one large landscape sheet (A3, or Tabloid with Letter paper): table name,
/// municipality and members to fill in, then the columns with their help and five tall rows, one per
/// problem (tables choose three to five).
struct BlankMatrixPage {
    var context: PrintContext
    let matrix: MatrixDefinition
    static let rows = 5

    mutating func render() -> String {
        var h = HTMLBuilder()
        let s = context.strings
        let title = context.text(matrix.title).isEmpty ? matrix.id : context.text(matrix.title)
        context.head(&h, documentTitle: "\(s.blankMatrix) · \(title)", bodyClass: "matrix-sheet", large: true)
        h.open("main", ["class": "sheet"])
        h.block("header", ["class": "matrix-head"]) { h in
            h.block("div", ["class": "matrix-titles"]) { h in
                h.element("p", ["class": "program"], text: context.title)
                h.element("h1", text: title)
            }
            h.block("div", ["class": "fields"]) { h in
                for label in [s.table, s.municipality] {
                    h.block("div", ["class": "field"]) { h in
                        h.element("span", ["class": "field-label"], text: label)
                        h.element("span", ["class": "field-line"], text: "")
                    }
                }
                h.block("div", ["class": "field wide"]) { h in
                    h.element("span", ["class": "field-label"], text: s.members)
                    h.element("span", ["class": "field-line"], text: "")
                }
            }
        }
        h.open("table", ["class": "matrix", "style": nil])
        h.open("colgroup")
        for _ in matrix.columns { h.void("col") }
        h.close("colgroup")
        h.open("thead")
        h.open("tr")
        for column in matrix.columns {
            h.block("th") { h in
                h.element("span", ["class": "col-label"], text: context.text(column.label))
                h.element("span", ["class": "col-help"], text: context.text(column.help))
                var facts: [String] = []
                if column.required { facts.append(s.required) }
                if let max = column.maxLength { facts.append(s.maxCharacters(max)) }
                if !facts.isEmpty { h.element("span", ["class": "col-facts"], text: facts.joined(separator: " · ")) }
            }
        }
        h.close("tr")
        h.close("thead")
        h.open("tbody")
        for _ in 0..<Self.rows {
            h.open("tr")
            for _ in matrix.columns { h.element("td", text: "") }
            h.close("tr")
        }
        h.close("tbody")
        h.close("table")
        h.element("p", ["class": "matrix-foot"], text: "\(s.matrixFooter) · \(context.module.id) \(context.module.version) · \(matrix.id)")
        h.close("main")
        context.finish(&h)
        return h.output
    }
}

/// One sign-up page per working table: municipality, the three roles, and a row per member with
/// the same fields as the spreadsheet (name, sector, position) plus contact and signature.
struct SignUpSheetPage {
    var context: PrintContext
    static let rows = 12

    mutating func render() -> String {
        var h = HTMLBuilder()
        let s = context.strings
        context.head(&h, documentTitle: s.signUpSheet, bodyClass: "signup")
        h.open("main", ["class": "sheet"])
        for table in 1...context.options.tables {
            h.open("section", ["class": "signup-page"])
            h.block("header", ["class": "signup-head"]) { h in
                h.element("p", ["class": "program"], text: context.title)
                h.element("h1", text: s.tableN(table))
                h.element("p", ["class": "doc-kind"], text: s.signUpSheet)
            }
            h.block("div", ["class": "fields"]) { h in
                h.block("div", ["class": "field wide"]) { h in
                    h.element("span", ["class": "field-label"], text: s.municipality)
                    h.element("span", ["class": "field-line"], text: "")
                }
                for role in s.roles {
                    h.block("div", ["class": "field"]) { h in
                        h.element("span", ["class": "field-label"], text: role)
                        h.element("span", ["class": "field-line"], text: "")
                    }
                }
            }
            h.element("p", ["class": "note"], text: s.signUpIntro)
            h.open("table", ["class": "signup-table"])
            h.open("thead")
            h.open("tr")
            h.element("th", ["class": "n"], text: "#")
            for label in [s.name, s.sector, s.position, s.contact, s.signature] { h.element("th", text: label) }
            h.close("tr")
            h.close("thead")
            h.open("tbody")
            for row in 1...Self.rows {
                h.open("tr")
                h.element("td", ["class": "n"], text: String(row))
                h.element("td", text: "")
                h.block("td") { h in
                    h.block("div", ["class": "sectors"]) { h in
                        for sector in s.sectors { h.element("span", ["class": "box"], text: sector) }
                    }
                }
                h.element("td", text: "")
                h.element("td", text: "")
                h.element("td", text: "")
                h.close("tr")
            }
            h.close("tbody")
            h.close("table")
            h.close("section")
        }
        h.close("main")
        context.finish(&h)
        return h.output
    }
}

/// `index.html`: what is in the kit, in every language, with printing tips.
struct KitIndexPage {
    let module: Module
    let options: FaceToFaceOptions
    let catalogue: StringCatalogue
    /// Per language: (document title, file) pairs.
    let documents: [(language: String, items: [(String, String)])]
    let spreadsheets: [String]

    func render() -> String {
        var h = HTMLBuilder()
        let context = PrintContext(module: module, language: module.mainLanguage, options: options, catalogue: catalogue)
        let s = context.strings
        context.head(&h, documentTitle: s.kitTitle, bodyClass: "kit-index")
        h.open("main", ["class": "sheet"])
        context.cover(&h, documentTitle: s.kitTitle)
        h.element("p", text: s.kitIntro)
        h.element("p", text: s.kitPrinting(large: options.paper.largeName))
        for (language, items) in documents {
            h.block("section", ["class": "kit-language", "lang": language]) { h in
                h.element("h2", text: PrintContext(module: module, language: language, options: options, catalogue: catalogue).title)
                h.open("ul", ["class": "kit-list"])
                for (title, file) in items {
                    h.block("li") { h in
                        h.element("a", ["href": file], text: title)
                        h.element("span", ["class": "file"], text: " \(file)")
                    }
                }
                h.close("ul")
            }
        }
        if !spreadsheets.isEmpty {
            h.block("section", ["class": "kit-sheets"]) { h in
                h.element("h2", text: s.spreadsheets)
                h.element("p", text: s.spreadsheetsIntro)
                h.open("ul", ["class": "kit-list"])
                for file in spreadsheets { h.block("li") { $0.element("a", ["href": file], text: file) } }
                h.close("ul")
            }
        }
        h.close("main")
        context.finish(&h)
        return h.output
    }
}
