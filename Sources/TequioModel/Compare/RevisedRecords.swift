/// A list of records (the rows of a matrix, the members of a table) with their history across drafts:
/// which were added, removed, moved and how each field changed, step by step.
///
/// The list holds every record that was ever there, in reading order: removed ones stay where they
/// were, marked deleted, and a moved record leaves a deleted copy where it was and an inserted one
/// where it went, both marked as a move (Word's "moved from" and "moved to"). Accepting every change
/// gives the newest draft's list; rejecting every change gives the oldest's.
public struct RevisedRecords: Sendable, Equatable {
    public struct Record: Sendable, Equatable {
        public var fields: [String: RevisedText]
        public var inserted: Revision?
        public var deleted: Revision?

        public subscript(field: String) -> RevisedText { fields[field] ?? RevisedText("") }
        public var isVisible: Bool { deleted == nil }
        public var isOriginal: Bool { inserted == nil }
        /// Some field of the record changed (beyond being added, removed or moved).
        public var hasTextChanges: Bool {
            fields.values.contains { text in
                text.segments.contains { ($0.inserted.map { !$0.isMove } ?? false) || ($0.deleted.map { !$0.isMove } ?? false) }
            }
        }
    }

    /// What one step did to the list.
    public struct StepCounts: Sendable, Equatable {
        public var changed = 0, added = 0, removed = 0, moved = 0
        public var wordsInserted = 0, wordsDeleted = 0
        public var isEmpty: Bool { changed + added + removed + moved == 0 }
        public init() {}
    }

    public let fieldNames: [String]
    /// The fields records are matched on (the others are derived from them).
    public let matchFields: [String]
    public private(set) var records: [Record]

    /// The oldest draft's records, with no history yet.
    public init(_ values: [[String: String]], fields: [String], matchFields: [String]? = nil) {
        fieldNames = fields
        self.matchFields = matchFields ?? fields
        records = values.map { value in
            Record(fields: Dictionary(uniqueKeysWithValues: fields.map { ($0, RevisedText(value[$0] ?? "")) }))
        }
    }

    public var current: [[String: String]] { records.filter(\.isVisible).map { record in record.fields.mapValues(\.current) } }
    public var original: [[String: String]] { records.filter(\.isOriginal).map { record in record.fields.mapValues(\.original) } }

    /// Records the change from the current list to `values` as made by `step`; returns what it did.
    @discardableResult
    public mutating func revise(to values: [[String: String]], step: Int) -> StepCounts {
        let visible = records.indices.filter { records[$0].isVisible }
        let matches = RecordMatching.match(
            old: visible.map { i in matchFields.map { records[i][$0].current } },
            new: values.map { value in matchFields.map { value[$0] ?? "" } })
        var counts = StepCounts()
        var matchOfOld: [Int: RecordMatching.Match] = [:]
        var matchOfNew: [Int: RecordMatching.Match] = [:]
        for m in matches {
            matchOfOld[m.old] = m
            matchOfNew[m.new] = m
        }
        // The new version of each matched or added record, by its index in `values`.
        var arriving: [Int: Record] = [:]
        for (j, value) in values.enumerated() {
            if let m = matchOfNew[j] {
                var record = records[visible[m.old]]
                if m.isMove {
                    record.fields = record.fields.mapValues { $0.currentOnly(insertedBy: step, isMove: true) }
                    record.inserted = Revision(step: step, isMove: true)
                    counts.moved += 1
                }
                if matchFields.contains(where: { record[$0].current != value[$0] ?? "" }) { counts.changed += 1 }
                reviseFields(&record, to: value, step: step)
                arriving[j] = record
            } else {
                var record = Record(fields: [:], inserted: Revision(step: step))
                for field in fieldNames {
                    record.fields[field] = RevisedText("").revised(to: value[field] ?? "", step: step)
                }
                arriving[j] = record
                counts.added += 1
            }
        }
        // Walk the old list; a record that stays in place anchors the new ones that come before it.
        var result: [Record] = []
        var nextNew = 0
        func arrive(before limit: Int) {
            while nextNew < limit {
                result.append(arriving[nextNew]!)
                nextNew += 1
            }
        }
        var visiblePosition = 0
        for record in records {
            guard record.isVisible else {
                result.append(record)
                continue
            }
            defer { visiblePosition += 1 }
            if let m = matchOfOld[visiblePosition], !m.isMove {
                arrive(before: m.new)
                result.append(arriving[m.new]!)
                nextNew = m.new + 1
            } else {
                var gone = record
                let isMove = matchOfOld[visiblePosition] != nil
                gone.fields = gone.fields.mapValues { var t = $0; t.deleteAll(step: step, isMove: isMove); return t }
                gone.deleted = Revision(step: step, isMove: isMove)
                result.append(gone)
                if !isMove { counts.removed += 1 }
            }
        }
        arrive(before: values.count)
        records = result
        for record in records {
            for text in matchFields.map({ record[$0] }) {
                let words = text.wordCounts(step: step)
                counts.wordsInserted += words.inserted
                counts.wordsDeleted += words.deleted
            }
        }
        return counts
    }

    private func reviseFields(_ record: inout Record, to value: [String: String], step: Int) {
        for field in fieldNames {
            let newText = value[field] ?? ""
            var text = record[field]
            text.revise(to: newText, step: step)
            record.fields[field] = text
        }
    }
}

extension RevisedText {
    /// This text revised to `newText` by `step`.
    public func revised(to newText: String, step: Int) -> RevisedText {
        var copy = self
        copy.revise(to: newText, step: step)
        return copy
    }
}
