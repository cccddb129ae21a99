import Foundation
import TequioModel
import XCTest

@testable import TequioFaceToFace
@testable import TequioReaders

/// `tequio import` of score CSVs: the template `tequio review sheets` writes, filled line by line, gives
/// the score sheet the workbook with the same answers gives; each problem is refused at its
/// `file.csv:line:column`, with the checks of the workbook.
final class ScoreCSVImportTests: XCTestCase {
    let file = "puntajes-ana.csv"
    typealias Column = ScoreCSV.Column

    /// The template's lines (header first): per plan a conflict line, two gates, five criteria.
    func template(evaluator: String = "Ana Pérez") throws -> [[String]] {
        let book = ScoringWorkbook(round: try ScoringSheetTests.round(), evaluator: evaluator, catalogue: Fixture.catalogue)
        return try CSVTable.read(ScoreCSV.template(book), options: CSVReader.options).records.map(\.fields)
    }

    /// The line of `item` for plan `n` (1-based) in the template's order.
    func row(_ plan: Int, _ item: Int) -> Int { 1 + (plan - 1) * 8 + item }

    /// The answers of `ScoreImportTests.filled`: no conflict, gates Sí and no, scores 3, 4, 5, 2, 1 justified where asked.
    func filled(_ change: (inout [[String]]) -> Void = { _ in }) throws -> [[String]] {
        var rows = try template()
        for plan in 1...3 {
            rows[row(plan, 0)][Column.answer.index] = "No"
            rows[row(plan, 1)][Column.answer.index] = "Sí"
            rows[row(plan, 2)][Column.answer.index] = "no"
            for (i, value) in [3, 4, 5, 2, 1].enumerated() {
                rows[row(plan, 3 + i)][Column.answer.index] = String(value)
                if [1, 2, 5].contains(value) { rows[row(plan, 3 + i)][Column.justification.index] = "Justificación \(value)" }
            }
        }
        change(&rows)
        return rows
    }

    func document(_ rows: [[String]], path: String? = nil) throws -> SpreadsheetDocument {
        try CSVReader(data: CSVWriter.data(rows), path: path ?? file, sheetName: "puntajes-ana").read()
    }

    func run(_ rows: [[String]]) throws -> ([ScoreImporter.Imported], [Diagnostic]) {
        ScoreImporter(module: try Fixture.module(), submitted: "2026-11-29T09:00:00Z", catalogue: Fixture.catalogue).importFile(try document(rows))
    }

    /// `file:line:column` of a field as `CSVWriter` wrote it (no field of the template spans lines).
    func place(_ rows: [[String]], _ row: Int, _ column: Column) -> String {
        let before = rows[row][..<column.index].map(CSVWriter.field)
        return "\(file):\(row + 1):\(before.isEmpty ? 1 : before.joined(separator: ",").unicodeScalars.count + 2)"
    }

    func testTheTemplateFilledInGivesTheScoreSheetOfTheWorkbook() throws {
        let (imported, diagnostics) = try run(try filled())
        XCTAssertEqual(diagnostics.map(\.formatted), [])
        XCTAssertEqual(imported.count, 1)
        let (fromWorkbook, _) = try ScoreImportTests.run(try ScoreImportTests.filled())
        XCTAssertEqual(imported.first?.sheet, try XCTUnwrap(fromWorkbook?.sheet))
        XCTAssertEqual(imported.first?.sheet.plans.map(\.table), ["Mesa 1 <b>&", "Mesa 2", "Mesa 3"])
        XCTAssertEqual(imported.first?.evaluatorLocation.description, "puntajes-ana.csv:2:44")
    }

