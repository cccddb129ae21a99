import Foundation
import TequioModel
import TequioWriters
import XCTest
import XMLSupport

@testable import TequioFaceToFace
@testable import TequioReaders

/// `tequio import` of filled scoring workbooks: a workbook the writer made, read back with the XLSX
/// reader, filled cell by cell, imported; then each problem, refused with its file, sheet and cell.
final class ScoreImportTests: XCTestCase {
    static let file = "puntajes-ana.xlsx"

    /// The blank workbook of `ScoringSheetTests.plans`, as the reader sees it.
    static func blank() throws -> SpreadsheetDocument {
        let tree = try ScoringSheets.xlsxParts(try ScoringSheetTests.round(), evaluator: "Ana Pérez", catalogue: Fixture.catalogue)
        return try XLSXReader(files: tree, path: file, limits: SpreadsheetFile.xmlLimits).read()
    }

    /// Every plan answered: no conflict, gates Sí and No, scores 3, 4, 5, 2, 1 with the justifications the rubric asks for.
    static func filled(_ change: (inout SpreadsheetDocument) -> Void = { _ in }) throws -> SpreadsheetDocument {
        var document = try blank()
        for name in ["Plan 1", "Plan 2", "Plan 3"] {
            set(&document, name, "C9", "No")
            set(&document, name, "C12", "Sí")
            set(&document, name, "C13", "no")
            for (row, value) in zip(16...20, [3, 4, 5, 2, 1]) {
                set(&document, name, "C\(row)", String(value), kind: .number)
                if [1, 2, 5].contains(value) { set(&document, name, "D\(row)", "Justificación \(value)") }
            }
        }
        change(&document)
        return document
    }

    static func set(_ document: inout SpreadsheetDocument, _ sheet: String, _ cell: String, _ text: String?, kind: SheetCell.Kind = .text) {
        let index = document.sheets.firstIndex { $0.name == sheet }!
        let address = CellAddress(a1: cell)!
        document.sheets[index].cells[address] = text.map { SheetCell(text: $0, kind: kind) }
    }

    static func run(_ document: SpreadsheetDocument) throws -> (ScoreImporter.Imported?, [Diagnostic]) {
        ScoreImporter(module: try Fixture.module(), submitted: "2026-11-29T09:00:00Z", catalogue: Fixture.catalogue).importDocument(document)
    }

    func testAFilledWorkbookBecomesAScoreFileThatReadsBackAndPassesTheChecks() throws {
        let (imported, diagnostics) = try Self.run(try Self.filled {
            Self.set(&$0, "Plan 2", "C9", "Sí")
            Self.set(&$0, "Plan 2", "D9", "Mi prima integra la mesa")
            for row in [12, 13] + Array(16...20) { Self.set(&$0, "Plan 2", "C\(row)", nil) }
            Self.set(&$0, "Plan 3", "C17", "4.0", kind: .number)
        })
        XCTAssertEqual(diagnostics.map(\.formatted), [])
        let sheet = try XCTUnwrap(imported?.sheet)
        XCTAssertEqual(sheet.evaluator, "Ana Pérez")
        XCTAssertEqual(sheet.round, "Ronda 1")
        XCTAssertEqual(sheet.plans.map(\.id), ScoringSheetTests.plans.map(\.id))
        XCTAssertEqual(sheet.plans.map(\.draft), [3, 1, 2])
        XCTAssertEqual(sheet.plans[0].gates, ["requisito-dos-sectores": true, "requisito-diagnostico": false])
        XCTAssertEqual(sheet.plans[0].scores.map(\.value), [3, 4, 5, 2, 1])
        XCTAssertEqual(sheet.plans[0].score("criterio-factibilidad")?.justification, "Justificación 5")
        XCTAssertTrue(sheet.plans[1].conflict)
        XCTAssertEqual(sheet.plans[1].conflictNote, "Mi prima integra la mesa")
        XCTAssertEqual(sheet.plans[1].scores, [])
        XCTAssertEqual(imported?.evaluatorLocation.description, "puntajes-ana.xlsx:tequio!B7")

        let data = try ScoreSheetWriter.data(sheet)
        XCTAssertEqual(ScoreSheetWriter.fileName(sheet), "puntajes-ronda-1-ana-perez.xml")
        let schemas = SchemaSet(directory: Fixture.packageRoot.appendingPathComponent("schemas"))
        let (located, found) = ScoreSheetReader(schemas: schemas).read(data, path: "s.xml")
        XCTAssertEqual(found.map(\.formatted), [])
        XCTAssertEqual(located?.sheet, sheet)
        XCTAssertEqual(ScoreValidation.check(try XCTUnwrap(located), against: try Fixture.module()).map(\.formatted), [])
    }

