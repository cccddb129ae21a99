import Foundation
import TequioModel
import TequioReaders
import TequioWriters
import ZipSupport

/// `tequio import` of filled scoring workbooks and score CSVs: each workbook, and each evaluator and
/// round of a CSV, becomes one score file
/// (`puntajes-<round>-<evaluator>.xml`, `ScoreSheetWriter`). Every workbook is read and checked first,
/// then every score file is written, read back and checked as `tequio check` and the ranking will
/// (`ScoreSheetReader`, `ScoreValidation`); the files are written only when all of this passed, together.
public struct ScoreImportAction {
    public struct Written: Sendable {
        public let url: URL
        public let sheet: ScoreSheet
        /// The workbook it came from.
        public let file: String
    }

    public struct Outcome: Sendable {
        public var diagnostics: [Diagnostic] = []
        public var written: [Written] = []
        public var failure: ImportFailure?
    }

    public let files: [String]
    public let module: URL
    public let outputDirectory: URL
    public let schemas: SchemaSet
    public let catalogue: StringCatalogue
    /// Workbooks already read (to tell what kind of import this is), by path: not read again.
    public let documents: [String: SpreadsheetDocument]

    public init(
        files: [String], module: URL, outputDirectory: URL, schemas: SchemaSet, catalogue: StringCatalogue,
        documents: [String: SpreadsheetDocument] = [:]
    ) {
        self.files = files
        self.documents = documents
        self.module = module
        self.outputDirectory = outputDirectory
        self.schemas = schemas
        self.catalogue = catalogue
    }

    public func run() -> Outcome {
        let moduleResult = ModuleReader(schemas: schemas).read(module)
        guard let module = moduleResult.module, !moduleResult.diagnostics.hasErrors else {
            return Outcome(
                diagnostics: moduleResult.diagnostics,
                failure: ImportFailure(.invalid, "\(DisplayPath.of(self.module)) has errors; nothing was imported"))
        }
        let date: Date
        do {
            date = try ImportTimestamp.now()
        } catch {
            return Outcome(failure: ImportFailure(.usage, "\(error)"))
        }
        let importer = ScoreImporter(module: module, submitted: ImportTimestamp.string(date), catalogue: catalogue)
        var outcome = Outcome()
        var imported: [ScoreImporter.Imported] = []
        // Each workbook is read and checked on its own, on every core; the results are gathered in order.
        let documents = self.documents
        let results = files.concurrentMap { path -> ([Diagnostic], [ScoreImporter.Imported]) in
            let (document, readDiagnostics) = SpreadsheetFile.read(path, reusing: documents)
            guard let document else { return (readDiagnostics, []) }
            let (items, found) = importer.importFile(document)
            return (readDiagnostics + found, items)
        }
        for (found, items) in results {
            outcome.diagnostics += found
            imported += items
        }
        outcome.diagnostics += Self.duplicates(imported)
        if outcome.diagnostics.hasErrors {
            let ioOnly = outcome.diagnostics.filter { $0.severity == .error }.allSatisfy {
                $0.identifier == ImportDiagnosticID.io.rawValue || $0.identifier == ZipDiagnosticID.io.rawValue
            }
            outcome.failure = ImportFailure(ioOnly ? .io : .invalid, "nothing was imported", summarise: true)
            return outcome
        }
        var outputs: [(OutputFile, Written)] = []
        let reader = ScoreSheetReader(schemas: schemas)
        for item in imported {
            let name = ScoreSheetWriter.fileName(item.sheet)
            let data: Data
            do {
                data = try ScoreSheetWriter.data(item.sheet)
            } catch {
                return Outcome(diagnostics: outcome.diagnostics, failure: ImportFailure(.installation, "cannot write the scores of \(item.file): \(error)"))
            }
            // What is written must read back and pass the checks the ranking makes.
            let (located, found) = reader.read(data, path: name)
            let rejected = (found + (located.map { ScoreValidation.check($0, against: module) } ?? [])).filter { $0.severity == .error }
            guard located != nil, rejected.isEmpty else {
                return Outcome(
                    diagnostics: outcome.diagnostics + rejected,
                    failure: ImportFailure(
                        .installation,
                        "the scores imported from \(item.file) would be refused by tequio check (a bug in Tequio: the import should have named the cells); nothing was imported"))
            }
            let url = outputDirectory.appendingPathComponent(name)
            outputs.append((.data(data, to: url), Written(url: url, sheet: item.sheet, file: item.file)))
        }
        do {
            try FileManager.default.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
            try OutputStage().write(outputs.map(\.0))
        } catch {
            outcome.failure = ImportFailure(.io, "cannot write to \(DisplayPath.of(outputDirectory)): \(error)")
            return outcome
        }
        outcome.written = outputs.map(\.1)
        return outcome
    }

    /// Two workbooks (or CSV groups) of one evaluator in one round: which one counts is the committee's
    /// call, not ours.
    static func duplicates(_ imported: [ScoreImporter.Imported]) -> [Diagnostic] {
        var first: [String: ScoreImporter.Imported] = [:]
        var diagnostics: [Diagnostic] = []
        for item in imported {
            let key = ScoreSheetWriter.fileName(item.sheet)
            if let earlier = first[key] {
                let inCSV = [earlier, item].contains { $0.file.lowercased().hasSuffix(".csv") }
                let what = inCSV ? "score sheets" : "workbooks"
                let places = earlier.file == item.file ? "in \(item.file)" : "\(earlier.file) and \(item.file)"
                diagnostics.append(
                    Diagnostic(
                        .error, ReviewDiagnosticID.duplicateEvaluator,
                        "\(item.sheet.evaluator) has two \(what) for round '\(item.sheet.round)' (\(places)): import the one that counts",
                        at: item.evaluatorLocation,
                        notes: [Diagnostic.Note(location: earlier.evaluatorLocation, message: "the other \(what.dropLast()) of \(earlier.sheet.evaluator)")]))
            } else {
                first[key] = item
            }
        }
        return diagnostics
    }
}
