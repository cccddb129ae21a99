import Foundation
import TequioModel
import TequioReaders

/// The score CSV (docs/committee-decision.md, "The CSV form"): an evaluator's scores in long form, one
/// line per plan × item, for form tools, shared sheets and scripts. `tequio review sheets` writes each
/// evaluator's template with every line filled in but `answer` and `justification`; `tequio import`
/// reads it back (`ScoreImporter+CSV.swift`), and recognises it by its header.
///
/// ```
/// module,version,rubric,round,evaluator,language,plan,table,draft,item,label,fingerprint,answer,justification
/// oaxaca-agua,1.0.0,seleccion-planes,Ronda 1,Ana Pérez,es,oaxaca-agua-mesa-1-…,Mesa 1 · …,3,conflict,¿Tiene usted…?,,No,
/// oaxaca-agua,1.0.0,seleccion-planes,Ronda 1,Ana Pérez,es,oaxaca-agua-mesa-1-…,Mesa 1 · …,3,requisito-dos-sectores,…,,Sí,
/// oaxaca-agua,1.0.0,seleccion-planes,Ronda 1,Ana Pérez,es,oaxaca-agua-mesa-1-…,Mesa 1 · …,3,criterio-coordinacion,…,"w20;s1-5;j1,2,5",5,Porque…
/// ```
public enum ScoreCSV {
    /// The columns, in the template's order. Their names are fixed (not translated); the import finds
    /// them in any order, in any letter case, and ignores other columns.
    enum Column: String, CaseIterable {
        case module, version, rubric, round, evaluator, language, plan, table, draft, item, label, fingerprint, answer, justification

        /// Columns a file may leave out: the language (then the module's first), the table's name (then
        /// the plan's id) and the label, which is only there for people.
        var isRequired: Bool { ![.language, .table, .label].contains(self) }
    }

    /// The `item` of the line that declares a conflict of interest; the others name a gate or a criterion.
    static let conflictItem = "conflict"

    /// Column → index in the first line, for the names of `Column` (the first of two equal names).
    static func header(_ sheet: Sheet) -> [Column: Int] {
        var found: [Column: Int] = [:]
        for (index, column) in headerNames(sheet) where found[column] == nil { found[column] = index }
        return found
    }

    /// The names of `Column` in the first line, with their index, in order.
    static func headerNames(_ sheet: Sheet) -> [(Int, Column)] {
        (0..<(sheet.fieldCounts[0] ?? 0)).compactMap { index in
            Column(rawValue: sheet[CellAddress(row: 0, column: index)].trimmingCharacters(in: .whitespacesAndNewlines).lowercased()).map { (index, $0) }
        }
    }

    /// True when `document` is a CSV whose first line names the `plan`, `item` and `answer` columns.
    public static func isScoreCSV(_ document: SpreadsheetDocument) -> Bool {
        guard document.kind == .csv, let sheet = document.sheets.first else { return false }
        let columns = header(sheet)
        return [.plan, .item, .answer].allSatisfy { columns[$0] != nil }
    }

    /// `isScoreCSV` of the file at `url`, from its first line only.
    public static func isScoreCSV(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 1 << 16) else { return false }
        let line = head.prefix { $0 != UInt8(ascii: "\n") }
        let options = CSVTable.Options(separators: [",", ";", "\t"], maxBytes: 1 << 16)
        guard let fields = (try? CSVTable.read(line, options: options))?.records.first?.fields else { return false }
        let names = Set(fields.map { $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() })
        return [Column.plan, .item, .answer].allSatisfy { names.contains($0.rawValue) }
    }

    /// One evaluator's template: every line but its answer and justification.
    static func template(_ workbook: ScoringWorkbook) -> Data {
        let round = workbook.round
        let rubric = round.rubric
        let s = workbook.strings
        var rows = [Column.allCases.map(\.rawValue)]
        for plan in round.plans {
            func line(_ item: String, _ label: String, fingerprint: String = "") -> [String] {
                [
                    round.module.id, round.module.version, rubric.id, round.round, workbook.evaluator, round.language, plan.id, plan.table,
                    String(plan.draft), item, label, fingerprint, "", "",
                ]
            }
            rows.append(line(conflictItem, s.conflictQuestion))
            rows += rubric.gates.map { line($0.id, round.text($0.question)) }
            rows += rubric.criteria.map { criterion in
                var label = "\(round.title(criterion)) · \(s.score(rubric.minimum, rubric.maximum))"
                if !criterion.justify.isEmpty { label += " · " + s.justifyFor(s.list(Array(criterion.justify))) }
                return line(criterion.id, label, fingerprint: rubric.fingerprint(criterion))
            }
        }
        return CSVWriter.data(rows)
    }
}
