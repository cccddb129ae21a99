import TequioModel

extension DocumentLayout.Table {
    /// Rows per table in the decision record: a round of hundreds of plans gives annexes of thousands
    /// of rows, and ODF validators (libxml2's RELAX NG) take time that grows much faster than the rows
    /// of one table (2,000 rows: minutes). Parts of a hundred rows, each with its header, read the same.
    static let recordRowLimit = 100

    /// The table cut into tables of at most `limit` rows, never inside a group (the rows of one plan or
    /// one evaluator; `groupStarts` are the rows that begin one, every row when nil). A group longer
    /// than the limit stands alone. The closing row goes with the last part.
    func chunked(groupStarts: [Int]? = nil, limit: Int = recordRowLimit) -> [DocumentLayout.Table] {
        guard rows.count > limit else { return [self] }
        let starts = (groupStarts ?? Array(rows.indices)).filter { $0 > 0 && $0 < rows.count } + [rows.count]
        var parts: [Range<Int>] = []
        var begin = 0
        var previous = 0
        for start in starts {
            if start - begin > limit && previous > begin {
                parts.append(begin..<previous)
                begin = previous
            }
            previous = start
        }
        parts.append(begin..<rows.count)
        return parts.enumerated().map { i, range in
            var part = self
            part.rows = Array(rows[range])
            part.rowMarks = rowMarks.count == rows.count ? Array(rowMarks[range]) : []
            part.cellAnchors = cellAnchors.count == rows.count ? Array(cellAnchors[range]) : []
            part.footer = i == parts.count - 1 ? footer : nil
            return part
        }
    }
}
