import Foundation
import TequioFaceToFace
import TequioModel
import TequioReaders
import TequioWriters
import ZipSupport

/// The committee's files: a reviewed DOCX or ODT plan as `tequio import` reads it (the safe zip
/// reader, `DocxReviewReader` or `OdtReviewReader`, the draft it carries, `ReviewImport.nextDraft`),
/// a score file as `tequio check` and `tequio review rank` read it (`ScoreSheetReader`,
/// `ScoreValidation` against the example module's rubric), a score CSV as `tequio import` reads it
/// (`ScoreImporter.importFile`, then the score file written, read back and checked as `ScoreImportAction`
/// does), and a round file as `tequio review record` reads it (`RoundResultReader`, then `RoundChain`
/// with the sheets it keeps). Checked: a refused input says why, the next draft made from an accepted
/// plan is a valid matrix file again, and the score file of an accepted CSV passes the checks of
/// `tequio check`.
enum ReviewTargets {
    static let reviewed = FuzzTarget(
        name: "reviewed", summary: "reviewed DOCX/ODT plans via DocxReviewReader / OdtReviewReader + ReviewImport",
        options: ["-max_len=262144"], run: runReviewed)

    static let scores = FuzzTarget(
        name: "scores", summary: "score files via ScoreSheetReader + ScoreValidation", options: ["-max_len=32768"], run: runScores)

    static let scoreCSV = FuzzTarget(
        name: "score-csv", summary: "score CSVs via ScoreImporter.importFile + ScoreSheetWriter/Reader + ScoreValidation",
        options: ["-max_len=16384"], run: runScoreCSV)

    static let rounds = FuzzTarget(
        name: "rounds", summary: "round files via RoundResultReader + RoundChain", options: ["-max_len=65536"], run: runRounds)

    private static let plan = FuzzEnvironment.scratch("reviewed").appendingPathComponent("plan.zip")
    private static let scoreFile = FuzzEnvironment.scratch("scores").appendingPathComponent("scores.xml")
    private static let roundFile = FuzzEnvironment.scratch("rounds").appendingPathComponent("round.xml")
    private static let scoreCSVFile = FuzzEnvironment.scratch("score-csv").appendingPathComponent("puntajes.csv")

    static func runReviewed(_ data: Data) -> FuzzOutcome {
        FuzzEnvironment.write(data, to: plan)
        let at = SourceLocation(file: "plan.zip")
        do {
            let tree = try SafeArchiveReader.read(plan)
            let reviewed: ReviewedPlan
            do {
                reviewed = try tree["word/document.xml"] != nil
                    ? DocxReviewReader.read(tree, path: "plan.zip") : OdtReviewReader.read(tree, path: "plan.zip")
            } catch {
                FuzzCheck.require(!error.message.isEmpty, "a refused plan says why")
                return FuzzOutcome(accepted: false, diagnostics: [.error(ReviewedPlanDiagnosticID.notAPlan, error.message, at: at)])
            }
            let (located, found) = CompletedMatrixReader(schemas: FuzzEnvironment.schemas).read(reviewed.draft, path: "plan.zip!draft")
            guard let base = located?.matrix else { return FuzzOutcome(accepted: false, diagnostics: found) }
            let columns = FuzzEnvironment.exampleModule.matrix(id: base.matrixID)?.columns.map(\.id) ?? []
            let next = ReviewImport.nextDraft(reviewed, base: base, columns: columns, pending: .accept, modified: "2013-01-01T00:00:00Z", path: "plan.zip")
            FuzzCheck.require(next.matrix.draft == base.draft + 1, "the next draft is numbered after the one the plan carries")
            return FuzzOutcome(accepted: true, diagnostics: found + next.diagnostics)
        } catch {
            return FuzzOutcome(accepted: false, diagnostics: [.error(ReviewedPlanDiagnosticID.damaged, "\(error)", at: at)])
        }
    }

    static func runScores(_ data: Data) -> FuzzOutcome {
        FuzzEnvironment.write(data, to: scoreFile)
        let (located, diagnostics) = ScoreSheetReader(schemas: FuzzEnvironment.schemas).read(scoreFile)
        FuzzCheck.refusalHasError(located != nil, diagnostics, "ScoreSheetReader")
        guard let located else { return FuzzOutcome(accepted: false, diagnostics: diagnostics) }
        let all = diagnostics + ScoreValidation.check(located, against: FuzzEnvironment.exampleModule)
        return FuzzOutcome(accepted: !all.hasErrors, diagnostics: all)
    }

    static func runScoreCSV(_ data: Data) -> FuzzOutcome {
        FuzzEnvironment.write(data, to: scoreCSVFile)
        var (document, diagnostics) = SpreadsheetFile.read(scoreCSVFile, displayPath: "puntajes.csv")
        FuzzCheck.refusalHasError(document != nil, diagnostics, "SpreadsheetFile.read")
        guard let document else { return FuzzOutcome(accepted: false, diagnostics: diagnostics) }
        let importer = ScoreImporter(module: FuzzEnvironment.exampleModule, submitted: "2013-02-01T10:00:00Z", catalogue: FuzzEnvironment.catalogue)
        let (imported, found) = importer.importFile(document)
        diagnostics += found
        FuzzCheck.refusalHasError(!imported.isEmpty, diagnostics, "ScoreImporter")
        for item in imported {
            let xml: Data
            do {
                xml = try ScoreSheetWriter.data(item.sheet)
            } catch {
                FuzzCheck.require(false, "ScoreSheetWriter cannot write the scores of \(item.sheet.evaluator): \(error)")
                continue
            }
            let (located, read) = ScoreSheetReader(schemas: FuzzEnvironment.schemas).read(xml, path: "imported.xml")
            let checked = read + (located.map { ScoreValidation.check($0, against: FuzzEnvironment.exampleModule) } ?? [])
            FuzzCheck.require(
                located != nil && !checked.hasErrors, "an imported score CSV gives a score file tequio check refuses: \(checked.map(\.formatted))")
        }
        return FuzzOutcome(accepted: !imported.isEmpty && !diagnostics.hasErrors, diagnostics: diagnostics)
    }

    static func runRounds(_ data: Data) -> FuzzOutcome {
        FuzzEnvironment.write(data, to: roundFile)
        let (located, diagnostics) = RoundResultReader(schemas: FuzzEnvironment.schemas).locate(roundFile)
        FuzzCheck.refusalHasError(located != nil, diagnostics, "RoundResultReader")
        guard let located else { return FuzzOutcome(accepted: false, diagnostics: diagnostics) }
        let (rounds, found) = RoundChain.order([located], module: FuzzEnvironment.exampleModule)
        FuzzCheck.refusalHasError(rounds != nil, found, "RoundChain")
        return FuzzOutcome(accepted: rounds != nil, diagnostics: diagnostics + found)
    }
}
