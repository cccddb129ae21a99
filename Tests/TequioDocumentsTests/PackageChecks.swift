import Foundation
import TequioModel
import XMLSupport

/// The checks that schemas miss (`schemas/official/README.md`): each returns the problems found, so a
/// test can assert that the list is empty and show every problem at once.
enum PackageChecks {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let manifestNS = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
    static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"

    // MARK: - DOCX

    static func docx(_ tree: FileTree) throws -> [String] {
        var problems: [String] = []
        // Every part has a content type; the main document has the right one.
        let types = try parsePart(tree, "[Content_Types].xml").root!
        var defaults: [String: String] = [:]
        var overrides: [String: String] = [:]
        for e in types.elements {
            if e.name == "Default" { defaults[e.attribute("Extension")!.lowercased()] = e.attribute("ContentType") }
            if e.name == "Override" { overrides[e.attribute("PartName")!] = e.attribute("ContentType") }
        }
        for path in tree.sortedPaths where path != "[Content_Types].xml" {
            let ext = String(path.split(separator: ".").last ?? "").lowercased()
            if overrides["/\(path)"] == nil && defaults[ext] == nil { problems.append("\(path) has no content type") }
        }
        for part in overrides.keys where tree[String(part.dropFirst())] == nil {
            problems.append("content type for missing part \(part)")
        }
        if overrides["/word/document.xml"] != "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml" {
            problems.append("word/document.xml is not typed as the main document")
        }
        // Every relationship target exists.
        for rels in tree.sortedPaths where rels.hasSuffix(".rels") {
            let folder = rels.replacingOccurrences(of: "_rels/", with: "").dropLast(".rels".count).split(separator: "/").dropLast().joined(separator: "/")
            for r in try parsePart(tree, rels).root!.elements where r.attribute("TargetMode") != "External" {
                let target = r.attribute("Target") ?? ""
                let resolved = target.hasPrefix("/") ? String(target.dropFirst()) : (folder.isEmpty ? target : "\(folder)/\(target)")
                if tree[resolved] == nil { problems.append("\(rels): target \(target) does not exist") }
            }
        }
        let document = try parsePart(tree, "word/document.xml").root!
        // numId → num → abstractNum.
        let numbering = try parsePart(tree, "word/numbering.xml").root!
        let abstracts = Set(numbering.elements.filter { $0.name == "abstractNum" }.compactMap { $0.attribute("abstractNumId", namespace: w) })
        var nums: [String: String] = [:]
        for n in numbering.elements where n.name == "num" {
            nums[n.attribute("numId", namespace: w)!] = n.descendants("abstractNumId", w).first?.attribute("val", namespace: w)
        }
        for id in Set(document.descendants("numId", w).compactMap { $0.attribute("val", namespace: w) }) {
            guard let abstract = nums[id] else {
                problems.append("w:numId \(id) has no w:num")
                continue
            }
            if !abstracts.contains(abstract) { problems.append("w:num \(id) points to missing w:abstractNum \(abstract)") }
        }
        // Tables: a grid, header rows contiguous from the first, a paragraph in every cell.
        for (t, tbl) in document.descendants("tbl", w).enumerated() {
            if tbl.elements.first(where: { $0.name == "tblGrid" }) == nil { problems.append("table \(t + 1) has no w:tblGrid") }
            let rows = tbl.elements.filter { $0.name == "tr" }
            let header = rows.map { !$0.descendants("tblHeader", w).isEmpty }
            if let firstNonHeader = header.firstIndex(of: false), header[firstNonHeader...].contains(true) {
                problems.append("table \(t + 1): w:tblHeader rows are not contiguous from the first row")
            }
            if header.first != true { problems.append("table \(t + 1): the first row does not repeat (w:tblHeader)") }
            for (r, row) in rows.enumerated() {
                for (c, cell) in row.elements.filter({ $0.name == "tc" }).enumerated() where !cell.elements.contains(where: { $0.name == "p" }) {
                    problems.append("table \(t + 1), row \(r + 1), cell \(c + 1) has no w:p")
                }
            }
        }
        // Internal links point to bookmarks.
        let bookmarks = Set(document.descendants("bookmarkStart", w).compactMap { $0.attribute("name", namespace: w) })
        for link in document.descendants("hyperlink", w) {
            if let anchor = link.attribute("anchor", namespace: w), !bookmarks.contains(anchor) { problems.append("link to missing bookmark \(anchor)") }
        }
        // Landscape sections swap width and height and say so.
        for s in document.descendants("pgSz", w) {
            let width = Int(s.attribute("w", namespace: w) ?? "0") ?? 0
            let height = Int(s.attribute("h", namespace: w) ?? "0") ?? 0
            if (width > height) != (s.attribute("orient", namespace: w) == "landscape") { problems.append("w:pgSz \(width)×\(height) with orient \(s.attribute("orient", namespace: w) ?? "none")") }
        }
        return problems
    }

