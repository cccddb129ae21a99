import Foundation
import TequioModel

/// What `OdtBody` works out before and between blocks: the state carried from one block to the next
/// and the column widths of every table.
extension OdtBody {
    /// What the writer must remember from one block to the next (see `DocxBody.State`).
    struct State: Equatable, Sendable {
        var pending: Pending?
        var orientation: DocumentLayout.Orientation = .portrait
        var tableCount = 0
        /// Change regions marked so far (`OdtChanges`; a document with changes is written in one pass).
        var changes = 0
        /// An inserted paragraph mark's region, ended at the start of the next paragraph.
        var openInsertion: String?

        /// The state after `block`, exactly as rendering it would leave it.
        mutating func advance(_ block: DocumentLayout.Block, hasLogo: Bool) {
            switch block {
            case .logo: if hasLogo { pending = nil }
            case .kicker, .title, .subtitle, .coverText, .field, .minorHeading, .groupLabel, .member, .heading, .paragraph, .list, .figure:
                pending = nil
            case .table:
                pending = nil
                tableCount += 1
            case .chart: pending = nil
            case .contents(let entries): if !entries.isEmpty { pending = nil }
            case .drawing(let d): if !d.text.isEmpty { pending = nil }
            case .pageBreak: if pending == nil { pending = .pageBreak }
            case .orientation(let o):
                if o != orientation || pending == nil || pending == .pageBreak {
                    pending = o == .landscape ? .landscape : .portrait
                }
                orientation = o
            }
        }
    }

    /// Column widths of every table, found in a first pass and shared between tables of the same shape.
    struct TablePlan: Sendable {
        var columnStyles: [(name: String, width: Int)] = []
        /// Per table, in order: its column style names.
        var tableColumns: [[String]] = []

        init(_ layout: DocumentLayout, branding: Branding) {
            var o = DocumentLayout.Orientation.portrait
            var known: [Int: Int] = [:]
            for block in layout.blocks {
                switch block {
                case .orientation(let new): o = new
                case .table(let t):
                    let width = PageGeometry.make(branding.paper, o).textWidth
                    var names: [String] = []
                    for cw in PageGeometry.widths(t.columnWeights(total: width, branding: branding), total: width) {
                        if let i = known[cw] {
                            names.append(columnStyles[i].name)
                        } else {
                            known[cw] = columnStyles.count
                            columnStyles.append(("col\(columnStyles.count + 1)", cw))
                            names.append(columnStyles[columnStyles.count - 1].name)
                        }
                    }
                    tableColumns.append(names)
                default: break
                }
            }
        }
    }
}
