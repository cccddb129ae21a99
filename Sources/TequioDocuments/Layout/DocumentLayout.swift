import Foundation
import TequioModel

/// A document as a list of blocks, independent of format: what `PlanLayout` decides once and each writer
/// (DOCX, ODT, HTML, Markdown) renders, as pandoc's writers render one AST.
public struct DocumentLayout: Sendable, Equatable {
    public struct Properties: Sendable, Equatable {
        public var title: String
        public var subject: String
        public var author: String
        public var language: String
        public var keywords: [String]
        public var description: String
        public var created: Timestamp?
        public var modified: Timestamp?
        /// The draft number (DOCX `cp:revision`, ODT `meta:editing-cycles`).
        public var revision: Int
    }

    public enum Orientation: Sendable, Equatable { case portrait, landscape }

    public enum ListKind: Sendable, Equatable { case numbered, bullets }

    public struct Table: Sendable, Equatable {
        /// `signatures`: rows at least `signatureRowHeight` tall, room to sign by hand.
        public enum Kind: Sendable, Equatable { case matrix, summary, signatures }
        /// The least height of a signature table's row, in points (about 1.4 cm).
        public static let signatureRowHeight = 40.0
        public var kind: Kind
        /// A short name for the table (accessibility caption, ODT table name).
        public var caption: String
        public var header: [String]
        /// Relative column widths.
        public var weights: [Double]
        /// Per row, per cell: the cell's paragraphs.
        public var rows: [[[LayoutText]]]
        /// Per row, whether the row was added or removed (empty when nothing changed).
        public var rowMarks: [LayoutText.Marks] = []
        /// Per row, per cell: a name that finds the cell again when a reviewed document comes back
        /// (`tqc-<row>-<column>`, both 1-based; empty when the table is not a plan's matrix).
        public var cellAnchors: [[String]] = []
        /// A closing row (totals), not repeated.
        public var footer: [String]?
        /// Columns whose cells are numbers (right-aligned).
        public var numericColumns: Set<Int>
        /// Per row, the least height in points of a row to write in by hand (a printed form); empty
        /// when every row is as tall as its text. The PDF draws it; other formats size rows to their text.
        public var rowHeights: [Double] = []
        /// A paragraph printed just above the table and kept on the table's first page (the sentence
        /// the people in a signature table sign).
        public var lead: LayoutText? = nil
    }

    public struct ContentsEntry: Sendable, Equatable {
        public var text: String
        public var anchor: String
    }

    public enum Block: Sendable, Equatable {
        case logo
        /// The program name, above the title.
        case kicker(String)
        case title(String)
        case subtitle(LayoutText)
        /// A line of the cover under the subtitle (the module title, the number of plans).
        case coverText(String)
        /// `Municipio: Santa Lucía del Camino`
        case field(label: String, value: LayoutText)
        /// A heading that is not part of the outline ("Integrantes de la mesa", "Contenido").
        case minorHeading(String)
        /// A sector's name above its members.
        case groupLabel(LayoutText)
        case member(name: LayoutText, role: LayoutText?)
        /// A heading of the outline, level 1–3, with an anchor for the contents when it has one.
        case heading(level: Int, text: LayoutText, anchor: String?)
        case paragraph(LayoutText)
        case list(ListKind, [LayoutText])
        case table(Table)
        /// A chart of totals and their spread, drawn as a `Figure` as wide as each format's text
        /// (`ChartGeometry`); Markdown lists its bars in words.
        case chart(SpreadChart)
        case contents([ContentsEntry])
        /// A chart, a picture or lines to write on (`Drawing`).
        case drawing(Drawing)
        /// What follows starts on a new page.
        case pageBreak
        /// What follows starts on a new page in this orientation (a new section).
        case orientation(Orientation)
        /// A progress report's picture (a bar, a timeline), drawn as it is in every format but Markdown,
        /// which gives its description.
        case figure(Figure)
    }

    /// The words a reader of tracked changes needs, in the document's language: set when the layout
    /// shows changes between drafts.
    public struct ChangeWords: Sendable, Equatable {
        public var inserted: String
        public var deleted: String
        public init(inserted: String, deleted: String) {
            self.inserted = inserted
            self.deleted = deleted
        }
    }

    public var properties: Properties
    /// The running header of every page but the cover.
    public var runningHeader: String
    public var strings: DocumentStrings
    public var blocks: [Block]
    /// The first page is a cover without header and footer.
    public var hasCover: Bool
    /// The document has page references (its contents) that a word processor should update on open.
    public var hasPageReferences: Bool
    public var changeWords: ChangeWords? = nil
    /// The completed-matrix file the plan was made from, carried inside the DOCX (a custom XML part)
    /// and the ODT (a user-defined property) so that `tequio import` can make the next draft from a
    /// reviewed copy.
    public var draft: Data? = nil

    /// Whether a block is drawn as vector shapes (a chart or a figure).
    public var hasFigures: Bool {
        blocks.contains {
            switch $0 {
            case .chart, .figure: true
            default: false
            }
        }
    }
}
