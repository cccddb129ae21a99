import ArgumentParser
import Foundation
import TequioFaceToFace
import TequioModel
import TequioReaders
import TequioWriters
import ZipSupport

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn filled spreadsheets (.xlsx, .ods, .csv) into completed-matrix files.",
        discussion: """
            Each working table's sheet becomes one completed-matrix file \
            (<module>-<table>-<date>.xml, docs/completed-matrix-format.md) in the output folder, ready \
            for `tequio check` and `tequio assemble`.

            Inputs:
              - the blank spreadsheets of `tequio build --target sheets` (or of the print kit), filled \
            in: their 'tequio' sheet must name this module, its version and a matrix of it; each table \
            sheet keeps its header in row 2, the table name in B1 and the municipality in D1;
              - any .xlsx, .ods or .csv whose first row holds the column ids or labels (in any of the \
            module's languages), one sheet per table named after the sheet (or the file, or --table). \
            CSV files are UTF-8, with or without a byte-order mark, separated by commas or semicolons.

            Every problem is reported with file, sheet and cell, for example
              plan.xlsx: error: sheet 'Mesa 1': cell C5: … over the maximum of 1000 [import.too-long]
            A spreadsheet for another module or version, renamed or missing columns, merged cells, \
            error values, formulas without a stored value and text over a column's maximum length \
            are errors: then nothing is written. Formulas are never evaluated: their stored value is \
            imported, with a warning. Text such as =HYPERLINK(...), +52 951 or - item stays text. \
            Zips are opened with the safe reader (zip bombs, path traversal and duplicate entries \
            are refused). The files are written only when every input is valid, each one atomically; \
            an existing file with the same name is replaced. Dates come from SOURCE_DATE_EPOCH when \
            it is set, else from the clock.

            Exit codes: 0 written (warnings allowed), 65 invalid input (nothing written), 74 a file \
            could not be read or written, 64 bad usage, 70 broken installation.

            Examples:
              tequio import mesas.xlsx --module modules/oaxaca-agua
              tequio import m1.ods m2.ods --module modules/oaxaca-agua -o /tmp/m
              tequio import mesa-3.csv --module modules/oaxaca-agua --table "Mesa 3"
              tequio import mesas.xlsx --module modules/oaxaca-agua --format json
            """)

    @Argument(help: ArgumentHelp("Filled .xlsx, .ods or .csv files.", valueName: "spreadsheet"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("The module the matrices belong to (its folder or module.xml).", valueName: "module"))
    var module: String

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Folder for the completed-matrix files.", valueName: "dir"))
    var output: String = "dist/matrices"

    @Option(
        name: .long,
        help: ArgumentHelp("Matrix id for files without a 'tequio' sheet (default: the module's first matrix).", valueName: "id"))
    var matrix: String?

    @Option(name: .long, help: ArgumentHelp("Table name for a file with a single table without one (a CSV).", valueName: "name"))
    var table: String?

    @Option(name: .long, help: ArgumentHelp("Municipality for a file with a single table without one (a CSV).", valueName: "name"))
    var municipality: String?

    @Option(name: .long, help: "Diagnostics format: text (on stderr) or json (on stdout).")
    var format: DiagnosticPrinter.Format = .text

    @OptionGroup var resources: ResourceOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one spreadsheet to import") }
        if let table, table.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--table cannot be empty") }
    }

    func run() throws {
        let located = try resources.locate()
        let schemas = SchemaSet(directory: located.schemas)
        var printer = DiagnosticPrinter(format: format)
        if format == .json { printer.colour = false }

        let moduleResult = ModuleReader(schemas: schemas).read(URL(fileURLWithPath: module))
        guard let moduleValue = moduleResult.module, !moduleResult.diagnostics.hasErrors else {
            printer.print(moduleResult.diagnostics)
            throw CommandFailure.invalid("\(DisplayPath.of(URL(fileURLWithPath: module))) has errors; nothing was imported")
        }
        if let matrix, moduleValue.matrix(id: matrix) == nil {
            throw CommandFailure(
                message: "module '\(moduleValue.id)' has no matrix '\(matrix)' (it has: \(moduleValue.matrices.map(\.id).joined(separator: ", ")))",
                code: TequioExit.usage)
        }
        let date: Date
        do {
            let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] ?? ""
            date = epoch.isEmpty ? Date() : try ArchiveOptions.timestampFromEnvironment()
        } catch {
            throw CommandFailure(message: "\(error)", code: TequioExit.usage)
        }
        let importer = MatrixImporter(
            module: moduleValue, matrixID: matrix, tableName: table, municipality: municipality,
            timestamp: ImportTimestamp.string(date))

        var diagnostics: [Diagnostic] = []
        var imported: [MatrixImporter.Imported] = []
        for path in files {
            let url = URL(fileURLWithPath: path)
            let (document, readDiagnostics) = SpreadsheetFile.read(url, displayPath: DisplayPath.of(url))
            diagnostics += readDiagnostics
            guard let document else { continue }
            let result = importer.importDocument(document)
            diagnostics += result.diagnostics
            imported += result.matrices
        }

        // Serialise and check every file before writing any.
        var outputs: [(name: String, data: Data, item: MatrixImporter.Imported)] = []
        var names = Set<String>()
        if !diagnostics.hasErrors {
            let reader = CompletedMatrixReader(schemas: schemas)
            for item in imported {
                let data: Data
                do {
                    data = try CompletedMatrixWriter.data(item.matrix, columnOrder: item.definition.columns.map(\.id))
                } catch {
                    throw CommandFailure.installation("cannot write the matrix of sheet '\(item.sheet)': \(error)")
                }
                let name = Self.uniqueName(CompletedMatrixWriter.fileName(item.matrix), taken: &names)
                let (_, schemaDiagnostics) = reader.read(data, path: name)
                if schemaDiagnostics.hasErrors {
                    printer.print(schemaDiagnostics)
                    throw CommandFailure.installation("the matrix imported from \(item.file), sheet '\(item.sheet)', does not match the completed-matrix schema (a bug in Tequio)")
                }
                outputs.append((name, data, item))
            }
        }

        printer.print(diagnostics)
        if diagnostics.hasErrors {
            let ioOnly = diagnostics.filter { $0.severity == .error }.allSatisfy { $0.identifier == ImportDiagnosticID.io || $0.identifier == "zip.io" }
            let summary = DiagnosticPrinter.summary(diagnostics, files: files.count)
            if format == .text { Output.error(summary) }
            throw ioOnly ? CommandFailure.io("nothing was imported") : CommandFailure.invalid("nothing was imported")
        }

        let folder = URL(fileURLWithPath: output)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for out in outputs {
                try out.data.write(to: folder.appendingPathComponent(out.name), options: .atomic)
            }
        } catch {
            throw CommandFailure.io("cannot write to \(DisplayPath.of(folder)): \(error.localizedDescription)")
        }
        for out in outputs {
            let m = out.item.matrix
            Output.error(
                "wrote \(DisplayPath.of(folder.appendingPathComponent(out.name))) (\(out.item.file)\(out.item.file.hasSuffix(".csv") ? "" : ", sheet '\(out.item.sheet)'"): \(m.rows.count) row\(m.rows.count == 1 ? "" : "s"), \(m.members.count) member\(m.members.count == 1 ? "" : "s"))")
        }
    }

    /// `name`, or `name` with `-2`, `-3`… before `.xml` when taken.
    static func uniqueName(_ name: String, taken: inout Set<String>) -> String {
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

/// The `created`/`modified` value of imported matrices.
enum ImportTimestamp {
    static func string(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'"
        return f.string(from: date)
    }
}
