import TequioModel

/// Public initialisers, for layouts made outside this target (the print kit's handbook, guide, matrix
/// and sign-up sheets).
extension DocumentLayout {
    public init(
        properties: Properties, runningHeader: String, strings: DocumentStrings, blocks: [Block], hasCover: Bool, hasPageReferences: Bool
    ) {
        self.properties = properties
        self.runningHeader = runningHeader
        self.strings = strings
        self.blocks = blocks
        self.hasCover = hasCover
        self.hasPageReferences = hasPageReferences
    }
}

extension DocumentLayout.Properties {
    /// A first draft made on `date`.
    public init(title: String, author: String, subject: String, language: String, keywords: [String], date: Timestamp?) {
        self.title = title
        self.subject = subject
        self.author = author
        self.language = language
        self.keywords = keywords
        self.description = subject
        self.created = date
        self.modified = date
        self.revision = 1
    }
}

extension DocumentLayout.Table {
    public init(
        kind: Kind, caption: String, header: [String], weights: [Double], rows: [[[LayoutText]]], numericColumns: Set<Int> = [],
        rowHeights: [Double] = []
    ) {
        self.kind = kind
        self.caption = caption
        self.header = header
        self.weights = weights
        self.rows = rows
        self.footer = nil
        self.numericColumns = numericColumns
        self.rowHeights = rowHeights
    }
}

extension DocumentLayout.ContentsEntry {
    public init(_ text: String, anchor: String) {
        self.text = text
        self.anchor = anchor
    }
}
