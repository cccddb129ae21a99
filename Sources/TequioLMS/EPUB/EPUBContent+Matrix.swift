import Foundation
import TequioModel

/// The matrix chapter of the e-book: the matrix's instructions and columns, then a blank table to
/// print and fill in at the working table.
extension EPUBContent {
    static let blankRows = 6

    func matrix(_ index: Int) throws -> Data {
        let mx = module.matrices[index]
        let p = page(.matrix(index), bodyType: "backmatter")
        p.start("section", ["epub:type": "chapter", "class": "matrix", "id": PackageText.xmlID("matrix", mx.id)])
        p.element("h1", title(of: .matrix(index)))
        p.element("p", strings("epub.matrixIntro"), ["class": "lead"])
        let activities = module.units.flatMap(\.blocks).compactMap { b -> Activity? in
            if case .activity(let a) = b, a.matrix == mx.id { return a }
            return nil
        }
        if !activities.isEmpty {
            p.element("h2", strings("common.instructions"))
            for a in activities {
                p.localized("h3", a.title)
                p.rich(a.instructions)
            }
        }
        p.element("h2", strings("epub.columns"))
        p.start("dl", ["class": "columns"])
        for c in mx.columns {
            p.start("dt")
            p.localized("span", c.label)
            if c.required { p.element("span", " (\(strings("common.required")))", ["class": "req"]) }
            p.end()
            p.start("dd")
            p.localized("span", c.help)
            if let max = c.maxLength { p.element("span", " (\(strings("common.maxCharacters", String(max))))", ["class": "max"]) }
            p.end()
        }
        p.end()

        p.start("section", ["class": "print"])
        p.element("h2", strings("epub.blankTable"))
        p.start("table", ["class": "fill-in"])
        p.start("tbody")
        for label in [strings("common.tableName"), strings("common.municipality"), strings("epub.membersAndSectors")] {
            p.start("tr")
            p.element("th", label, ["scope": "row"])
            p.element("td", "")
            p.end()
        }
        p.end()
        p.end()
        p.start("table", ["class": "blank-matrix"])
        p.start("caption")
        p.localized("span", mx.title)
        p.end()
        p.start("thead")
        p.start("tr")
        for c in mx.columns {
            p.start("th", ["scope": "col"])
            p.localized("span", c.label)
            if c.required { p.element("span", " *", ["class": "req"]) }
            p.end()
        }
        p.end()
        p.end()
        p.start("tbody")
        // Each cell names its column too, shown only where the table turns into one block per column (a narrow
        // screen: book.css), so that it reflows instead of being cut.
        for row in 0..<Self.blankRows {
            p.start("tr", ["class": "blank"])
            for (i, c) in mx.columns.enumerated() {
                p.start("td")
                if i == 0 { p.element("span", strings("common.rowN", String(row + 1)), ["class": "row-number"]) }
                p.localized("span", c.label, ["class": "column"])
                p.end()
            }
            p.end()
        }
        p.end()
        p.end()
        p.end()
        p.end()
        return try p.finish()
    }
}
