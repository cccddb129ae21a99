import Foundation
import TequioModel
import XMLSupport

/// Tracked changes in `word/document.xml`, as Word writes them: inserted runs in `w:ins`, deleted ones
/// in `w:del` with `w:delText` (a run inserted by one draft and deleted by a later one nests the
/// deletion inside the insertion), paragraph-mark changes in the paragraph's `w:rPr`, and added or
/// removed table rows in `w:trPr`. Every change has a document-wide unique `w:id`, counted after the
/// bookmarks so the two never meet.
extension DocxBody {
    /// A paragraph's text: runs with their changes.
    func text(_ t: LayoutText, style: String? = nil, bold: Bool = false) {
        for r in t.runs {
            if let inserted = r.marks.inserted { change("w:ins", inserted) }
            if let deleted = r.marks.deleted { change("w:del", deleted) }
            run(r.text, style: style, bold: bold || r.strong, deleted: r.marks.deleted != nil)
            if r.marks.deleted != nil { w.end() }
            if r.marks.inserted != nil { w.end() }
        }
    }

    /// The changes to a paragraph's mark or a table row, as empty `w:ins` / `w:del` elements (inside
    /// `w:pPr/w:rPr` or `w:trPr`, which the caller has opened).
    func markChanges(_ marks: LayoutText.Marks) {
        if let inserted = marks.inserted { change("w:ins", inserted, empty: true) }
        if let deleted = marks.deleted { change("w:del", deleted, empty: true) }
    }

    private func change(_ name: String, _ c: LayoutText.Change, empty: Bool = false) {
        s.revisions += 1
        let attributes: KeyValuePairs<String, String?> = [
            "w:id": String(revisionBase + s.revisions), "w:author": c.author, "w:date": c.date?.iso,
        ]
        if empty { w.element(name, attributes) } else { w.start(name, attributes) }
    }

    /// Changes a block writes, so that a chunk of a long document starts counting where the one before
    /// it stopped (`State.advance`).
    static func changeCount(_ block: DocumentLayout.Block) -> Int {
        func count(_ t: LayoutText) -> Int {
            t.runs.reduce(0) { $0 + ($1.marks.inserted != nil ? 1 : 0) + ($1.marks.deleted != nil ? 1 : 0) }
                + (t.paragraphMark.inserted != nil ? 1 : 0) + (t.paragraphMark.deleted != nil ? 1 : 0)
        }
        switch block {
        case .subtitle(let t), .groupLabel(let t), .paragraph(let t), .heading(_, let t, _), .field(_, let t): return count(t)
        case .member(let name, let role):
            let dash = role.flatMap(memberDashMarks).map { ($0.inserted != nil ? 1 : 0) + ($0.deleted != nil ? 1 : 0) } ?? 0
            return count(name) + (role.map(count) ?? 0) + dash
        case .list(_, let items): return items.reduce(0) { $0 + count($1) }
        case .table(let table):
            let rows = table.rowMarks.reduce(0) { $0 + ($1.inserted != nil ? 1 : 0) + ($1.deleted != nil ? 1 : 0) }
            return rows + (table.lead.map(count) ?? 0) + table.rows.reduce(0) { $0 + $1.reduce(0) { $0 + $1.reduce(0) { $0 + count($1) } } }
        default: return 0
        }
    }

    /// The changes of the dash before a member's role: those of the whole role when it was added or
    /// removed as a whole.
    static func memberDashMarks(_ role: LayoutText) -> LayoutText.Marks? {
        guard let first = role.runs.first?.marks, !first.isEmpty, role.runs.allSatisfy({ $0.marks == first }) else { return nil }
        return first
    }
}
