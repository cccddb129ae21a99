import Foundation
import TequioModel
import TequioReaders
import TequioWriters
import ZipSupport

/// `tequio import` of filled tracking workbooks: each plan sheet's news is appended to its tracking file
/// (`seguimiento-<plan>.xml`, in `trackingDirectory` or else beside the workbook). Every workbook and
/// tracking file is read and checked first; then every changed tracking file is written, read back and
/// checked as `tequio check` will (`TrackingReader`); the files are replaced only when all of this passed,
/// together.
public struct TrackingImportAction: Sendable {
    public struct Written: Sendable {
        public let url: URL
        public let applied: TrackingImporter.Applied
        /// The workbook it came from.
        public let file: String
    }

    public struct Outcome: Sendable {
        public var diagnostics: [Diagnostic] = []
        public var written: [Written] = []
        /// Plan sheets that brought nothing new.
        public var unchanged: [Written] = []
        public var failure: ImportFailure?
    }

    public let files: [String]
    public let module: URL
    public let trackingDirectory: URL?
    public let schemas: SchemaSet
    public let catalogue: StringCatalogue
    /// Workbooks already read (by path), so that a large one is not read twice.
    public let documents: [String: SpreadsheetDocument]

    public init(
        files: [String], module: URL, trackingDirectory: URL?, schemas: SchemaSet, catalogue: StringCatalogue,
        documents: [String: SpreadsheetDocument] = [:]
    ) {
        self.files = files
        self.module = module
        self.trackingDirectory = trackingDirectory
        self.schemas = schemas
        self.catalogue = catalogue
        self.documents = documents
    }

    public func run() -> Outcome {
        let moduleResult = ModuleReader(schemas: schemas).read(module)
        guard let module = moduleResult.module, !moduleResult.diagnostics.hasErrors else {
            return Outcome(
                diagnostics: moduleResult.diagnostics, failure: ImportFailure(.invalid, "\(DisplayPath.of(self.module)) has errors; nothing was imported"))
        }
        let importer: TrackingImporter
        do {
            importer = TrackingImporter(module: module, imported: ImportTimestamp.string(try ImportTimestamp.now()), catalogue: catalogue)
        } catch {
            return Outcome(failure: ImportFailure(.usage, "\(error)"))
        }
        let reader = TrackingReader(schemas: schemas)
        let results = files.concurrentMap { path -> ([Diagnostic], [(URL, TrackingImporter.Applied)]) in
            let (document, readDiagnostics) = SpreadsheetFile.read(path, reusing: documents)
            guard let document else { return (readDiagnostics, []) }
            var diagnostics = readDiagnostics
            let (sheets, found) = importer.planSheets(document)
            diagnostics += found
            var applied: [(URL, TrackingImporter.Applied)] = []
            for sheet in sheets {
                let target = (trackingDirectory ?? URL(fileURLWithPath: path).deletingLastPathComponent()).appendingPathComponent(sheet.fileName)
                guard FileManager.default.fileExists(atPath: target.path) else {
                    diagnostics.append(
                        .error(
                            TrackDiagnosticID.noTrackingFile,
                            "no tracking file \(DisplayPath.of(target)) for plan '\(sheet.planID)': import beside the files `tequio track init` wrote, or name their folder with -o",
                            at: sheet.location))
                    continue
                }
                let (located, readFound) = reader.read(target)
                diagnostics += readFound
                guard let located, !readFound.hasErrors else { continue }
                let (result, problems) = importer.apply(sheet, from: document, to: located)
                diagnostics += problems
                if let result { applied.append((target, result)) }
            }
            return (diagnostics, applied)
        }
        var outcome = Outcome()
        var applied: [(url: URL, applied: TrackingImporter.Applied, file: String)] = []
        for (path, (found, items)) in zip(files, results) {
            outcome.diagnostics += found
            applied += items.map { ($0.0, $0.1, path) }
        }
        outcome.diagnostics += Self.duplicates(applied.map { ($0.url, $0.file) })
        if outcome.diagnostics.hasErrors {
            let ioOnly = outcome.diagnostics.filter { $0.severity == .error }.allSatisfy {
                $0.identifier == ImportDiagnosticID.io.rawValue || $0.identifier == ZipDiagnosticID.io.rawValue
            }
            outcome.failure = ImportFailure(ioOnly ? .io : .invalid, "nothing was imported", summarise: true)
            return outcome
        }
        // Each changed file is written and read back as `tequio check` and the report will read it.
        let changed = applied.filter { $0.applied.updates + $0.applied.changes > 0 }
        outcome.unchanged = applied.filter { $0.applied.updates + $0.applied.changes == 0 }.map { Written(url: $0.url, applied: $0.applied, file: $0.file) }
        let serialised = changed.concurrentMap { item -> Result<Data, ImportFailure> in
            guard let data = try? TrackingWriter.data(item.applied.plan) else {
                return .failure(ImportFailure(.installation, "cannot write \(DisplayPath.of(item.url))"))
            }
            let (located, found) = reader.read(data, path: DisplayPath.of(item.url))
            guard located != nil, !found.hasErrors else {
                return .failure(
                    ImportFailure(
                        .installation,
                        "the updates from \(item.file) would make \(DisplayPath.of(item.url)) invalid (a bug in Tequio: the import should have named the cells); nothing was imported: \(found.filter { $0.severity == .error }.map(\.formatted).joined(separator: "; "))"))
            }
            return .success(data)
        }
        var outputs: [OutputFile] = []
        for (item, result) in zip(changed, serialised) {
            switch result {
            case .failure(let failure): return Outcome(diagnostics: outcome.diagnostics, failure: failure)
            case .success(let data):
                outputs.append(.data(data, to: item.url))
                outcome.written.append(Written(url: item.url, applied: item.applied, file: item.file))
            }
        }
        do {
            try OutputStage().write(outputs)
        } catch {
            return Outcome(diagnostics: outcome.diagnostics, failure: ImportFailure(.io, "cannot write the tracking files: \(error)"))
        }
        return outcome
    }

    /// Two plan sheets updating one tracking file in one run: which one counts is the table's call.
    static func duplicates(_ targets: [(url: URL, file: String)]) -> [Diagnostic] {
        var first: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        for (url, file) in targets {
            if let earlier = first[url.standardizedFileURL.path] {
                diagnostics.append(
                    .error(
                        TrackDiagnosticID.duplicatePlan,
                        "\(DisplayPath.of(url)) is updated by two workbooks in one run (\(earlier) and \(file)): import one, then the other",
                        at: SourceLocation(file: file)))
            } else {
                first[url.standardizedFileURL.path] = file
            }
        }
        return diagnostics
    }
}
