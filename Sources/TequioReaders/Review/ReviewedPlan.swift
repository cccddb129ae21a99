import Foundation
import TequioModel

/// What a reviewed DOCX or ODT plan says, read back: the draft it was made from, and for each row of
/// its matrix the cells' text with the reviewer's pending changes both accepted and rejected, and the
/// reviewer's comments. `ReviewImport` makes the next draft from it.
public struct ReviewedPlan: Sendable {
    public struct Comment: Sendable, Equatable {
        public var author: String
        public var date: String
        public var text: String
    }

    /// One paragraph of a cell: its text with the changes accepted and rejected, and whether its
    /// paragraph mark was inserted or deleted (a paragraph added or removed, or two joined).
    public struct Paragraph: Sendable, Equatable {
        public var current = ""
        public var original = ""
        public var markInserted = false
        public var markDeleted = false
        public var hasChanges: Bool { current != original || markInserted || markDeleted }
    }

    public struct Cell: Sendable, Equatable {
        public var paragraphs: [Paragraph] = []
        public var comments: [Comment] = []

        /// The cell's text with every change accepted: a deleted paragraph mark joins the paragraph
        /// to the next.
        public var current: String { Self.join(paragraphs.map { ($0.current, $0.markDeleted) }) }
        /// The cell's text with every change rejected: an inserted paragraph mark joins it to the next.
        public var original: String { Self.join(paragraphs.map { ($0.original, $0.markInserted) }) }
        public var hasChanges: Bool { paragraphs.contains(where: \.hasChanges) }

        static func join(_ parts: [(text: String, joinsNext: Bool)]) -> String {
            var result = ""
            for (i, part) in parts.enumerated() {
                result += part.text
                if i < parts.count - 1, !part.joinsNext { result += "\n" }
            }
            return result
        }
    }

    public struct Row: Sendable, Equatable {
        /// The base draft's row (1-based, among its non-empty rows); nil for a row the reviewer added.
        public var number: Int?
        public var inserted = false
        public var deleted = false
        /// By column number (1-based), as the matrix shows them.
        public var cells: [Cell] = []
    }

    /// The completed-matrix file the plan was made from, as the document carries it.
    public var draft: Data
    public var rows: [Row]
    /// Comments not inside a matrix cell.
    public var otherComments: [Comment]
    /// When the reviewer last saved (ISO 8601), when the document says.
    public var modified: String?
}

/// Why a DOCX or ODT cannot be read back as a reviewed plan.
public struct ReviewReadError: Error, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A damaged or unsafe zip, or XML that does not parse.
        case damaged
        /// A document that is not a plan written by `tequio assemble`.
        case notAPlan
    }

    public var kind: Kind
    public var message: String
    public var description: String { message }
}
