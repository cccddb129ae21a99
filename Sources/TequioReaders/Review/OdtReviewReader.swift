import Foundation
import TequioModel
import XMLSupport
import ZipSupport

/// Reads a plan's ODT as LibreOffice saved it after a review: the draft it was made from (the
/// `tequio-draft` user-defined property), the matrix cells (found by their bookmarks, else by
/// position), the pending tracked changes in them (insertions between `text:change-start` and
/// `text:change-end`, deletions at `text:change` with their text in `text:tracked-changes`, a
/// paragraph break inserted or deleted) and the comments (`office:annotation`) in them.
public enum OdtReviewReader {
    static let text = ODF.text, table = ODF.table, office = ODF.office, meta = ODF.meta, dc = ODF.dc

    /// A tracked change of `text:tracked-changes`.
    struct Region {
        var insertion: Bool
        /// A deletion's text, its paragraphs joined by line breaks.
        var deleted: String
        var author = ""
        var date = ""
    }

    public static func read(_ tree: FileTree, path: String) throws(ReviewReadError) -> ReviewedPlan {
        guard let contentData = tree["content.xml"] else {
            throw ReviewReadError(kind: .notAPlan, message: "\(path): not an OpenDocument text (no content.xml)")
        }
        let metaRoot = try tree["meta.xml"].map { data throws(ReviewReadError) in try DocxReviewReader.parse(data, "\(path)!meta.xml") }
        let officeMeta = metaRoot?.elements.first { $0.name == "meta" }
        guard
            let draftText = officeMeta?.elements.first(where: {
                $0.name == "user-defined" && $0.attribute("name", namespace: meta) == "tequio-draft"
            })?.text, draftText.contains("urn:tequio:completed-matrix:1")
        else {
            throw ReviewReadError(
                kind: .notAPlan,
                message: "\(path): not a plan written by `tequio assemble` (it carries no tequio-draft property): assemble the plan again and send that document for review")
        }
        let content = try DocxReviewReader.parse(contentData, "\(path)!content.xml")
        var regions: [String: Region] = [:]
        for changes in descendants(content, text, "tracked-changes") {
            for region in changes.elements where region.name == "changed-region" {
                guard let id = region.attribute("id", namespace: text) ?? region.attribute("id", namespace: XMLNamespace.xml) else { continue }
                let info = (region.element(named: "insertion") ?? region.element(named: "deletion"))?.element(named: "change-info")
                let author = info?.elements.first { $0.name == "creator" }?.text ?? ""
                let date = info?.elements.first { $0.name == "date" }?.text ?? ""
                if region.element(named: "insertion") != nil {
                    regions[id] = Region(insertion: true, deleted: "", author: author, date: date)
                } else if let deletion = region.element(named: "deletion") {
                    let paragraphs = deletion.elements.filter { $0.name == "p" || $0.name == "h" }.map { plain($0) }
                    regions[id] = Region(insertion: false, deleted: paragraphs.joined(separator: "\n"), author: author, date: date)
                }
            }
        }
        guard let matrix = descendants(content, table, "table").first(where: { t in
            descendants(t, text, "bookmark").contains { ReviewAnchor.parse($0.attribute("name", namespace: text) ?? "") != nil }
                || descendants(t, text, "bookmark-start").contains { ReviewAnchor.parse($0.attribute("name", namespace: text) ?? "") != nil }
        }) else {
            throw ReviewReadError(
                kind: .notAPlan,
                message: "\(path): no matrix table with Tequio's cell bookmarks (tqc-…): was the table deleted, or is this a compendium or a comparison? Import the plan's own document")
        }
        var rows: [ReviewedPlan.Row] = []
        var comments: [ReviewedPlan.Comment] = []
        var position = 0
        var state = WalkState(regions: regions)
        for row in matrix.elements where row.name == "table-row" || row.name == "table-rows" {
            for tr in row.name == "table-rows" ? row.elements.filter({ $0.name == "table-row" }) : [row] {
                var reviewed = ReviewedPlan.Row()
                state.anchoredRow = nil
                for cell in tr.elements where cell.name == "table-cell" {
                    var result = ReviewedPlan.Cell()
                    for p in cell.elements where p.name == "p" || p.name == "h" {
                        state.paragraph = ReviewedPlan.Paragraph()
                        state.paragraph.markInserted = false
                        walk(p, &state, comments: &result.comments)
                        if state.insertionOpen { state.paragraph.markInserted = true }
                        result.paragraphs.append(state.paragraph)
                    }
                    reviewed.cells.append(result)
                }
                if let anchored = state.anchoredRow {
                    reviewed.number = anchored
                    position = anchored
                } else {
                    position += 1
                    reviewed.number = position
                }
                rows.append(reviewed)
            }
        }
        for annotation in descendants(content, office, "annotation") where !isInside(annotation, matrix) {
            comments.append(comment(annotation))
        }
        let modified = officeMeta?.elements.first { $0.name == "date" && $0.namespace == dc }?.text
        return ReviewedPlan(draft: Data(draftText.utf8), rows: rows, otherComments: comments, modified: modified)
    }

