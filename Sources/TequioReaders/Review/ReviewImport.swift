import Foundation
import TequioModel

/// Makes the next draft of a table's matrix from a reviewed plan: the draft the plan was made from,
/// with the reviewer's changes to the matrix cells applied (or, with `pending: .reject`, the table's
/// text kept and each change kept as a suggestion), and every comment kept as a review note on its cell.
public enum ReviewImport {
    /// What to do with the reviewer's changes that are still pending in the document.
    public enum Pending: String, Sendable, CaseIterable {
        /// The cells as the reviewer left them: their changes applied.
        case accept
        /// The table's text kept; each changed cell gets a suggestion note with the reviewer's text.
        case reject
    }

    public struct Result: Sendable {
        public var matrix: CompletedMatrix
        public var diagnostics: [Diagnostic]
    }

    /// - Parameters:
    ///   - base: the draft the plan was made from (read from the document).
    ///   - columns: the module matrix's column ids, in order (the document's columns).
    ///   - modified: the new draft's time (ISO 8601).
    public static func nextDraft(
        _ reviewed: ReviewedPlan, base: CompletedMatrix, columns: [String], pending: Pending, modified: String, path: String
    ) -> Result {
        var diagnostics: [Diagnostic] = []
        let at = SourceLocation(file: path)
        let baseRows = base.rows.filter { !$0.isEmpty }
        var matrix = base
        matrix.draft = base.draft + 1
        matrix.modified = max(modified, base.modified)
        var rows: [CompletedMatrix.Row] = []
        var seen = Set<Int>()
        for row in reviewed.rows {
            guard let number = row.number, number <= baseRows.count, !seen.contains(number) else {
                // A row the reviewer added.
                let cells = Dictionary(uniqueKeysWithValues: zip(columns, row.cells).map { ($0, cellText($1.current, column: $0)) }.filter { !$0.1.isEmpty })
                guard !cells.isEmpty else { continue }
                if pending == .accept {
                    rows.append(CompletedMatrix.Row(cells: cells, reviewNotes: notes(row, columns: columns)))
                } else {
                    diagnostics.append(
                        .warning(
                            ReviewedPlanDiagnosticID.rowLeftOut,
                            "a row the reviewer added was left out (--pending reject keeps the table's rows): “\(cells[columns.first ?? ""] ?? "")”",
                            at: at))
                }
                continue
            }
            seen.insert(number)
            var result = baseRows[number - 1]
            result.reviewNotes += notes(row, columns: columns)
            for (index, column) in columns.enumerated() where index < row.cells.count {
                let cell = row.cells[index]
                let baseText = result[column]
                let accepted = cellText(cell.current, column: column)
                let rejected = cellText(cell.original, column: column)
                // Unchanged cells keep the table's own text exactly (the plan shows it trimmed and numbered).
                let keptText = same(rejected, baseText, column: column) ? baseText : rejected
                switch pending {
                case .accept:
                    if cell.hasChanges || !same(accepted, baseText, column: column) {
                        result.cells[column] = accepted.isEmpty ? nil : accepted
                    }
                case .reject:
                    result.cells[column] = keptText.isEmpty ? nil : keptText
                    if cell.hasChanges {
                        result.reviewNotes.append(
                            .init(column: column, kind: .suggestion, author: cell.changeAuthor, date: isoDate(cell.changeDate), text: accepted))
                    }
                }
            }
            if result.isEmpty && pending == .accept {
                if !result.reviewNotes.isEmpty {
                    diagnostics.append(
                        .warning(ReviewedPlanDiagnosticID.rowRemovedWithNotes, "row \(number) was emptied by the reviewer; its notes go with it", at: at))
                }
                continue
            }
            rows.append(result)
        }
        for (i, row) in baseRows.enumerated() where !seen.contains(i + 1) {
            diagnostics.append(
                .warning(ReviewedPlanDiagnosticID.rowNotFound, "row \(i + 1) of the draft is not in the document's matrix; it is kept as it was", at: at))
            rows.append(row)
        }
        for comment in reviewed.otherComments {
            diagnostics.append(
                .warning(
                    ReviewedPlanDiagnosticID.commentOutsideMatrix,
                    "a comment by \(comment.author.isEmpty ? "the reviewer" : comment.author) is not in a matrix cell, so no cell keeps it: “\(comment.text)”",
                    at: at))
        }
        matrix.rows = rows
        return Result(matrix: matrix, diagnostics: diagnostics)
    }

    static func notes(_ row: ReviewedPlan.Row, columns: [String]) -> [CompletedMatrix.ReviewNote] {
        zip(columns, row.cells).flatMap { column, cell in
            cell.comments.map { .init(column: column, kind: .comment, author: $0.author, date: isoDate($0.date), text: $0.text) }
        }
    }

    /// A cell's text as the completed-matrix file keeps it: its lines, trimmed, without the numbers a
    /// plan gives actions.
    static func cellText(_ text: String, column: String) -> String {
        let actions = column.hasSuffix("actions")
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard actions else { return trimmed }
            return numberRemoved(trimmed)
        }.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// `12. Publicar…` → `Publicar…`
    static func numberRemoved(_ line: String) -> String {
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3 else { return line }
        let rest = line.dropFirst(digits.count)
        guard rest.hasPrefix(". ") else { return line }
        return String(rest.dropFirst(2)).trimmingCharacters(in: .whitespaces)
    }

    /// The same text once both are cut into trimmed lines without list markers: what the plan showed.
    static func same(_ shown: String, _ stored: String, column: String) -> Bool {
        func lines(_ s: String) -> [String] {
            s.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map { line in
                var t = line.trimmingCharacters(in: .whitespaces)
                for marker in ["- ", "• ", "* ", "– ", "— "] where t.hasPrefix(marker) { t = String(t.dropFirst(marker.count)) }
                return numberRemoved(t)
            }.filter { !$0.isEmpty }
        }
        return lines(shown) == lines(stored)
    }

    /// Word writes `2012-11-22T10:00:00Z`, LibreOffice `2012-11-22T10:00:00.123456789` (no zone): both
    /// become `2012-11-22T10:00:00Z`, or empty when there is no date.
    public static func isoDate(_ date: String) -> String {
        guard date.count >= 19 else { return "" }
        return String(date.prefix(19)) + "Z"
    }
}

/// Stable identifiers of what `tequio import` says about a reviewed DOCX or ODT.
public enum ReviewedPlanDiagnosticID: String, DiagnosticIdentifier {
    public static let area = "reviewed"

    case notAPlan = "reviewed.not-a-plan"
    case damaged = "reviewed.damaged"
    case wrongModule = "reviewed.wrong-module"
    case rowLeftOut = "reviewed.row-left-out"
    case rowRemovedWithNotes = "reviewed.row-removed-with-notes"
    case rowNotFound = "reviewed.row-not-found"
    case commentOutsideMatrix = "reviewed.comment-outside-matrix"
}