    func testEachProblemNamesFileSheetAndCell() throws {
        let cases: [(String, (inout SpreadsheetDocument) -> Void, ReviewDiagnosticID, String)] = [
            ("out of scale", { Self.set(&$0, "Plan 3", "C16", "7", kind: .number) }, .outOfScale,
             "puntajes-ana.xlsx:Plan 3!C16: error: 7 is outside the scale 1–5 ('Coordinación entre dependencias y actores') [review.out-of-scale]"),
            ("not a number", { Self.set(&$0, "Plan 1", "C17", "bueno") }, .outOfScale,
             "puntajes-ana.xlsx:Plan 1!C17: error: 'bueno' is not a number: choose a score from 1 to 5 for 'Transparencia y rendición de cuentas' [review.out-of-scale]"),
            ("not whole", { Self.set(&$0, "Plan 1", "C17", "3.5", kind: .number) }, .outOfScale,
             "puntajes-ana.xlsx:Plan 1!C17: error: 3.5 is not a whole number of the scale 1–5 ('Transparencia y rendición de cuentas') [review.out-of-scale]"),
            ("missing justification", { Self.set(&$0, "Plan 2", "D18", "  ") }, .missingJustification,
             "puntajes-ana.xlsx:Plan 2!D18: error: a 5 for 'Factibilidad para un municipio de baja capacidad' needs a written justification (the rubric asks for one for 1, 2, 5) [review.missing-justification]"),
            ("missing score", { Self.set(&$0, "Plan 2", "C19", nil) }, .missingScore,
             "puntajes-ana.xlsx:Plan 2!C19: error: no score for 'Papel de la sociedad civil' on Mesa 2: choose one from 1 to 5, or declare a conflict of interest (C9) [review.missing-score]"),
            ("not yes or no", { Self.set(&$0, "Plan 1", "C12", "Quizá") }, .notYesNo,
             "puntajes-ana.xlsx:Plan 1!C12: error: 'Quizá' is not Sí or No (Yes or No): choose one from the list [review.not-yes-no]"),
            ("scored despite conflict", { Self.set(&$0, "Plan 1", "C9", "SI"); Self.set(&$0, "Plan 1", "C12", nil); Self.set(&$0, "Plan 1", "C13", nil) },
             .scoredDespiteConflict,
             "puntajes-ana.xlsx:Plan 1!C16: error: Ana Pérez declared a conflict of interest on Mesa 1 <b>& (C9) but scored 'Coordinación entre dependencias y actores': leave the scores empty or withdraw the declaration [review.scored-despite-conflict]"),
            ("unknown plan", { Self.set(&$0, "tequio", "C19", "otro-modulo-mesa-9") }, .unknownPlan,
             "puntajes-ana.xlsx:tequio!C19: error: 'otro-modulo-mesa-9' is not a plan of module 'oaxaca-agua' (a plan's id is its documents' name, 'oaxaca-agua-<table>'), or it is listed twice [review.unknown-plan]"),
            ("plan sheet gone", { Self.set(&$0, "tequio", "B19", "Plan 9") }, .unknownPlan,
             "puntajes-ana.xlsx:tequio!B19: error: the workbook has no sheet 'Plan 9' for plan 'oaxaca-agua-mesa-3' (or names it twice) [review.unknown-plan]"),
            ("unknown criterion", { Self.set(&$0, "tequio", "B11", "criterio-inventado") }, .unknownCriterion,
             "puntajes-ana.xlsx:tequio!B11: error: the rubric 'seleccion-planes' has no criterion 'criterio-inventado' [review.unknown-criterion]"),
            ("criterion changed", { Self.set(&$0, "tequio", "C11", "w30;s1-5;j1,2,5") }, .rubricChanged,
             "puntajes-ana.xlsx:tequio!C11: error: criterion 'criterio-transparencia' changed after this workbook was made (w30;s1-5;j1,2,5 then, w25;s1-5;j1,2,5 now: weight, scale or justified scores); score again with new sheets [review.rubric-changed]"),
            ("unknown gate", { Self.set(&$0, "tequio", "B16", "requisito-inventado") }, .unknownGate,
             "puntajes-ana.xlsx:tequio!B16: error: the rubric 'seleccion-planes' has no gate 'requisito-inventado' [review.unknown-gate]"),
            ("another module", { Self.set(&$0, "tequio", "B4", "agua-huajuapan") }, .wrongModule,
             "puntajes-ana.xlsx:tequio!B4: error: this workbook is for module 'agua-huajuapan', not 'oaxaca-agua'; import it with --module pointing at 'agua-huajuapan' [review.wrong-module]"),
            ("another version", { Self.set(&$0, "tequio", "B5", "0.9.0") }, .wrongModule,
             "puntajes-ana.xlsx:tequio!B5: error: this workbook was made for version 0.9.0 of 'oaxaca-agua', but the module is version 1.0.0 [review.wrong-module]"),
            ("another rubric", { Self.set(&$0, "tequio", "B6", "otra-rubrica") }, .otherRubric,
             "puntajes-ana.xlsx:tequio!B6: error: this workbook was made with rubric 'otra-rubrica', the module's is 'seleccion-planes' [review.other-rubric]"),
        ]
        for (name, change, identifier, formatted) in cases {
            let (imported, diagnostics) = try Self.run(try Self.filled(change))
            XCTAssertNil(imported, name)
            let errors = diagnostics.filter { $0.severity == .error }
            XCTAssertEqual(errors.first?.identifier, identifier.rawValue, "\(name): \(diagnostics.map(\.formatted))")
            XCTAssertEqual(errors.first?.formatted, formatted, name)
        }
    }

