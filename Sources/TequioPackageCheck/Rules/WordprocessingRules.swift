import Foundation
import TequioModel
import XMLSupport

/// DOCX: the OPC rules, every WordprocessingML part against the ECMA-376 schema (after Markup
/// Compatibility processing, as Word reads it), and what Word calls damaged although the schema passes.
enum WordprocessingRules: PackageRules {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let mainTypes = [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    ]

    static func check(_ p: PackageContents) {
        let (types, relationships) = OPCRules.check(p)
        let main = OPCRules.mainPart(p) ?? "word/document.xml"
        if let type = types[main], !mainTypes.contains(type) {
            p.error(PackageDiagnosticID.contentType, "\(main) is typed '\(type)', not as the main document: LibreOffice cannot open the file", entry: "[Content_Types].xml")
        }
        guard let document = p.root(main) else { return }
        OPCRules.checkRelationshipIDs(p, part: main, root: document, relationships: relationships)
        checkTables(p, document)
        checkNumbering(p, document, numbering: relationships[main]?.values.first { $0.hasSuffix("numbering.xml") })
        checkBookmarks(p, document)
        for size in document.descendants("pgSz", w) {
            let width = Int(size.attribute("w", namespace: w) ?? "") ?? 0
            let height = Int(size.attribute("h", namespace: w) ?? "") ?? 0
            let landscape = size.attribute("orient", namespace: w) == "landscape"
            if width > 0, height > 0, width != height, (width > height) != landscape {
                p.warning(
                    PackageDiagnosticID.pageSize,
                    "page \(width)×\(height) twips is \(width > height ? "landscape" : "portrait") but w:orient says \(landscape ? "landscape" : "portrait"): printers follow w:orient",
                    at: size)
            }
        }
        for path in p.files where path.hasSuffix(".xml") && !path.contains("/_rels/") {
            guard let root = p.root(path, required: false), root.namespace == w else { continue }
            p.validate(path, against: .wordprocessingML, prepare: ForeignMarkup.removeIgnorable)
        }
    }

    static func checkTables(_ p: PackageContents, _ document: XMLElement) {
        for (index, table) in document.descendants("tbl", w).enumerated() {
            let n = index + 1
            if table.child("tblGrid", w) == nil {
                p.error(PackageDiagnosticID.table, "table \(n) has no w:tblGrid: pandoc drops the whole table and Word recomputes it", at: table)
            }
            let rows = table.children("tr", w)
            let header = rows.map { $0.child("trPr", w)?.child("tblHeader", w).map { $0.attribute("val", namespace: w) != "0" && $0.attribute("val", namespace: w) != "false" } ?? false }
            if let firstBody = header.firstIndex(of: false), let late = header[firstBody...].firstIndex(of: true) {
                p.warning(
                    PackageDiagnosticID.table,
                    "table \(n): row \(late + 1) is marked as a header row but row \(firstBody + 1) before it is not: only header rows contiguous from the first repeat on each page",
                    at: rows[late])
            }
            for (r, row) in rows.enumerated() {
                for (c, cell) in row.children("tc", w).enumerated() where cell.child("p", w) == nil && cell.child("tbl", w) == nil {
                    p.error(PackageDiagnosticID.table, "table \(n), row \(r + 1), cell \(c + 1) has no paragraph (w:p): Word calls the file damaged", at: cell)
                }
                for (c, cell) in row.children("tc", w).enumerated() where cell.child("p", w) == nil && cell.child("tbl", w) != nil {
                    p.error(PackageDiagnosticID.table, "table \(n), row \(r + 1), cell \(c + 1) must end with a paragraph (w:p) after its nested table", at: cell)
                }
            }
        }
    }

    /// `w:numId` → `w:num` → `w:abstractNum`: a broken link shows a list without numbers or bullets.
    static func checkNumbering(_ p: PackageContents, _ document: XMLElement, numbering path: String?) {
        let used = document.descendants("numId", w).filter { ($0.attribute("val", namespace: w) ?? "0") != "0" }
        guard !used.isEmpty else { return }
        guard let path, let numbering = p.root(path, required: false) else {
            p.error(PackageDiagnosticID.danglingReference, "paragraphs use numbering but the document has no numbering part", at: used[0])
            return
        }
        let abstracts = Set(numbering.children("abstractNum", w).compactMap { $0.attribute("abstractNumId", namespace: w) })
        var nums: [String: (String?, XMLElement)] = [:]
        for num in numbering.children("num", w) {
            if let id = num.attribute("numId", namespace: w) { nums[id] = (num.child("abstractNumId", w)?.attribute("val", namespace: w), num) }
        }
        var reported: Set<String> = []
        for use in used {
            let id = use.attribute("val", namespace: w) ?? ""
            guard !reported.contains(id) else { continue }
            reported.insert(id)
            guard let (abstract, num) = nums[id] else {
                p.error(PackageDiagnosticID.danglingReference, "w:numId \(id) has no w:num in \(path)", at: use)
                continue
            }
            if let abstract, !abstracts.contains(abstract) {
                p.error(PackageDiagnosticID.danglingReference, "w:num \(id) points to w:abstractNum \(abstract), which does not exist", at: num)
            }
        }
    }

    static func checkBookmarks(_ p: PackageContents, _ document: XMLElement) {
        let bookmarks = Set(document.descendants("bookmarkStart", w).compactMap { $0.attribute("name", namespace: w) })
        for link in document.descendants("hyperlink", w) {
            if let anchor = link.attribute("anchor", namespace: w), !bookmarks.contains(anchor) {
                p.warning(PackageDiagnosticID.danglingReference, "link to bookmark '\(anchor)', which does not exist", at: link)
            }
        }
    }
}
