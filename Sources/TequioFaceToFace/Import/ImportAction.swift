import Foundation
import TequioModel
import TequioReaders
import TequioWriters
import ZipSupport

/// Why `tequio import` stops: the kind maps to an exit code, the message is printed as is.
public struct ImportFailure: Error, Equatable, Sendable {
    public enum Kind: Sendable, Equatable {
        /// Invalid module or spreadsheets (exit 65).
        case invalid
        /// A file could not be read or written (exit 74).
        case io
        /// Bad usage: an unknown matrix id, a bad SOURCE_DATE_EPOCH (exit 64).
        case usage
        /// A bug or a broken installation (exit 70).
        case installation
    }

    public let kind: Kind
    public let message: String
    /// Whether the caller should print a summary of the diagnostics before the message.
    public let summarise: Bool

    public init(_ kind: Kind, _ message: String, summarise: Bool = false) {
        self.kind = kind
        self.message = message
        self.summarise = summarise
    }
}

/// Turns filled spreadsheets into completed-matrix files: reads the module, imports every file,
/// serialises and checks every matrix against the schema, and writes the files, each atomically,
/// only when every input is valid.
public struct ImportAction {
    public struct Input: Sendable {
        public var files: [String]
        public var module: URL
        public var outputDirectory: URL
        public var matrix: String?
        public var table: String?
        public var municipality: String?
        /// Workbooks already read (to tell what kind of import this is), by path: not read again.
        public var documents: [String: SpreadsheetDocument]

        public init(
            files: [String], module: URL, outputDirectory: URL, matrix: String?, table: String?, municipality: String?,
            documents: [String: SpreadsheetDocument] = [:]
        ) {
            self.files = files
            self.documents = documents
            self.module = module
            self.outputDirectory = outputDirectory
            self.matrix = matrix
            self.table = table
            self.municipality = municipality
        }
    }

    /// One completed-matrix file written.
    public struct Written: Sendable {
        public let url: URL
        public let item: MatrixImporter.Imported
    }

    public struct Outcome: Sendable {
        /// The diagnostics to report, or nil when there are none to report (not even an empty list).
        public var diagnostics: [Diagnostic]?
        /// The files written, in order.
        public var written: [Written] = []
        public var failure: ImportFailure?
    }

    public let input: Input
    public let schemas: SchemaSet
    /// The workbooks' words, which the import recognises in every language.
    public let catalogue: StringCatalogue

    public init(_ input: Input, schemas: SchemaSet, catalogue: StringCatalogue) {
        self.input = input
        self.schemas = schemas
        self.catalogue = catalogue
    }

