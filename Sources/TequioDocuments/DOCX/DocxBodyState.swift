import Foundation
import TequioModel

extension DocxBody {
    /// What the writer must remember from one block to the next.
    struct State: Equatable {
        /// Numbered lists written so far; list n uses `w:numId` n + 1 (`1` is the shared bullet list).
        var numberedLists = 0
        var bookmarks = 0
        /// Figures written so far: each numbers its drawing's ids from its own block (`DocxBody+Figure.swift`).
        var charts = 0
        /// Tracked changes written so far (`DocxBody+Revisions.swift`).
        var revisions = 0
        var pendingPageBreak = false
        var orientation: DocumentLayout.Orientation = .portrait
        var sectionIndex = 0
        var sectionHasContent = false

        /// The state after `block`, exactly as rendering it would leave it.
        mutating func advance(_ block: DocumentLayout.Block, hasLogo: Bool) {
            revisions += DocxBody.changeCount(block)
            func content() {
                sectionHasContent = true
                pendingPageBreak = false
            }
            switch block {
            case .logo: if hasLogo { content() }
            case .kicker, .title, .subtitle, .coverText, .field, .minorHeading, .groupLabel, .member, .paragraph:
                content()
            case .table(let table):
                bookmarks += table.cellAnchors.reduce(0) { $0 + $1.count }
                content()
            case .heading(_, _, let anchor):
                if anchor != nil { bookmarks += 1 }
                content()
            case .list(let kind, let items):
                if kind == .numbered { numberedLists += 1 }
                if !items.isEmpty { content() }
            case .chart, .figure:
                charts += 1
                content()
            case .contents(let entries): if !entries.isEmpty { content() }
            case .drawing(let d): if !d.text.isEmpty { content() }
            case .pageBreak: pendingPageBreak = true
            case .orientation(let o):
                if sectionHasContent {
                    sectionIndex += 1
                    sectionHasContent = false
                }
                orientation = o
                pendingPageBreak = false
            }
        }
    }
}