    func testAnotherWorkbookOrAnotherCSVIsNotAScoringWorkbook() throws {
        let module = try Fixture.module()
        let blank = try BlankSpreadsheets.xlsxParts(module, matrix: module.matrices[0], language: "es", catalogue: Fixture.catalogue)
        let matrix = try XLSXReader(files: blank, path: "mesas.xlsx", limits: SpreadsheetFile.xmlLimits).read()
        XCTAssertFalse(ScoreImporter.isScoringWorkbook(matrix))
        let (imported, diagnostics) = try Self.run(matrix)
        XCTAssertNil(imported)
        XCTAssertEqual(diagnostics.first?.identifier, ReviewDiagnosticID.notAWorkbook.rawValue)
        let csv = try CSVReader(data: Data("a,b\n".utf8), path: "plan-1.csv", sheetName: "plan-1").read()
        XCTAssertTrue(try Self.run(csv).1.first?.message.contains("a CSV file needs the columns of the score CSV") == true)
    }

    func testTwoWorkbooksOfOneEvaluatorAreRefusedNamingBoth() throws {
        let a = try XCTUnwrap(try Self.run(try Self.filled()).0)
        var b = a
        b.file = "copia.xlsx"
        b.evaluatorLocation = SourceLocation(file: "copia.xlsx:tequio!B7")
        let found = ScoreImportAction.duplicates([a, b])
        XCTAssertEqual(found.map(\.identifier), [ReviewDiagnosticID.duplicateEvaluator.rawValue])
        XCTAssertEqual(
            found.first?.formatted,
            "copia.xlsx:tequio!B7: error: Ana Pérez has two workbooks for round 'Ronda 1' (puntajes-ana.xlsx and copia.xlsx): import the one that counts [review.duplicate-evaluator]\npuntajes-ana.xlsx:tequio!B7: note: the other workbook of Ana Pérez")
    }

    func testControlCharactersInAJustificationAreRemovedWithAWarning() throws {
        let (imported, diagnostics) = try Self.run(try Self.filled { Self.set(&$0, "Plan 1", "D18", "Muy\u{0}factible") })
        XCTAssertEqual(imported?.sheet.plans[0].score("criterio-factibilidad")?.justification, "Muyfactible")
        XCTAssertEqual(diagnostics.map(\.identifier), [ImportDiagnosticID.removedCharacters.rawValue])
        XCTAssertEqual(diagnostics.first?.location?.description, "puntajes-ana.xlsx:Plan 1!D18")
    }
}
