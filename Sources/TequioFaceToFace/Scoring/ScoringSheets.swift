import Foundation
import TequioModel
import TequioWriters

/// `tequio review sheets`: for each evaluator, a scoring workbook as XLSX and ODS, a score sheet to
/// print as HTML and the score CSV's template, all from one `ScoringRound`; the same bytes on every run for the same date.
public enum ScoringSheets {
    /// `puntajes-<round>-<evaluator>`, the stem of an evaluator's files (and of the score file the
    /// import writes from them).
    public static func fileStem(round: String, evaluator: String) -> String {
        "puntajes-\(Slug.make(round, fallback: "ronda"))-\(Slug.make(evaluator, fallback: "evaluador"))"
    }

    /// File name → bytes: `<stem>.xlsx`, `<stem>.ods`, `<stem>.html` and the score CSV's template
    /// `<stem>.csv` for each evaluator.
    public static func render(
        _ round: ScoringRound, evaluators: [String], paper: PaperSize = .a4, date: Date, catalogue: StringCatalogue
    ) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for evaluator in evaluators {
            let book = ScoringWorkbook(round: round, evaluator: evaluator, catalogue: catalogue)
            let stem = fileStem(round: round.round, evaluator: evaluator)
            files["\(stem).xlsx"] = try XLSXWriter(workbook: book, paper: paper).data(date: date)
            files["\(stem).ods"] = try ODSWriter(workbook: book, paper: paper).data(date: date)
            files["\(stem).html"] = Data(ScorePrintSheet(workbook: book, paper: paper).render().utf8)
            files["\(stem).csv"] = ScoreCSV.template(book)
        }
        return files
    }

    /// The parts of one evaluator's XLSX package (for tests).
    public static func xlsxParts(_ round: ScoringRound, evaluator: String, catalogue: StringCatalogue) throws -> FileTree {
        try XLSXWriter(workbook: ScoringWorkbook(round: round, evaluator: evaluator, catalogue: catalogue), paper: .a4).files()
    }

    /// The parts of one evaluator's ODS package (for tests).
    public static func odsParts(_ round: ScoringRound, evaluator: String, catalogue: StringCatalogue) throws -> FileTree {
        try ODSWriter(workbook: ScoringWorkbook(round: round, evaluator: evaluator, catalogue: catalogue), paper: .a4).files()
    }
}