    struct WalkState {
        let regions: [String: Region]
        var paragraph = ReviewedPlan.Paragraph()
        var insertionOpen = false
        var anchoredRow: Int?
    }

    static func walk(_ element: XMLElement, _ state: inout WalkState, comments: inout [ReviewedPlan.Comment]) {
        for node in element.children {
            switch node {
            case .text(let t): add(t, &state)
            case .element(let e):
                switch e.name {
                case "s": add(String(repeating: " ", count: Int(e.attribute("c", namespace: text) ?? "1") ?? 1), &state)
                case "tab": add("\t", &state)
                case "line-break": add(" ", &state)
                case "change-start":
                    if let id = e.attribute("change-id", namespace: text), let region = state.regions[id], region.insertion {
                        state.insertionOpen = true
                        credit(region, &state)
                    }
                case "change-end":
                    if let id = e.attribute("change-id", namespace: text), state.regions[id]?.insertion == true { state.insertionOpen = false }
                case "change":
                    if let id = e.attribute("change-id", namespace: text), let region = state.regions[id], !region.insertion {
                        credit(region, &state)
                        // Rejected, a deletion's text comes back, paragraph breaks included (the paragraph
                        // then reads as several lines of the cell).
                        state.paragraph.original += region.deleted
                    }
                case "bookmark", "bookmark-start":
                    if let (row, _) = ReviewAnchor.parse(e.attribute("name", namespace: text) ?? "") { state.anchoredRow = state.anchoredRow ?? row }
                case "annotation": comments.append(comment(e))
                case "annotation-end", "tracked-changes", "note", "bookmark-end", "soft-page-break": continue
                default: walk(e, &state, comments: &comments)
                }
            }
        }
    }

    static func credit(_ region: Region, _ state: inout WalkState) {
        guard state.paragraph.changeAuthor == nil else { return }
        state.paragraph.changeAuthor = region.author
        state.paragraph.changeDate = region.date
    }

    static func add(_ t: String, _ state: inout WalkState) {
        state.paragraph.current += t
        if !state.insertionOpen { state.paragraph.original += t }
    }

    static func comment(_ annotation: XMLElement) -> ReviewedPlan.Comment {
        ReviewedPlan.Comment(
            author: annotation.elements.first { $0.name == "creator" }?.text ?? "",
            date: annotation.elements.first { $0.name == "date" }?.text ?? "",
            text: annotation.elements.filter { $0.name == "p" }.map { plain($0) }.joined(separator: "\n")
                .trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// A paragraph's text, spaces and tabs written out.
    static func plain(_ element: XMLElement) -> String {
        var result = ""
        for node in element.children {
            switch node {
            case .text(let t): result += t
            case .element(let e):
                switch e.name {
                case "s": result += String(repeating: " ", count: Int(e.attribute("c", namespace: text) ?? "1") ?? 1)
                case "tab": result += "\t"
                case "line-break": result += " "
                case "annotation", "note", "change", "change-start", "change-end": continue
                default: result += plain(e)
                }
            }
        }
        return result
    }

    static func descendants(_ element: XMLElement, _ namespace: String, _ name: String) -> [XMLElement] {
        var result: [XMLElement] = []
        for child in element.elements {
            if child.name == name && child.namespace == namespace { result.append(child) }
            result += descendants(child, namespace, name)
        }
        return result
    }

    static func isInside(_ element: XMLElement, _ container: XMLElement) -> Bool {
        descendants(container, office, "annotation").contains { $0 === element }
    }
}
