import Foundation
import TequioModel
import XMLSupport
import ZipSupport

/// Reads a plan's DOCX as Word or LibreOffice saved it after a review: the draft it was made from (its
/// custom XML part), the matrix cells (found by their bookmarks, else by position), the pending
/// revisions in them (`w:ins`, `w:del`, `w:moveFrom`, `w:moveTo`, paragraph marks, table rows) and
/// the comments anchored in them.
///
/// Nothing depends on how the runs are cut: Word splits runs mid-word, adds rsids, proofing marks,
/// smart tags, hyperlinks, content controls and fields, and moves bookmarks; the reader walks every
/// element for text and only looks at what carries meaning.
public enum DocxReviewReader {
    static let w = OOXML.w

    public static func read(_ tree: FileTree, path: String) throws(ReviewReadError) -> ReviewedPlan {
        guard let documentData = tree["word/document.xml"] else {
            throw ReviewReadError(kind: .notAPlan, message: "\(path): not a Word document (no word/document.xml)")
        }
        let draft = try draftPart(tree, path: path)
        let document = try parse(documentData, "\(path)!word/document.xml")
        var comments: [String: ReviewedPlan.Comment] = [:]
        if let data = tree["word/comments.xml"] { comments = self.comments(try parse(data, "\(path)!word/comments.xml")) }
        guard let table = matrixTable(document) else {
            throw ReviewReadError(
                kind: .notAPlan,
                message: "\(path): no matrix table with Tequio's cell bookmarks (_tqc_…): was the table deleted, or is this a compendium or a comparison? Import the plan's own document")
        }
        var used = Set<String>()
        var rows: [ReviewedPlan.Row] = []
        var position = 0
        for tr in table.elements(named: "tr") where tr.namespace == w {
            let properties = tr.element(named: "trPr")
            if properties?.element(named: "tblHeader") != nil { continue }
            var row = ReviewedPlan.Row()
            row.inserted = properties?.element(named: "ins") != nil
            row.deleted = properties?.element(named: "del") != nil
            var anchoredRow: Int?
            for tc in tr.elements(named: "tc") where tc.namespace == w {
                var cell = ReviewedPlan.Cell()
                var ids: [String] = []
                for p in descendants(tc, named: "p") {
                    var paragraph = ReviewedPlan.Paragraph()
                    let mark = p.element(named: "pPr")?.element(named: "rPr")
                    paragraph.markInserted = mark?.element(named: "ins") != nil
                    paragraph.markDeleted = mark?.element(named: "del") != nil
                    walk(p, inserted: false, deleted: false, into: &paragraph, anchors: &anchoredRow, comments: &ids)
                    cell.paragraphs.append(paragraph)
                }
                for id in ids where !used.contains(id) {
                    if let comment = comments[id] { cell.comments.append(comment) }
                    used.insert(id)
                }
                row.cells.append(cell)
            }
            if let anchoredRow {
                row.number = anchoredRow
                position = anchoredRow
            } else if !row.inserted {
                position += 1
                row.number = position
            }
            rows.append(row)
        }
        let others = comments.filter { !used.contains($0.key) }.sorted { (Int($0.key) ?? 0) < (Int($1.key) ?? 0) }.map(\.value)
        let modified = tree["docProps/core.xml"].flatMap { data in
            (try? parse(data, "\(path)!docProps/core.xml")).flatMap { $0.element(named: "modified")?.text }
        }
        return ReviewedPlan(draft: draft, rows: rows, otherComments: others, modified: modified)
    }

    /// The custom XML part that holds a completed matrix (Word and LibreOffice may renumber it).
    static func draftPart(_ tree: FileTree, path: String) throws(ReviewReadError) -> Data {
        for name in tree.sortedPaths where name.hasPrefix("customXml/item") && !name.contains("Props") && name.hasSuffix(".xml") {
            let data = tree[name]!
            if String(decoding: data.prefix(600), as: UTF8.self).contains("urn:tequio:completed-matrix:1") { return data }
        }
        throw ReviewReadError(
            kind: .notAPlan,
            message: "\(path): not a plan written by `tequio assemble` (it carries no draft in customXml/): assemble the plan again and send that document for review")
    }

