import ArgumentParser
import Foundation
import TequioFaceToFace
import TequioModel
import TequioReaders

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn filled spreadsheets (.xlsx, .ods, .csv) and reviewed plans (.docx, .odt) into completed-matrix files, scoring workbooks into score files, tracking workbooks into updates.",
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
            error values, formulas without a stored value, empty required cells and text over a \
            column's maximum length are errors: then nothing is written. So are more than 10,000 \
            filled rows in a table, a CSV over 16 MiB, and password-protected or Office 97–2003 files \
            (save them again without a password, as .xlsx or .ods). Control characters and U+FFFE/FFFF \
            are removed with a warning naming the cell; every file is checked as `tequio check` would \
            before it is written. Formulas are never evaluated: their stored value is \
            imported, with a warning. Text such as =HYPERLINK(...), +52 951 or - item stays text. \
            Zips are opened with the safe reader (zip bombs, path traversal and duplicate entries \
            are refused). The files are written only when every input is valid, each one atomically; \
            an existing file with the same name is replaced. Dates come from SOURCE_DATE_EPOCH when \
            it is set, else from the clock.

            Reviewed plans: a plan written by `tequio assemble` as DOCX or ODT, opened in Word or \
            LibreOffice by a committee member who edited the matrix's cells with track changes on and \
            added comments, becomes the next draft of its table's matrix (draft number + 1). The plan \
            carries the draft it was made from and a bookmark in each cell, so this works after Word \
            or LibreOffice rewrote the file. Pending changes are accepted (--pending reject keeps the \
            table's text and keeps each change as a suggestion); comments and suggestions become \
            review notes on their cells (docs/committee-review.md), which the table sees in the \
            player. Only the matrix table is read: a comment elsewhere is named in a warning.

            Scoring workbooks: the workbooks of `tequio review sheets` (.xlsx, .ods, also re-saved by \
            LibreOffice), told apart by their 'tequio' sheet, and score CSVs (one line per plan and \
            item: the .csv template of `tequio review sheets`, filled by hand, a form tool or a script), \
            told apart by their header, become one score file per evaluator and round, \
            puntajes-<round>-<evaluator>.xml, in dist/scores unless -o says otherwise \
            (docs/committee-decision.md). Each problem names file, sheet and cell, or a CSV's line and \
            column, for example
              puntajes-ana.xlsx:Plan 3!C16: error: 7 is outside the scale 1–5 [review.out-of-scale]
              puntajes-ana.csv:21:249: error: 7 is outside the scale 1–5 [review.out-of-scale]
            and then nothing is written. A workbook saved as CSV (one plan sheet) is not read.

            Tracking workbooks: the workbooks of `tequio track init` and `track sheets` (.xlsx, .ods, \
            also re-saved by LibreOffice), told apart by their 'tequio' sheet, add dated updates and \
            planning changes to the tracking files they name, found in -o or else beside the workbook \
            (docs/implementation.md). Updates are appended, never overwritten; a row as the tracking \
            file already says it brings nothing. Each problem names file, sheet and cell, for example
              seguimiento.xlsx:Plan 2!F19: error: the update of 'c1-g2' is dated 2025-03-01, before its last update (2025-04-30) [track.update-before-last]
            and then nothing is written.

            Exit codes: 0 written (warnings allowed), 65 invalid input (nothing written), 74 a file \
            could not be read or written, 64 bad usage, 70 broken installation.

            Examples:
              tequio import mesas.xlsx --module modules/oaxaca-agua
              tequio import m1.ods m2.ods --module modules/oaxaca-agua -o /tmp/m
              tequio import mesa-3.csv --module modules/oaxaca-agua --table "Mesa 3"
              tequio import mesas.xlsx --module modules/oaxaca-agua --format json
              tequio import plan-revisado.docx --module modules/oaxaca-agua -o borradores
              tequio import plan-revisado.odt --module modules/oaxaca-agua --pending reject
              tequio import puntajes-ronda-1-*.xlsx --module modules/oaxaca-agua
              tequio import puntajes-ronda-1-ana-perez.csv puntajes-ronda-1-luis-cruz.xlsx --module modules/oaxaca-agua
              tequio import seguimiento-marzo.xlsx --module modules/oaxaca-agua -o seguimiento
            """)

    @Argument(help: ArgumentHelp("Filled .xlsx, .ods or .csv files, or reviewed .docx or .odt plans.", valueName: "file"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("The module the matrices belong to (its folder or module.xml).", valueName: "module"))
    var module: String

    @Option(
        name: [.short, .customLong("output")],
        help: ArgumentHelp("Folder for the completed-matrix files (default: dist/matrices) or the score files (default: dist/scores); for tracking workbooks, the folder of the tracking files (default: beside the workbook).", valueName: "dir"))
    var output: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Matrix id for files without a 'tequio' sheet (default: the module's first matrix).", valueName: "id"))
    var matrix: String?

    @Option(name: .long, help: ArgumentHelp("Table name for a file with a single table without one (a CSV).", valueName: "name"))
    var table: String?

    @Option(name: .long, help: ArgumentHelp("Municipality for a file with a single table without one (a CSV).", valueName: "name"))
    var municipality: String?

    @Option(name: .long, help: ArgumentHelp("Reviewed plans: apply the reviewer's pending changes (accept) or keep the table's text and keep them as suggestions (reject).", valueName: "accept|reject"))
    var pending: String = "accept"

    @Option(name: .long, help: "Diagnostics format: text (on stderr) or json (on stdout).")
    var format: DiagnosticPrinter.Format = .text

    @OptionGroup var resources: ResourceOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one spreadsheet to import") }
        if let table, table.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--table cannot be empty") }
        guard ReviewImport.Pending(rawValue: pending) != nil else { throw ValidationError("--pending must be accept or reject, not '\(pending)'") }
        let reviewed = files.filter(Self.isReviewedPlan)
        if !reviewed.isEmpty && reviewed.count != files.count {
            throw ValidationError("import reviewed plans (.docx, .odt) and spreadsheets in separate runs")
        }
    }

    static func isReviewedPlan(_ path: String) -> Bool {
        ["docx", "odt"].contains(URL(fileURLWithPath: path).pathExtension.lowercased())
    }

    func run() throws {
        let located = try resources.locate()
        var printer = DiagnosticPrinter(format: format)
        if format == .json { printer.colour = false }
        let inputs = ImportKind.Inputs(files: files)
        let kind = Self.kinds.first { $0.claims(inputs) } ?? Self.kinds[Self.kinds.count - 1]
        try kind.run(self, inputs, located, printer)
    }

    /// Filled matrix spreadsheets (blank workbooks of `build --target sheets`, any table) become
    /// completed-matrix files.
    func importMatrices(_ inputs: ImportKind.Inputs, _ located: ResourceLocator, _ printer: DiagnosticPrinter) throws {
        let action = ImportAction(
            ImportAction.Input(
                files: files, module: URL(fileURLWithPath: module), outputDirectory: URL(fileURLWithPath: output ?? "dist/matrices"),
                matrix: matrix, table: table, municipality: municipality, documents: inputs.documents),
            schemas: SchemaSet(directory: located.schemas), catalogue: try located.catalogue())
        let outcome = action.run()
        if let diagnostics = outcome.diagnostics { printer.print(diagnostics) }
        if let failure = outcome.failure {
            if failure.summarise && format == .text {
                Output.error(DiagnosticPrinter.summary(outcome.diagnostics ?? [], files: files.count))
            }
            switch failure.kind {
            case .invalid: throw CommandFailure.invalid(failure.message)
            case .io: throw CommandFailure.io(failure.message)
            case .usage: throw CommandFailure(message: failure.message, code: TequioExit.usage)
            case .installation: throw CommandFailure.installation(failure.message)
            }
        }
        for out in outcome.written {
            let m = out.item.matrix
            Output.error(
                "wrote \(DisplayPath.of(out.url)) (\(out.item.file)\(out.item.file.hasSuffix(".csv") ? "" : ", sheet '\(out.item.sheet)'"): \(m.rows.count) row\(m.rows.count == 1 ? "" : "s"), \(m.members.count) member\(m.members.count == 1 ? "" : "s"))")
        }
    }

    static func commandFailure(_ failure: ImportFailure) -> CommandFailure {
        switch failure.kind {
        case .invalid: CommandFailure.invalid(failure.message)
        case .io: CommandFailure.io(failure.message)
        case .usage: CommandFailure(message: failure.message, code: TequioExit.usage)
        case .installation: CommandFailure.installation(failure.message)
        }
    }
}
