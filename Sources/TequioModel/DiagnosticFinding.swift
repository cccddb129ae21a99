/// A result of the diagnostic phase: a survey, a focus group or an analytical study.
public struct DiagnosticFinding: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Equatable, Codable { case survey, focusGroup = "focus-group", study }

    public var id: String
    public var kind: Kind
    public var title: LocalizedText
    public var summary: LocalizedRichText
    public var dataset: Dataset?
    public var charts: [Chart]
    public var quotes: [Quote]
    public var source: LocalizedText?

    public init(
        id: String, kind: Kind, title: LocalizedText, summary: LocalizedRichText, dataset: Dataset? = nil,
        charts: [Chart] = [], quotes: [Quote] = [], source: LocalizedText? = nil
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.summary = summary
        self.dataset = dataset
        self.charts = charts
        self.quotes = quotes
        self.source = source
    }
}

/// Tabular data read from a CSV file, with the columns the module declares.
public struct Dataset: Sendable, Equatable, Codable {
    public struct Column: Sendable, Equatable, Codable {
        public enum Kind: String, Sendable, Equatable, Codable { case text, number }
        /// A text cell's words in each language (`<value text="Istmo">` with a label per language): the
        /// CSV holds one language's words, and a piece in another shows the value's label.
        public struct Value: Sendable, Equatable, Codable {
            public var text: String
            public var label: LocalizedText
            public init(text: String, label: LocalizedText) {
                self.text = text
                self.label = label
            }
        }

        public var id: String
        public var type: Kind
        public var label: LocalizedText
        public var values: [Value]
        public init(id: String, type: Kind, label: LocalizedText, values: [Value] = []) {
            self.id = id
            self.type = type
            self.label = label
            self.values = values
        }

        /// `cell` in `language`: its value's label when the column gives one, else as the CSV writes it.
        public func shown(_ cell: String, language: String, fallbacks: [String]) -> String {
            values.first { $0.text == cell }?.label.resolved(language, fallbacks: fallbacks) ?? cell
        }
    }

    public var src: String
    public var columns: [Column]
    /// Cells as written in the file, one array per data row.
    public var rows: [[String]]

    public init(src: String, columns: [Column], rows: [[String]] = []) {
        self.src = src
        self.columns = columns
        self.rows = rows
    }

    public func columnIndex(_ id: String) -> Int? { columns.firstIndex { $0.id == id } }

    /// The cells in `language` (`Column.shown`), a row each.
    public func rows(in language: String, fallbacks: [String]) -> [[String]] {
        rows.map { row in row.enumerated().map { i, cell in columns.indices.contains(i) ? columns[i].shown(cell, language: language, fallbacks: fallbacks) : cell } }
    }
}

public struct Chart: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Equatable, Codable {
        case bar, stackedBar = "stacked-bar", line, pie
    }
    public var type: Kind
    public var category: String
    public var values: [String]
    public var title: LocalizedText
    public var description: LocalizedText?
    public init(type: Kind, category: String, values: [String], title: LocalizedText, description: LocalizedText? = nil) {
        self.type = type
        self.category = category
        self.values = values
        self.title = title
        self.description = description
    }
}

public struct Quote: Sendable, Equatable, Codable {
    public var text: LocalizedText
    public var attribution: LocalizedText?
    public init(text: LocalizedText, attribution: LocalizedText? = nil) {
        self.text = text
        self.attribution = attribution
    }
}
