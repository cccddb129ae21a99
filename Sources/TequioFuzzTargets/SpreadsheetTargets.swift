import Foundation
import TequioFaceToFace
import TequioModel
import TequioReaders
import TequioWriters

/// A filled spreadsheet as `tequio import FILE --module modules/oaxaca-agua` reads it:
/// `SpreadsheetFile.read` (safe zip reader and XML parser, or the CSV reader), `MatrixImporter`
/// against the example module (read once), then what `ImportAction` does before writing: each
/// imported matrix is serialised with `CompletedMatrixWriter` and read back with
/// `CompletedMatrixReader`, which must accept it (`ImportAction` reports a schema error there as a
/// bug in Tequio). Checked too: a refused file has an error.
///
/// XLSX and ODS inputs are either raw zip bytes (starting with `PK`) or a `FuzzBundle` of the zip's
/// parts, which is zipped with `ArchiveWriter` first, so that mutations reach the XML inside
/// instead of breaking the CRC. CSV inputs are the file's bytes.
enum SpreadsheetTargets {
    static let xlsx = FuzzTarget(
        name: "xlsx", summary: "filled .xlsx (raw zip, or its parts as a FuzzBundle) via SpreadsheetFile + MatrixImporter",
        options: ["-max_len=65536"], run: { run($0, ext: "xlsx", firstPart: "xl/worksheets/sheet1.xml") })
    static let ods = FuzzTarget(
        name: "ods", summary: "filled .ods (raw zip, or its parts as a FuzzBundle) via SpreadsheetFile + MatrixImporter",
        options: ["-max_len=65536"], run: { run($0, ext: "ods", firstPart: "content.xml") })
    static let csv = FuzzTarget(
        name: "csv", summary: "filled .csv via SpreadsheetFile + MatrixImporter", options: ["-max_len=16384"],
        run: { run($0, ext: "csv", firstPart: nil) })

    /// The values `tequio import` would stamp; fixed so that runs repeat.
    static let timestamp = "2012-03-14T10:00:00Z"

    static func run(_ data: Data, ext: String, firstPart: String?) -> FuzzOutcome {
        let module = FuzzEnvironment.exampleModule
        let url = FuzzEnvironment.scratch(ext).appendingPathComponent("Mesa 1.\(ext)")
        if let firstPart {
            FuzzBundle.writeZip(data, firstName: firstPart, to: url)
        } else {
            FuzzEnvironment.write(data, to: url)
        }

        var (document, diagnostics) = SpreadsheetFile.read(url, displayPath: url.lastPathComponent)
        FuzzCheck.refusalHasError(document != nil, diagnostics, "SpreadsheetFile.read")
        guard let document else { return FuzzOutcome(accepted: false, diagnostics: diagnostics) }
        let importer = MatrixImporter(
            module: module, tableName: ext == "csv" ? "Mesa 1" : nil, timestamp: timestamp, catalogue: FuzzEnvironment.catalogue)
        let result = importer.importDocument(document)
        diagnostics += result.diagnostics
        FuzzCheck.refusalHasError(!result.matrices.isEmpty, diagnostics, "MatrixImporter")
        guard !diagnostics.hasErrors else { return FuzzOutcome(accepted: false, diagnostics: diagnostics) }

        let reader = CompletedMatrixReader(schemas: FuzzEnvironment.schemas)
        for item in result.matrices {
            let xml: Data
            do {
                xml = try CompletedMatrixWriter.data(item.matrix, columnOrder: item.definition.columns.map(\.id))
            } catch {
                FuzzCheck.require(false, "CompletedMatrixWriter cannot write the matrix of sheet '\(item.sheet)': \(error)")
                continue
            }
            let (located, schemaDiagnostics) = reader.read(xml, path: "imported.xml")
            FuzzCheck.require(
                located != nil && !schemaDiagnostics.hasErrors,
                "the matrix imported from sheet '\(item.sheet)' does not read back: \(schemaDiagnostics.map(\.formatted))")
        }
        return FuzzOutcome(accepted: true, diagnostics: diagnostics)
    }
}
