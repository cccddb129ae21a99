import Foundation
import TequioModel
import TequioReaders
import XMLSupport

/// The `tequio` sheet of a Tequio workbook, checked against the module.
extension MatrixImporter {
    /// Checks the `tequio` sheet against the module; returns the matrix and language.
    func readMetadata(_ sheet: Sheet, file: String, into diagnostics: inout [Diagnostic]) -> (MatrixDefinition, String)? {
        var values: [String: (String, CellAddress)] = [:]
        for (address, cell) in sheet.cells where address.column == 0 {
            let key = cell.text.trimmingCharacters(in: .whitespacesAndNewlines)
            let valueAddress = CellAddress(row: address.row, column: 1)
            values[key] = (sheet[valueAddress].trimmingCharacters(in: .whitespacesAndNewlines), valueAddress)
        }
        let at = SourceLocation(file: file)
        let prefix = "sheet '\(sheet.name)'"
        func value(_ key: String) -> (String, CellAddress)? {
            guard let v = values[key], !v.0.isEmpty else {
                diagnostics.append(
                    .error(ImportDiagnosticID.badMetadata, "\(prefix): the row '\(key)' is missing or empty; this sheet identifies the module and must not be changed", at: at))
                return nil
            }
            return v
        }
        guard let format = value(MetadataKey.format) else { return nil }
        guard format.0 == MetadataKey.formatValue else {
            diagnostics.append(
                .error(ImportDiagnosticID.badMetadata, "\(prefix): cell \(format.1): format '\(format.0)' is not '\(MetadataKey.formatValue)'", at: at))
            return nil
        }
        guard let moduleID = value(MetadataKey.module), let version = value(MetadataKey.moduleVersion),
            let matrix = value(MetadataKey.matrix), let language = value(MetadataKey.language)
        else { return nil }
        guard moduleID.0 == module.id else {
            diagnostics.append(
                .error(
                    ImportDiagnosticID.wrongModule,
                    "\(prefix): cell \(moduleID.1): this spreadsheet is for module '\(moduleID.0)', not '\(module.id)'; import it with --module pointing at '\(moduleID.0)'",
                    at: at))
            return nil
        }
        guard version.0 == module.version else {
            diagnostics.append(
                .error(
                    ImportDiagnosticID.wrongVersion,
                    "\(prefix): cell \(version.1): this spreadsheet was made for version \(version.0) of '\(module.id)', but the module is version \(module.version); import it with that version of the module, or copy the table into a new blank spreadsheet",
                    at: at))
            return nil
        }
        guard let definition = module.matrix(id: matrix.0) else {
            diagnostics.append(
                .error(
                    ImportDiagnosticID.unknownMatrix,
                    "\(prefix): cell \(matrix.1): module '\(module.id)' has no matrix '\(matrix.0)' (it has: \(module.matrices.map(\.id).joined(separator: ", ")))",
                    at: at))
            return nil
        }
        guard language.0.range(of: #"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$"#, options: .regularExpression) != nil else {
            diagnostics.append(
                .error(ImportDiagnosticID.badMetadata, "\(prefix): cell \(language.1): '\(language.0)' is not a language tag", at: at))
            return nil
        }
        return (definition, language.0)
    }
}
