import Foundation
import TequioModel

extension EPUBContent {
    // MARK: Matrix: a printable blank table with its instructions

    static let blankRows = 6

    func matrix(_ index: Int) throws -> Data {
        let mx = module.matrices[index]
        let p = page(.matrix(index), bodyType: "backmatter")
        p.start("section", ["epub:type": "chapter", "class": "matrix", "id": PackageText.xmlID("matrix", mx.id)])
        p.element("h1", title(of: .matrix(index)))
        p.element("p", s("matrixIntro"), ["class": "lead"])
        let activities = module.units.flatMap(\.blocks).compactMap { b -> Activity? in
            if case .activity(let a) = b, a.matrix == mx.id { return a }
            return nil
        }
        if !activities.isEmpty {
            p.element("h2", s("instructions"))
            for a in activities {
                p.localized("h3", a.title)
                p.rich(a.instructions)
            }
        }
        p.element("h2", s("columns"))
        p.start("dl", ["class": "columns"])
        for c in mx.columns {
            p.start("dt")
            p.localized("span", c.label)
            if c.required { p.element("span", " (\(s("required")))", ["class": "req"]) }
            p.end()
            p.start("dd")
            p.localized("span", c.help)
            if let max = c.maxLength { p.element("span", " (\(s("maxChars", String(max))))", ["class": "max"]) }
            p.end()
        }
        p.end()

        p.start("section", ["class": "print"])
        p.element("h2", s("blankTable"))
        p.start("table", ["class": "fill-in"])
        p.start("tbody")
        for key in ["tableName", "municipality", "members"] {
            p.start("tr")
            p.element("th", s(key), ["scope": "row"])
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
        for row in 0..<Self.blankRows {
            p.start("tr", ["class": "blank"])
            for (i, _) in mx.columns.enumerated() {
                if i == 0 {
                    p.start("td")
                    p.element("span", s("rowN", String(row + 1)), ["class": "row-number"])
                    p.end()
                } else {
                    p.element("td", "")
                }
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