    // MARK: - ODT

    /// Checks the zip bytes: `mimetype` first, stored, without extra field, with the right content.
    static func odtArchive(_ zip: Data) -> [String] {
        let b = [UInt8](zip)
        func u16(_ at: Int) -> Int { Int(b[at]) | Int(b[at + 1]) << 8 }
        guard b.count > 30, b[0] == 0x50, b[1] == 0x4B, b[2] == 3, b[3] == 4 else { return ["no local file header at offset 0"] }
        var problems: [String] = []
        let nameLength = u16(26)
        let extraLength = u16(28)
        let name = String(decoding: b[30..<30 + nameLength], as: UTF8.self)
        if name != "mimetype" { problems.append("first entry is \(name), not mimetype") }
        if u16(8) != 0 { problems.append("mimetype is compressed (method \(u16(8)))") }
        if extraLength != 0 { problems.append("mimetype has an extra field of \(extraLength) bytes") }
        let start = 30 + nameLength + extraLength
        let content = String(decoding: b[start..<min(b.count, start + 39)], as: UTF8.self)
        if content != "application/vnd.oasis.opendocument.text" { problems.append("mimetype content is '\(content)'") }
        return problems
    }

    static func odt(_ tree: FileTree) throws -> [String] {
        var problems: [String] = []
        let manifest = try parsePart(tree, "META-INF/manifest.xml").root!
        let listed = Set(manifest.elements.compactMap { $0.attribute("full-path", namespace: manifestNS) })
        for path in tree.sortedPaths where path != "mimetype" && path != "META-INF/manifest.xml" && !listed.contains(path) {
            problems.append("\(path) is not in the manifest")
        }
        for path in listed where path != "/" && tree[path] == nil { problems.append("manifest lists missing \(path)") }
        if !listed.contains("/") { problems.append("manifest has no entry for the package root") }
        let content = try parsePart(tree, "content.xml").root!
        let styles = try parsePart(tree, "styles.xml").root!
        let listStyles = Set(styles.descendants("list-style", text).compactMap { $0.attribute("name", namespace: style) })
        for list in content.descendants("list", text) {
            guard let name = list.attribute("style-name", namespace: text), listStyles.contains(name) else {
                problems.append("a text:list has no list style")
                continue
            }
        }
        for (t, tbl) in content.descendants("table", table).enumerated() where tbl.elements.first(where: { $0.name == "table-header-rows" }) == nil {
            problems.append("table \(t + 1) has no table:table-header-rows")
        }
        // Every style used is declared (named in styles.xml or automatic in content.xml).
        var declared = Set(styles.descendants("style", style).compactMap { $0.attribute("name", namespace: style) })
        declared.formUnion(content.descendants("style", style).compactMap { $0.attribute("name", namespace: style) })
        for e in content.descendants("p", text) + content.descendants("h", text) {
            if let s = e.attribute("style-name", namespace: text), !declared.contains(s) { problems.append("paragraph style \(s) is not declared") }
        }
        let masters = Set(styles.descendants("master-page", style).compactMap { $0.attribute("name", namespace: style) })
        for s in content.descendants("style", style) {
            if let m = s.attribute("master-page-name", namespace: style), !masters.contains(m) { problems.append("master page \(m) is not declared") }
        }
        let bookmarks = Set(content.descendants("bookmark", text).compactMap { $0.attribute("name", namespace: text) })
        for r in content.descendants("bookmark-ref", text) {
            if let name = r.attribute("ref-name", namespace: text), !bookmarks.contains(name) { problems.append("reference to missing bookmark \(name)") }
        }
        return problems
    }

    /// The text of a paragraph-like element as a reader shows it: `text:s` and `text:tab` expanded, white
    /// space collapsed as ODF says.
    static func odfText(_ e: XMLElement) -> String {
        var out = ""
        for child in e.children {
            switch child {
            case .text(let t): out += t
            case .element(let c):
                switch c.name {
                case "s": out += String(repeating: " ", count: Int(c.attribute("c", namespace: text) ?? "1") ?? 1)
                case "tab": out += "\t"
                case "bookmark", "bookmark-ref": break
                default: out += odfText(c)
                }
            }
        }
        return out
    }

    /// The text of a WordprocessingML paragraph: its `w:t` runs and `w:tab`s in order.
    static func wordText(_ p: XMLElement) -> String {
        var out = ""
        for e in p.elements {
            switch e.name {
            case "t": out += e.text
            case "tab": out += "\t"
            case "instrText", "fldChar", "pPr", "rPr": break
            default: out += wordText(e)
            }
        }
        return out
    }
}
