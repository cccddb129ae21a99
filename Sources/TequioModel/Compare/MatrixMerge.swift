/// Members' copies of one table's matrix merged into one file, with the row matching of comparisons.
///
/// Given the draft every copy started from (the base), the merge is three-way: a cell changed in one
/// copy takes that copy's text; the same new text in several copies is taken once; different new texts
/// for one cell are a conflict, and every text is kept in the cell's `alternatives` (the cell holds the
/// first) for the table to choose. A row one copy removed and another changed is kept. Without a base
/// every difference between copies is a conflict. Rows added in any copy are added once, where their
/// copy put them. Nothing a member wrote is dropped.
public enum MatrixMerge {
    public struct Copy: Sendable {
        /// The file's name, recorded in the result and beside each alternative.
        public var source: String
        public var matrix: CompletedMatrix
        public init(source: String, matrix: CompletedMatrix) {
            self.source = source
            self.matrix = matrix
        }
    }

    public struct Result: Sendable {
        public var merged: CompletedMatrix
        /// Cells with more than one text.
        public var conflicts: Int
        /// What the merge decided that a person should know (a row kept although a copy removed it).
        public var warnings: [String]
    }

    /// - Precondition: at least one copy; the caller has checked that all are the same module's matrix.
    public static func merge(_ copies: [Copy], base: Copy?, columns: [String]) -> Result {
        precondition(!copies.isEmpty)
        var warnings: [String] = []
        let lists = copies.map { ($0.source, nonEmptyRows($0.matrix)) }
        var rows: [CompletedMatrix.Row]
        if let base {
            rows = threeWay(base: nonEmptyRows(base.matrix), copies: lists, columns: columns, warnings: &warnings)
        } else {
            rows = twoWay(lists, columns: columns)
        }
        rows = rows.map(normalised)
        var merged = copies[0].matrix
        let matrices = copies.map(\.matrix)
        merged.draft = matrices.map(\.draft).max()!
        merged.created = matrices.map(\.created).min()!
        merged.modified = matrices.map(\.modified).max()!
        merged.tableName = detail(\.tableName, copies, base, "table name", &warnings)
        merged.municipality = detail(\.municipality, copies, base, "municipality", &warnings)
        merged.members = members(copies, &warnings)
        merged.notes = notes(copies, base)
        merged.rows = rows
        merged.mergedFrom = copies.map(\.source)
        let conflicts = rows.reduce(0) { $0 + $1.alternatives.count }
        return Result(merged: merged, conflicts: conflicts, warnings: warnings)
    }

    static func nonEmptyRows(_ matrix: CompletedMatrix) -> [CompletedMatrix.Row] { matrix.rows.filter { !$0.isEmpty } }

    static func fields(_ row: CompletedMatrix.Row, _ columns: [String]) -> [String] { columns.map { row[$0] } }

    /// Rows matched across copies with no common ancestor: any difference is a conflict.
    static func twoWay(_ lists: [(String, [CompletedMatrix.Row])], columns: [String]) -> [CompletedMatrix.Row] {
        var result: [CompletedMatrix.Row] = []
        var resultSources: [String] = []  // the copy each result row's cell texts came from first
        for (source, rows) in lists {
            let matches = RecordMatching.match(old: result.map { fields($0, columns) }, new: rows.map { fields($0, columns) })
            var matchOfNew: [Int: Int] = [:]
            for m in matches { matchOfNew[m.new] = m.old }
            var insertions: [(after: Int, row: CompletedMatrix.Row)] = []
            var previous = -1
            for (j, row) in rows.enumerated() {
                if let i = matchOfNew[j] {
                    mergeNotes(&result[i], row)
                    for column in columns where result[i][column] != row[column] {
                        addAlternative(&result[i], column, first: resultSources[i], text: row[column], source: source)
                    }
                    previous = i
                } else {
                    insertions.append((previous, row))
                }
            }
            for (offset, insertion) in insertions.enumerated() {
                let at = insertion.after + 1 + insertions[..<offset].filter { $0.after == insertion.after }.count
                let shifted = at + insertions[..<offset].filter { $0.after < insertion.after }.count
                result.insert(insertion.row, at: shifted)
                resultSources.insert(source, at: shifted)
            }
        }
        return result
    }