    func testTheTemplateIsRecognisedAndEveryLineButTheAnswersIsFilledIn() throws {
        let rows = try template()
        XCTAssertEqual(rows[0], Column.allCases.map(\.rawValue))
        XCTAssertEqual(rows.count, 1 + 3 * 8)
        XCTAssertEqual(rows[row(1, 0)][Column.item.index], "conflict")
        XCTAssertEqual(rows[row(1, 3)][Column.fingerprint.index], "w20;s1-5;j1,2,5")
        XCTAssertEqual(rows[row(2, 7)][Column.draft.index], "1")
        XCTAssertTrue(rows.dropFirst().allSatisfy { $0[Column.answer.index].isEmpty && $0[Column.justification.index].isEmpty })
        XCTAssertTrue(ScoreCSV.isScoreCSV(try document(rows)))
        XCTAssertFalse(ScoreCSV.isScoreCSV(try document([["problema", "causa"], ["a", "b"]])))
        let data = ScoreCSV.template(ScoringWorkbook(round: try ScoringSheetTests.round(), evaluator: "Ana", catalogue: Fixture.catalogue))
        XCTAssertTrue(data.starts(with: [0xEF, 0xBB, 0xBF]), "a byte-order mark, for Excel")
        XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("\r\n"))
    }

    func testAFormulaLikeFieldIsWrittenAsTextAndReadBack() {
        XCTAssertEqual(CSVWriter.field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"")
        XCTAssertEqual(CSVWriter.field("-5"), "'-5")
        XCTAssertEqual(CSVWriter.unescape("'=1+1"), "=1+1")
        XCTAssertEqual(CSVWriter.unescape("'hola"), "'hola")
    }

    func testEachProblemNamesTheLineAndColumn() throws {
        let cases: [(String, (inout [[String]]) -> Void, String, (String, Int, Column)?)] = [
            ("out of scale", { $0[self.row(3, 3)][Column.answer.index] = "7" },
             "7 is outside the scale 1–5 ('Coordinación entre dependencias y actores') [review.out-of-scale]", ("", row(3, 3), .answer)),
            ("not a number", { $0[self.row(1, 4)][Column.answer.index] = "bueno" },
             "'bueno' is not a number: choose a score from 1 to 5 for 'Transparencia y rendición de cuentas' [review.out-of-scale]", ("", row(1, 4), .answer)),
            ("missing justification", { $0[self.row(2, 5)][Column.justification.index] = " " },
             "a 5 for 'Factibilidad para un municipio de baja capacidad' needs a written justification (the rubric asks for one for 1, 2, 5) [review.missing-justification]",
             ("", row(2, 5), .justification)),
            ("missing score", { $0[self.row(2, 6)][Column.answer.index] = "" },
             "no score for 'Papel de la sociedad civil' on Mesa 2: choose one from 1 to 5, or declare a conflict of interest (line 10) [review.missing-score]",
             ("", row(2, 6), .answer)),
            ("not yes or no", { $0[self.row(1, 1)][Column.answer.index] = "Quizá" },
             "'Quizá' is not Sí or No (Yes or No): choose one from the list [review.not-yes-no]", ("", row(1, 1), .answer)),
            ("scored despite conflict", { rows in
                rows[self.row(1, 0)][Column.answer.index] = "SI"
                for item in [1, 2] { rows[self.row(1, item)][Column.answer.index] = "" }
            }, "Ana Pérez declared a conflict of interest on Mesa 1 <b>& (line 2) but scored 'Coordinación entre dependencias y actores': leave the scores empty or withdraw the declaration [review.scored-despite-conflict]",
             ("", row(1, 3), .answer)),
            ("unknown plan", { $0[self.row(3, 0)][Column.plan.index] = "otro-modulo-mesa-9" },
             "'otro-modulo-mesa-9' is not a plan of module 'oaxaca-agua' (a plan's id is its documents' name, 'oaxaca-agua-<table>') [review.unknown-plan]",
             ("", row(3, 0), .plan)),
            ("unknown criterion", { $0[self.row(1, 4)][Column.item.index] = "criterio-inventado" },
             "the rubric 'seleccion-planes' has no criterion 'criterio-inventado' (an item is 'conflict', a gate or a criterion of the rubric) [review.unknown-criterion]",
             ("", row(1, 4), .item)),
            ("unknown gate", { $0[self.row(1, 1)][Column.item.index] = "requisito-inventado" },
             "the rubric 'seleccion-planes' has no gate or criterion 'requisito-inventado' (an item is 'conflict', a gate or a criterion of the rubric) [review.unknown-gate]",
             ("", row(1, 1), .item)),
            ("criterion changed", { $0[self.row(2, 4)][Column.fingerprint.index] = "w30;s1-5;j1,2,5" },
             "criterion 'criterio-transparencia' changed after this template was made (w30;s1-5;j1,2,5 then, w25;s1-5;j1,2,5 now: weight, scale or justified scores); score again with new sheets [review.rubric-changed]",
             ("", row(2, 4), .fingerprint)),
            ("criterion added", { rows in rows.removeAll { $0[Column.item.index] == "criterio-resultados" } },
             "criterion 'criterio-resultados' was added to the rubric after this template was made: score again with new sheets [review.rubric-changed]", nil),
            ("another module", { for r in 1..<$0.count { $0[r][Column.module.index] = "agua-huajuapan" } },
             "this file is for module 'agua-huajuapan', not 'oaxaca-agua'; import it with --module pointing at 'agua-huajuapan' [review.wrong-module]",
             ("", 1, .module)),
            ("another version", { $0[self.row(2, 7)][Column.version.index] = "0.9.0" },
             "this file was made for version 0.9.0 of 'oaxaca-agua', but the module is version 1.0.0 [review.wrong-module]", ("", row(2, 7), .version)),
            ("another rubric", { $0[self.row(1, 0)][Column.rubric.index] = "otra-rubrica" },
             "this file was made with rubric 'otra-rubrica', the module's is 'seleccion-planes' [review.other-rubric]", ("", row(1, 0), .rubric)),
            ("no draft", { $0[self.row(1, 0)][Column.draft.index] = "tres" }, "'tres' is not a draft number [review.malformed-csv-line]",
             ("", row(1, 0), .draft)),
            ("two drafts", { $0[self.row(1, 5)][Column.draft.index] = "2" },
             "plan 'oaxaca-agua-mesa-1' is on draft '2' here but on draft 3 on line 2: its lines must give one draft [review.malformed-csv-line]",
             ("", row(1, 5), .draft)),
            ("an item twice", { $0.insert($0[self.row(1, 7)], at: self.row(2, 0)) },
             "plan 'oaxaca-agua-mesa-1' has a second 'criterio-resultados' line for Ana Pérez (the first is line 9): keep one [review.malformed-csv-line]",
             ("", row(2, 0), .item)),
            ("no evaluator", { rows in for plan in 2...3 { rows[self.row(plan, 0)][Column.evaluator.index] = "" } },
             "this line gives no evaluator (nor does 1 other line): every line names its module, version, rubric, round, evaluator, plan, draft and item, as the template of `tequio review sheets` does [review.malformed-csv-line]",
             ("", row(2, 0), .evaluator)),
            ("no fingerprint", { $0[self.row(1, 3)][Column.fingerprint.index] = "" },
             "criterion 'criterio-coordinacion' has no fingerprint: copy it from the template of `tequio review sheets` (it shows which rubric the score was given with) [review.malformed-csv-line]",
             ("", row(1, 3), .fingerprint)),
            ("no line", { rows in rows.removeSubrange(1...) }, "no line of scores under the header [import.nothing-to-import]", nil),
            ("a required column missing", { rows in for r in rows.indices { rows[r][Column.fingerprint.index] = "" } },
             "the score CSV has no column 'fingerprint': its first line names the columns module,version,rubric,round,evaluator,language,plan,table,draft,item,label,fingerprint,answer,justification (language, table and label may be left out) [import.missing-column]",
             nil),
        ]
        for (name, change, message, at) in cases {
            let rows = try filled(change)
            let (imported, diagnostics) = try run(rows)
            XCTAssertEqual(imported.count, 0, name)
            // The first error; a few cases have a consequence too (a line refused leaves its plan without that score).
            let errors = diagnostics.filter { $0.severity == .error }
            let expected = at.map { place(rows, $0.1, $0.2) } ?? "\(file):\(name == "criterion added" ? 2 : 1)"
            XCTAssertEqual(errors.first?.formatted, "\(expected): error: \(message)", "\(name): \(errors.map(\.formatted))")
        }
    }

    func testOneFileOfTwoEvaluatorsGivesTwoScoreSheetsAndOneEvaluatorTwiceIsRefused() throws {
        let ana = try filled()
        var luis = try filled()
        for r in 1..<luis.count { luis[r][Column.evaluator.index] = "Luis Cruz" }
        let (imported, diagnostics) = try run(ana + luis.dropFirst())
        XCTAssertEqual(diagnostics.map(\.formatted), [])
        XCTAssertEqual(imported.map(\.sheet.evaluator), ["Ana Pérez", "Luis Cruz"])
        XCTAssertEqual(imported.map { $0.sheet.plans.count }, [3, 3])

        var again = try filled()
        for r in 1..<again.count { again[r][Column.evaluator.index] = "ANA PEREZ" }
        let (twice, _) = try run(ana + again.dropFirst())
        let found = ScoreImportAction.duplicates(twice)
        XCTAssertEqual(
            found.first?.formatted,
            "puntajes-ana.csv:26:44: error: ANA PEREZ has two score sheets for round 'Ronda 1' (in puntajes-ana.csv): import the one that counts [review.duplicate-evaluator]\npuntajes-ana.csv:2:44: note: the other score sheet of Ana Pérez")
    }

    func testAJustificationOnAGateIsNotImportedAndSaysSo() throws {
        let (imported, diagnostics) = try run(try filled { $0[self.row(1, 1)][Column.justification.index] = "porque sí" })
        XCTAssertEqual(imported.count, 1)
        XCTAssertEqual(diagnostics.map(\.identifier), [ImportDiagnosticID.ignoredCells.rawValue])
    }
}

extension ScoreCSV.Column {
    var index: Int { Self.allCases.firstIndex(of: self)! }
}