    static func parse(_ data: Data, _ path: String) throws(ReviewReadError) -> XMLElement {
        let result = SafeXMLParser.parse(data, path: path, limits: .init(maxFileBytes: 64 << 20))
        guard let root = result.document?.root else {
            let why = result.diagnostics.first.map { DiagnosticRenderer.plain.render($0) } ?? "\(path): unreadable XML"
            throw ReviewReadError(kind: .damaged, message: why)
        }
        return root
    }

    /// The first table with a cell bookmark: the plan's matrix.
    static func matrixTable(_ root: XMLElement) -> XMLElement? {
        descendants(root, named: "tbl").first { table in
            descendants(table, named: "bookmarkStart").contains { ReviewAnchor.parse($0.attribute("name", namespace: w) ?? "") != nil }
        }
    }

    static func descendants(_ element: XMLElement, named name: String) -> [XMLElement] {
        var result: [XMLElement] = []
        for child in element.elements {
            if child.name == name && child.namespace == w {
                result.append(child)
            } else if !(child.name == "tbl" && name != "tbl") {
                // Nested tables belong to their own cells.
                result += descendants(child, named: name)
            }
        }
        return result
    }

    /// Text, changes, bookmarks and comment anchors of a paragraph, in document order.
    static func walk(
        _ element: XMLElement, inserted: Bool, deleted: Bool, into paragraph: inout ReviewedPlan.Paragraph,
        anchors: inout Int?, comments: inout [String]
    ) {
        for node in element.children {
            guard case .element(let e) = node, e.namespace == w else { continue }
            switch e.name {
            case "pPr", "rPr", "instrText", "delInstrText": continue
            case "ins", "moveTo", "del", "moveFrom":
                if paragraph.changeAuthor == nil {
                    paragraph.changeAuthor = e.attribute("author", namespace: w)
                    paragraph.changeDate = e.attribute("date", namespace: w)
                }
                let insertion = e.name == "ins" || e.name == "moveTo"
                walk(
                    e, inserted: inserted || insertion, deleted: deleted || !insertion, into: &paragraph, anchors: &anchors,
                    comments: &comments)
            case "t", "delText": add(e.text, inserted, deleted, &paragraph)
            case "tab", "ptab": add("\t", inserted, deleted, &paragraph)
            case "br", "cr": add(" ", inserted, deleted, &paragraph)
            case "noBreakHyphen": add("-", inserted, deleted, &paragraph)
            case "bookmarkStart":
                if let (row, _) = ReviewAnchor.parse(e.attribute("name", namespace: w) ?? "") { anchors = anchors ?? row }
            case "commentRangeStart", "commentReference":
                if let id = e.attribute("id", namespace: w), !comments.contains(id) { comments.append(id) }
            default: walk(e, inserted: inserted, deleted: deleted, into: &paragraph, anchors: &anchors, comments: &comments)
            }
        }
    }

    static func add(_ text: String, _ inserted: Bool, _ deleted: Bool, _ paragraph: inout ReviewedPlan.Paragraph) {
        if !deleted { paragraph.current += text }
        if !inserted { paragraph.original += text }
    }

    /// `word/comments.xml`: each comment's author, date and text, by id.
    static func comments(_ root: XMLElement) -> [String: ReviewedPlan.Comment] {
        var result: [String: ReviewedPlan.Comment] = [:]
        for c in root.elements(named: "comment") where c.namespace == w {
            guard let id = c.attribute("id", namespace: w) else { continue }
            let paragraphs = descendants(c, named: "p").map { p -> String in
                var text = ReviewedPlan.Paragraph()
                var anchors: Int?
                var ids: [String] = []
                walk(p, inserted: false, deleted: false, into: &text, anchors: &anchors, comments: &ids)
                return text.current
            }
            result[id] = ReviewedPlan.Comment(
                author: c.attribute("author", namespace: w) ?? "", date: c.attribute("date", namespace: w) ?? "",
                text: paragraphs.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return result
    }
}