    /// Rows merged against the draft the copies started from.
    static func threeWay(
        base: [CompletedMatrix.Row], copies: [(String, [CompletedMatrix.Row])], columns: [String], warnings: inout [String]
    ) -> [CompletedMatrix.Row] {
        // Per copy: which of its rows is each base row, and what it added after which base row.
        var versions: [[Int: CompletedMatrix.Row]] = []
        var added: [Int: [(String, [CompletedMatrix.Row])]] = [:]  // by the base row they follow (-1: the top)
        for (source, rows) in copies {
            let matches = RecordMatching.match(old: base.map { fields($0, columns) }, new: rows.map { fields($0, columns) })
            var version: [Int: CompletedMatrix.Row] = [:]
            var baseOfNew: [Int: Int] = [:]
            for m in matches {
                version[m.old] = rows[m.new]
                baseOfNew[m.new] = m.old
            }
            var previous = -1
            var newRows: [Int: [CompletedMatrix.Row]] = [:]
            for (j, row) in rows.enumerated() {
                if let b = baseOfNew[j] { previous = b } else { newRows[previous, default: []].append(row) }
            }
            for (after, rows) in newRows { added[after, default: []].append((source, rows)) }
            versions.append(version)
        }
        // The same new row from two copies that put it in different places is added once, at the
        // first of those places.
        var placed: [[String]] = []
        func newRows(after b: Int) -> [CompletedMatrix.Row] {
            let rows = twoWay(added[b] ?? [], columns: columns).filter { !placed.contains(fields($0, columns)) }
            placed += rows.map { fields($0, columns) }
            return rows
        }
        var result = newRows(after: -1)
        for (b, baseRow) in base.enumerated() {
            let present = copies.indices.compactMap { c in versions[c][b].map { (copies[c].0, $0) } }
            let changed = present.filter { _, row in columns.contains { row[$0] != baseRow[$0] } }
            if present.count < copies.count, changed.isEmpty {
                // Removed in a copy and left alone in the others: removed.
            } else {
                if present.count < copies.count {
                    let removers = copies.indices.filter { versions[$0][b] == nil }.map { copies[$0].0 }
                    warnings.append(
                        "row \(b + 1) of the base was removed in \(removers.joined(separator: ", ")) but changed in \(changed.map(\.0).joined(separator: ", ")): kept")
                }
                var row = baseRow
                for (_, version) in present { mergeNotes(&row, version) }
                // A title changed in a copy: the first copy's new title (titles have no alternatives).
                if let retitled = present.first(where: { $0.1.titleText != baseRow.titleText }) { row.title = retitled.1.title }
                for column in columns {
                    var texts: [(String, String)] = []
                    for (source, version) in present where version[column] != baseRow[column] {
                        if !texts.contains(where: { $0.1 == version[column] }) { texts.append((source, version[column])) }
                    }
                    guard let first = texts.first else { continue }
                    row.cells[column] = first.1
                    for other in texts.dropFirst() {
                        addAlternative(&row, column, first: first.0, text: other.1, source: other.0)
                    }
                }
                result.append(row)
            }
            result += newRows(after: b)
        }
        return result
    }

    /// Reviewers' notes from another copy of a row, once each; a note one copy marked addressed is
    /// addressed.
    static func mergeNotes(_ row: inout CompletedMatrix.Row, _ other: CompletedMatrix.Row) {
        for note in other.reviewNotes {
            var open = note
            open.status = .open
            if let i = row.reviewNotes.firstIndex(where: { var n = $0; n.status = .open; return n == open }) {
                if note.status == .addressed { row.reviewNotes[i].status = .addressed }
            } else {
                row.reviewNotes.append(note)
            }
        }
    }

    /// Keeps `text` from `source` beside the cell's own text (from `first`), once.
    static func addAlternative(_ row: inout CompletedMatrix.Row, _ column: String, first: String, text: String, source: String) {
        var list = row.alternatives[column] ?? [CompletedMatrix.Alternative(source: first, text: row[column])]
        if !list.contains(where: { $0.text == text }) { list.append(.init(source: source, text: text)) }
        row.alternatives[column] = list.count > 1 ? list : nil
    }

    /// Cells with no text dropped, as readers produce them.
    static func normalised(_ row: CompletedMatrix.Row) -> CompletedMatrix.Row {
        var row = row
        row.cells = row.cells.filter { !$0.value.isEmpty }
        return row
    }

    /// The table's name or municipality: a copy's change wins; different changes keep the first.
    static func detail(
        _ path: KeyPath<CompletedMatrix, String>, _ copies: [Copy], _ base: Copy?, _ what: String, _ warnings: inout [String]
    ) -> String {
        let original = base?.matrix[keyPath: path] ?? copies[0].matrix[keyPath: path]
        var values: [(String, String)] = []
        for copy in copies where copy.matrix[keyPath: path] != original && !values.contains(where: { $0.1 == copy.matrix[keyPath: path] }) {
            values.append((copy.source, copy.matrix[keyPath: path]))
        }
        if values.count > 1 {
            warnings.append(
                "the copies give different \(what)s: " + values.map { "“\($0.1)” (\($0.0))" }.joined(separator: ", ")
                    + "; the first is kept")
        }
        return values.first?.1 ?? original
    }

    /// Everyone any copy lists, once by name (case and accents folded), in order of appearance.
    static func members(_ copies: [Copy], _ warnings: inout [String]) -> [CompletedMatrix.Member] {
        var result: [CompletedMatrix.Member] = []
        var keys: [String] = []
        for copy in copies {
            for member in copy.matrix.members {
                let key = TextTokens.foldedWords(member.name).joined(separator: " ")
                if let i = keys.firstIndex(of: key) {
                    if result[i].role?.isEmpty ?? true, let role = member.role, !role.isEmpty { result[i].role = role }
                    if result[i].sector != member.sector {
                        warnings.append(
                            "\(member.name) is \(result[i].sector.rawValue) in one copy and \(member.sector.rawValue) in \(copy.source); the first is kept")
                    }
                } else {
                    keys.append(key)
                    result.append(member)
                }
            }
        }
        return result
    }

    /// Notes by question: changed ones win; different texts for one question are all kept, one after
    /// the other.
    static func notes(_ copies: [Copy], _ base: Copy?) -> [CompletedMatrix.Note] {
        var questions: [String] = []
        var texts: [String: [String]] = [:]
        let original = Dictionary((base?.matrix.notes ?? []).map { ($0.question, $0.text) }, uniquingKeysWith: { a, _ in a })
        for copy in copies {
            for note in copy.matrix.notes {
                if !questions.contains(note.question) { questions.append(note.question) }
                let changed = base == nil || note.text != original[note.question]
                if changed, !(texts[note.question] ?? []).contains(note.text) { texts[note.question, default: []].append(note.text) }
            }
        }
        return questions.compactMap { question in
            let list = texts[question] ?? original[question].map { [$0] } ?? []
            return list.isEmpty ? nil : .init(question: question, text: list.joined(separator: "\n\n"))
        }
    }
}
