/// A reform matrix as a working table filled it in: exported by the player, imported from a
/// spreadsheet, read back for checking and for assembling action plans.
///
/// On disk it is the completed-matrix XML format (`schemas/tequio-completed-matrix-1.rng`).
public struct CompletedMatrix: Sendable, Equatable, Codable {
    public enum Sector: String, Sendable, Equatable, Codable, CaseIterable {
        case government
        case civilSociety = "civil-society"
        case privateSector = "private-sector"
        case other
    }

    public struct Member: Sendable, Equatable, Codable {
        public var name: String
        public var sector: Sector
        public var role: String?
        public init(name: String, sector: Sector, role: String? = nil) {
            self.name = name
            self.sector = sector
            self.role = role
        }
    }

    /// Another text for a cell, from one member's copy, kept beside the cell's text when a merge found
    /// two different texts for it: the table chooses (`tequio merge`, the player).
    public struct Alternative: Sendable, Equatable, Codable {
        /// The file the text came from.
        public var source: String
        public var text: String
        public init(source: String, text: String) {
            self.source = source
            self.text = text
        }
    }

    /// A reviewer's note on a cell, kept with the matrix so the table sees it in the next draft: a
    /// comment, or a change the reviewer suggested that was not applied (`tequio import` of a reviewed
    /// DOCX or ODT).
    public struct ReviewNote: Sendable, Equatable, Codable {
        public enum Kind: String, Sendable, Equatable, Codable {
            case comment
            /// The text is the cell as the reviewer would have it.
            case suggestion
        }

        public enum Status: String, Sendable, Equatable, Codable {
            case open
            /// The table marked it as dealt with.
            case addressed
        }

        public var column: String
        public var kind: Kind
        public var author: String
        /// ISO 8601, or empty when the reviewer's program gave none.
        public var date: String
        public var status: Status
        public var text: String

        public init(column: String, kind: Kind, author: String, date: String = "", status: Status = .open, text: String) {
            self.column = column
            self.kind = kind
            self.author = author
            self.date = date
            self.status = status
            self.text = text
        }
    }

    /// One row of the matrix: cell text by column id. Missing columns are empty.
    public struct Row: Sendable, Equatable, Codable {
        /// The most characters a row's title may have (`matrix.too-long`).
        public static let maxTitleLength = 150

        public var cells: [String: String]
        /// A short title the table gave the row's problem ("Calendario de tandeo"): the problem's heading
        /// in the documents. Nil or blank when the table gave none.
        public var title: String?
        /// Unresolved merge conflicts: by column, the other texts for the cell.
        public var alternatives: [String: [Alternative]]
        /// Reviewers' comments and suggestions on the row's cells, in order.
        public var reviewNotes: [ReviewNote]
        public init(
            cells: [String: String], title: String? = nil, alternatives: [String: [Alternative]] = [:], reviewNotes: [ReviewNote] = []
        ) {
            self.cells = cells
            self.title = title
            self.alternatives = alternatives
            self.reviewNotes = reviewNotes
        }
        public subscript(column: String) -> String { cells[column] ?? "" }
        /// The title on one line, its white space collapsed; empty when the row has none.
        public var titleText: String { (title ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        public var isEmpty: Bool { cells.values.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
    }

    /// A participant's note on a case study's discussion question.
    public struct Note: Sendable, Equatable, Codable {
        public var question: String
        public var text: String
        public init(question: String, text: String) {
            self.question = question
            self.text = text
        }
    }

    public var moduleID: String
    public var moduleVersion: String
    public var matrixID: String
    public var language: String
    public var draft: Int
    /// ISO 8601 timestamps (UTC), as written by the player or the importer.
    public var created: String
    public var modified: String
    public var tableName: String
    public var municipality: String
    public var members: [Member]
    public var rows: [Row]
    public var notes: [Note]
    /// The files a merge made this one from, in order (empty for a file not made by a merge).
    public var mergedFrom: [String] = []

    public init(
        moduleID: String, moduleVersion: String, matrixID: String, language: String, draft: Int = 1,
        created: String, modified: String, tableName: String, municipality: String = "",
        members: [Member] = [], rows: [Row] = [], notes: [Note] = []
    ) {
        self.moduleID = moduleID
        self.moduleVersion = moduleVersion
        self.matrixID = matrixID
        self.language = language
        self.draft = draft
        self.created = created
        self.modified = modified
        self.tableName = tableName
        self.municipality = municipality
        self.members = members
        self.rows = rows
        self.notes = notes
    }
}