    public func run() -> Outcome {
        let moduleResult = ModuleReader(schemas: schemas).read(input.module)
        guard let moduleValue = moduleResult.module, !moduleResult.diagnostics.hasErrors else {
            return Outcome(
                diagnostics: moduleResult.diagnostics,
                failure: ImportFailure(.invalid, "\(DisplayPath.of(input.module)) has errors; nothing was imported"))
        }
        if let matrix = input.matrix, moduleValue.matrix(id: matrix) == nil {
            return Outcome(
                failure: ImportFailure(
                    .usage, "module '\(moduleValue.id)' has no matrix '\(matrix)' (it has: \(moduleValue.matrices.map(\.id).joined(separator: ", ")))"))
        }
        let date: Date
        do {
            date = try ImportTimestamp.now()
        } catch {
            return Outcome(failure: ImportFailure(.usage, "\(error)"))
        }
        let importer = MatrixImporter(
            module: moduleValue, matrixID: input.matrix, tableName: input.table, municipality: input.municipality,
            timestamp: ImportTimestamp.string(date), catalogue: catalogue)

        var diagnostics: [Diagnostic] = []
        var imported: [MatrixImporter.Imported] = []
        for path in input.files {
            let (document, readDiagnostics) = SpreadsheetFile.read(path, reusing: input.documents)
            diagnostics += readDiagnostics
            guard let document else { continue }
            let result = importer.importDocument(document)
            diagnostics += result.diagnostics
            imported += result.matrices
        }

        // Serialise every file and check it exactly as `tequio check --module` will, before writing
        // any: the size cap of the completed-matrix reader, the schema, then the checks against the
        // module. The importer's own checks name the cells; these only catch what they missed.
        var outputs: [(name: String, data: Data, item: MatrixImporter.Imported)] = []
        var names = Set<String>()
        if !diagnostics.hasErrors {
            let reader = CompletedMatrixReader(schemas: schemas)
            for item in imported {
                let data: Data
                do {
                    data = try CompletedMatrixWriter.data(item.matrix, columnOrder: item.definition.columns.map(\.id))
                } catch {
                    return Outcome(failure: ImportFailure(.installation, "cannot write the matrix of sheet '\(item.sheet)': \(error)"))
                }
                let from = item.file.hasSuffix(".csv") ? item.file : "\(item.file), sheet '\(item.sheet)'"
                if data.count > reader.limits.maxFileBytes {
                    diagnostics.append(
                        .error(
                            ImportDiagnosticID.tooLarge,
                            "\(item.file.hasSuffix(".csv") ? "" : "sheet '\(item.sheet)': ")the table would make a completed-matrix file of \(ByteCount.text(data.count)), over the \(ByteCount.text(reader.limits.maxFileBytes)) that tequio check and tequio assemble read; a working table's matrix is a few hundred kilobytes: split the table, or shorten its texts",
                            at: SourceLocation(file: item.file)))
                    continue
                }
                let name = Self.uniqueName(CompletedMatrixWriter.fileName(item.matrix), taken: &names)
                let (located, readDiagnostics) = reader.read(data, path: name)
                var rejected = readDiagnostics.filter { $0.severity == .error }
                if let located { rejected += CompletedMatrixValidation.check(located, against: moduleValue).filter { $0.severity == .error } }
                if !rejected.isEmpty {
                    return Outcome(
                        diagnostics: diagnostics + rejected,
                        failure: ImportFailure(
                            .installation,
                            "the matrix imported from \(from) would be refused by tequio check (a bug in Tequio: the import should have named the cells); nothing was imported"))
                }
                outputs.append((name, data, item))
            }
        }

        if diagnostics.hasErrors {
            let ioOnly = diagnostics.filter { $0.severity == .error }.allSatisfy { $0.identifier == ImportDiagnosticID.io.rawValue || $0.identifier == ZipDiagnosticID.io.rawValue }
            return Outcome(
                diagnostics: diagnostics, failure: ImportFailure(ioOnly ? .io : .invalid, "nothing was imported", summarise: true))
        }

        let folder = input.outputDirectory
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for out in outputs {
                try out.data.write(to: folder.appendingPathComponent(out.name), options: .atomic)
            }
        } catch {
            return Outcome(
                diagnostics: diagnostics,
                failure: ImportFailure(.io, "cannot write to \(DisplayPath.of(folder)): \(error.localizedDescription)"))
        }
        return Outcome(
            diagnostics: diagnostics,
            written: outputs.map { Written(url: folder.appendingPathComponent($0.name), item: $0.item) })
    }

    /// `name`, or `name` with `-2`, `-3`… before `.xml` when taken.
    public static func uniqueName(_ name: String, taken: inout Set<String>) -> String {
        var candidate = name
        var n = 2
        let stem = name.hasSuffix(".xml") ? String(name.dropLast(4)) : name
        while taken.contains(candidate) {
            candidate = "\(stem)-\(n).xml"
            n += 1
        }
        taken.insert(candidate)
        return candidate
    }
}

/// The `created`/`modified` value of imported matrices (and `submitted` of imported scores).
public enum ImportTimestamp {
    /// SOURCE_DATE_EPOCH when it is set (reproducible runs), else the clock.
    public static func now() throws -> Date {
        let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] ?? ""
        return epoch.isEmpty ? Date() : try ArchiveOptions.timestampFromEnvironment()
    }

    public static func string(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'"
        return f.string(from: date)
    }
}
