/// Several drafts of one table's matrix compared, oldest first: the newest draft's content with every
/// change since the oldest, each change marked with the step that made it.
///
/// Step `k` is draft `k` → draft `k + 1` (1-based); `drafts[k]` is the draft the step made, whose table,
/// time and number the writers give the change. The comparison is made on the model: rows by what they
/// say (`RecordMatching`), cells by column, text word by word (`RevisedText`), and the members and the
/// table's name and municipality the same way.
public struct MatrixComparison: Sendable, Equatable {
    /// What one step changed, for the summary at the top of a comparison.
    public struct StepSummary: Sendable, Equatable {
        public var step: Int
        public var rows: RevisedRecords.StepCounts
        public var members: RevisedRecords.StepCounts
        /// The table's name or municipality changed.
        public var detailsChanged: Bool
        public var wordsInserted: Int { rows.wordsInserted + members.wordsInserted + detailWordsInserted }
        public var wordsDeleted: Int { rows.wordsDeleted + members.wordsDeleted + detailWordsDeleted }
        var detailWordsInserted = 0, detailWordsDeleted = 0
    }

    /// Member fields; the sector changes as a whole value.
    public static let memberFields = ["name", "sector", "role"]

    public let drafts: [CompletedMatrix]
    /// The matrix's column ids, in order.
    public let columns: [String]
    public private(set) var tableName: RevisedText
    public private(set) var municipality: RevisedText
    public private(set) var members: RevisedRecords
    public private(set) var rows: RevisedRecords
    public private(set) var summaries: [StepSummary] = []

    /// - Precondition: at least one draft; the caller has checked they are drafts of one matrix and put
    ///   them in order.
    public init(drafts: [CompletedMatrix], columns: [String]) {
        precondition(!drafts.isEmpty)
        self.drafts = drafts
        self.columns = columns
        let first = drafts[0]
        tableName = RevisedText(first.tableName)
        municipality = RevisedText(first.municipality)
        members = RevisedRecords(first.members.map(Self.fields), fields: Self.memberFields, wholeFields: ["sector"])
        rows = RevisedRecords(Self.rowValues(first, columns), fields: columns)
        for (offset, draft) in drafts.dropFirst().enumerated() {
            let step = offset + 1
            var summary = StepSummary(step: step, rows: .init(), members: .init(), detailsChanged: false)
            for path in [\MatrixComparison.tableName, \MatrixComparison.municipality] {
                let newText = path == \MatrixComparison.tableName ? draft.tableName : draft.municipality
                guard self[keyPath: path].current != newText else { continue }
                self[keyPath: path].revise(to: newText, step: step)
                let words = self[keyPath: path].wordCounts(step: step)
                summary.detailsChanged = true
                summary.detailWordsInserted += words.inserted
                summary.detailWordsDeleted += words.deleted
            }
            summary.members = members.revise(to: draft.members.map(Self.fields), step: step)
            summary.rows = rows.revise(to: Self.rowValues(draft, columns), step: step)
            summaries.append(summary)
        }
    }

    public var oldest: CompletedMatrix { drafts[0] }
    public var newest: CompletedMatrix { drafts[drafts.count - 1] }
    /// The draft a step made: its author and time go with the step's changes.
    public func draft(madeBy step: Int) -> CompletedMatrix { drafts[step] }

    static func fields(_ member: CompletedMatrix.Member) -> [String: String] {
        ["name": member.name, "sector": member.sector.rawValue, "role": member.role ?? ""]
    }

    /// The rows a plan shows: the non-empty ones, cells by column.
    static func rowValues(_ matrix: CompletedMatrix, _ columns: [String]) -> [[String: String]] {
        matrix.rows.filter { !$0.isEmpty }.map { row in Dictionary(uniqueKeysWithValues: columns.map { ($0, row[$0]) }) }
    }
}
