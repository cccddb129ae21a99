import ArgumentParser
import Foundation
import TequioFaceToFace
import TequioModel
import TequioReaders

/// What `tequio import` can read, one row each: the first whose `claims` accepts the files runs. A new
/// kind of input is a new row (and its `run`), not another branch of `ImportCommand.run`.
struct ImportKind: Sendable {
    /// The files of one run, with the format their `tequio` sheets name, read once for every row.
    struct Inputs {
        let files: [String]
        let workbookFormats: Set<String>
        /// The workbooks read to find their format, by path, for an import that can take them as read.
        let documents: [String: SpreadsheetDocument]

        init(files: [String]) {
            self.files = files
            let workbooks = files.filter { ["xlsx", "ods"].contains(URL(fileURLWithPath: $0).pathExtension.lowercased()) }
            let read = workbooks.concurrentMap { path in SpreadsheetFile.read(URL(fileURLWithPath: path), displayPath: DisplayPath.of(URL(fileURLWithPath: path))).0 }
            documents = Dictionary(zip(workbooks, read).compactMap { path, document in document.map { (path, $0) } }, uniquingKeysWith: { a, _ in a })
            workbookFormats = Set(documents.values.compactMap(WorkbookFormat.of))
        }
    }

    let name: String
    let claims: @Sendable (Inputs) -> Bool
    let run: @Sendable (ImportCommand, Inputs, ResourceLocator, DiagnosticPrinter) throws -> Void
}

extension ImportCommand {
    static let kinds: [ImportKind] = [
        ImportKind(
            name: "reviewed plans (.docx, .odt)", claims: { $0.files.allSatisfy(ImportCommand.isReviewedPlan) },
            run: { try $0.importReviewed($2, $3) }),
        ImportKind(
            name: "scoring workbooks and score CSVs",
            claims: { inputs in
                inputs.workbookFormats.contains(ScoringKey.formatValue)
                    || inputs.files.contains { URL(fileURLWithPath: $0).pathExtension.lowercased() == "csv" && ScoreCSV.isScoreCSV(URL(fileURLWithPath: $0)) }
            },
            run: { try $0.importScores($1, $2, $3) }),
        ImportKind(
            name: "tracking workbooks", claims: { $0.workbookFormats.contains(TrackingKey.formatValue) }, run: { try $0.importTracking($1, $2, $3) }),
        ImportKind(name: "filled matrices", claims: { _ in true }, run: { try $0.importMatrices($1, $2, $3) }),
    ]

    /// Prints what an import found and, when it failed, its summary and the failure.
    func report(_ diagnostics: [Diagnostic], failure: ImportFailure?, _ printer: DiagnosticPrinter) throws {
        printer.print(diagnostics)
        guard let failure else { return }
        if failure.summarise && format == .text { Output.error(DiagnosticPrinter.summary(diagnostics, files: files.count)) }
        throw Self.commandFailure(failure)
    }

    /// Filled scoring workbooks (`tequio review sheets`) become score files.
    func importScores(_ inputs: ImportKind.Inputs, _ located: ResourceLocator, _ printer: DiagnosticPrinter) throws {
        let action = ScoreImportAction(
            files: files, module: URL(fileURLWithPath: module), outputDirectory: URL(fileURLWithPath: output ?? "dist/scores"),
            schemas: SchemaSet(directory: located.schemas), catalogue: try located.catalogue(), documents: inputs.documents)
        let outcome = action.run()
        try report(outcome.diagnostics, failure: outcome.failure, printer)
        for out in outcome.written {
            let scored = out.sheet.plans.filter { !$0.conflict }.count
            let conflicts = out.sheet.plans.count - scored
            Output.error(
                "wrote \(DisplayPath.of(out.url)) (\(out.file): \(out.sheet.evaluator), \(scored) plan\(scored == 1 ? "" : "s") scored\(conflicts > 0 ? ", \(conflicts) conflict\(conflicts == 1 ? "" : "s") of interest declared" : ""))")
        }
    }

    /// Filled tracking workbooks (`tequio track init`, `track sheets`) add dated updates to the tracking
    /// files beside them (or in `-o`).
    func importTracking(_ inputs: ImportKind.Inputs, _ located: ResourceLocator, _ printer: DiagnosticPrinter) throws {
        let action = TrackingImportAction(
            files: files, module: URL(fileURLWithPath: module), trackingDirectory: output.map { URL(fileURLWithPath: $0) },
            schemas: SchemaSet(directory: located.schemas), catalogue: try located.catalogue(), documents: inputs.documents)
        let outcome = action.run()
        try report(outcome.diagnostics, failure: outcome.failure, printer)
        for out in outcome.written {
            let a = out.applied
            Output.error(
                "updated \(DisplayPath.of(out.url)) (\(out.file), \(a.sheet): \(a.updates) update\(a.updates == 1 ? "" : "s"), \(a.changes) planning field\(a.changes == 1 ? "" : "s") set\(a.unchanged > 0 ? ", \(a.unchanged) row\(a.unchanged == 1 ? "" : "s") unchanged" : ""))")
        }
        for out in outcome.unchanged {
            Output.error("nothing new for \(DisplayPath.of(out.url)) (\(out.file), \(out.applied.sheet))")
        }
    }

    func importReviewed(_ located: ResourceLocator, _ printer: DiagnosticPrinter) throws {
        let schemas = SchemaSet(directory: located.schemas)
        let read = ModuleCache.shared.read(URL(fileURLWithPath: module), schemas: schemas)
        guard let loaded = read.module else {
            printer.print(read.diagnostics.filter { $0.severity == .error })
            throw CommandFailure.invalid("\(module) has errors; nothing was written")
        }
        let action = ReviewedImport(
            schemas: schemas, module: loaded, outputDirectory: URL(fileURLWithPath: output ?? "dist/matrices"), pending: ReviewImport.Pending(rawValue: pending)!)
        do {
            let (written, diagnostics) = try action.run(files)
            printer.print(diagnostics)
            for (url, matrix, source) in written {
                let notes = matrix.rows.reduce(0) { $0 + $1.reviewNotes.filter { $0.status == .open }.count }
                Output.error("wrote \(DisplayPath.of(url)) (\(source): draft \(matrix.draft), \(matrix.rows.count) rows, \(notes) open review note\(notes == 1 ? "" : "s"))")
            }
        } catch let failure as ReviewedImport.Failure {
            printer.print(failure.diagnostics)
            throw CommandFailure.invalid(failure.message)
        }
    }
}
