import Foundation
import TequioModel
import XMLSupport

/// Tracked changes in `content.xml`, as LibreOffice writes them: a `text:tracked-changes` list at the
/// top of the text with one `text:changed-region` per change (who and when in `office:change-info`,
/// and a deletion's text), and marks in the body where each change is: `text:change-start` /
/// `text:change-end` around inserted text, `text:change` where deleted text was.
///
/// The list comes before the body, so the regions are collected in a first pass over the blocks, in
/// the order the body writes their marks (`OdtChanges.collect`); the body then takes ids in turn.
/// ODF has no region for a table row, so an added or removed row shows through its cells' text; a run
/// inserted by one draft and deleted by a later one is in neither the oldest nor the newest text and is
/// left out.
struct OdtChanges: Sendable {
    enum Kind: Sendable, Equatable {
        case insertion
        /// Deleted text, or `nil` for a deleted paragraph mark (two empty paragraphs: a paragraph break).
        case deletion(String?)
    }

    struct Region: Sendable, Equatable {
        var kind: Kind
        var change: LayoutText.Change
    }

    private(set) var regions: [Region] = []

    static func collect(_ layout: DocumentLayout) -> OdtChanges {
        var changes = OdtChanges()
        for block in layout.blocks {
            for text in texts(of: block) { changes.add(text) }
        }
        return changes
    }

    /// The texts of a block that can hold changes, in the order `OdtBody` writes them.
    static func texts(of block: DocumentLayout.Block) -> [LayoutText] {
        switch block {
        case .subtitle(let t), .groupLabel(let t), .paragraph(let t), .heading(_, let t, _), .field(_, let t): return [t]
        case .member(let name, let role): return [name] + (role.map { [dash($0), $0] } ?? [])
        case .list(_, let items): return items
        case .table(let table): return (table.lead.map { [$0] } ?? []) + table.rows.flatMap { $0.flatMap { $0 } }
        default: return []
        }
    }

    /// The dash before a member's role, changed with the role when the role came or went as a whole.
    static func dash(_ role: LayoutText) -> LayoutText {
        LayoutText(runs: [.init(" — ", marks: DocxBody.memberDashMarks(role) ?? .init())])
    }

    private mutating func add(_ text: LayoutText) {
        for run in text.runs {
            switch (run.marks.inserted, run.marks.deleted) {
            case (let inserted?, nil): regions.append(Region(kind: .insertion, change: inserted))
            case (nil, let deleted?): regions.append(Region(kind: .deletion(run.text), change: deleted))
            default: break
            }
        }
        if let inserted = text.paragraphMark.inserted { regions.append(Region(kind: .insertion, change: inserted)) }
        if let deleted = text.paragraphMark.deleted { regions.append(Region(kind: .deletion(nil), change: deleted)) }
    }

    static func id(_ index: Int) -> String { "ct\(index + 1)" }

    /// `text:tracked-changes`, written first in `office:text`.
    func write(_ w: XMLWriter) {
        guard !regions.isEmpty else { return }
        w.start("text:tracked-changes", ["text:track-changes": "false"])
        for (i, region) in regions.enumerated() {
            w.start("text:changed-region", ["xml:id": Self.id(i), "text:id": Self.id(i)])
            switch region.kind {
            case .insertion:
                w.start("text:insertion")
                info(region.change, w)
                w.end()
            case .deletion(let text):
                w.start("text:deletion")
                info(region.change, w)
                if let text {
                    w.start("text:p")
                    OdtBody.content(text, w)
                    w.end()
                } else {
                    w.element("text:p")
                    w.element("text:p")
                }
                w.end()
            }
            w.end()
        }
        w.end()
    }

    private func info(_ c: LayoutText.Change, _ w: XMLWriter) {
        w.start("office:change-info")
        w.element("dc:creator", text: c.author)
        w.element("dc:date", text: (c.date ?? Timestamp(secondsSince1970: 0)).iso)
        w.end()
    }
}
