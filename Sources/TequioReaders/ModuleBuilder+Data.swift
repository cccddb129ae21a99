import Foundation
import TequioModel
import XMLSupport

/// A finding's dataset (its CSV file, read by `CSVTable`) and the charts drawn from it.
extension ModuleBuilder {
    // MARK: Datasets and charts

    mutating func buildDataset(_ e: XMLElement) -> Dataset? {
        let src = e.attribute("src") ?? ""
        let declaredColumns = e.elements(named: "column")
        let columns = declaredColumns.map { c in
            let id = c.attribute("id") ?? ""
            return Dataset.Column(
                id: id, type: Dataset.Column.Kind(rawValue: c.attribute("type") ?? "") ?? .text,
                label: text(c, "label", what: "label of data column '\(id)'"),
                values: c.elements(named: "value").map { v in
                    let written = v.attribute("text") ?? ""
                    return Dataset.Column.Value(text: written, label: text(v, "label", what: "label of the value '\(written)' of data column '\(id)'"))
                })
        }
        guard let url = checkFile(src, at: e.location, what: "data file") else { return nil }
        let csvPath = DisplayPath.of(url)
        let table: CSVTable
        do throws(CSVTable.ReadError) {
            table = try CSVTable.read(contentsOf: url, options: CSVTable.Options(maxBytes: limits.maxFileBytes))
        } catch {
            switch error {
            case .tooLarge, .unreadable, .tooManyRecords:
                diagnostics.append(.error(ModuleDiagnosticID.io, "cannot read data file '\(src)' (missing or over the size limit)", at: e.location))
            case .utf16, .notUTF8:
                diagnostics.append(.error(ModuleDiagnosticID.csvMalformed, "data file is not valid UTF-8", at: SourceLocation(file: csvPath)))
            case .unclosedQuote(let line):
                diagnostics.append(.error(ModuleDiagnosticID.csvMalformed, "quoted field is never closed", at: SourceLocation(file: csvPath, line: line, column: 1)))
            case .quoteInUnquotedField(let line, let column), .textAfterClosingQuote(let line, let column):
                diagnostics.append(.error(ModuleDiagnosticID.csvMalformed, "unexpected quote in a field", at: SourceLocation(file: csvPath, line: line, column: column)))
            }
            return nil
        }
        // Blank lines are not records of a data file.
        let records = table.records.filter { !$0.isBlank }
        guard let header = records.first else {
            diagnostics.append(.error(ModuleDiagnosticID.csvHeader, "data file is empty: expected a header row", at: SourceLocation(file: csvPath, line: 1, column: 1)))
            return nil
        }
        let declared = columns.map(\.id)
        let found = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        guard found == declared else {
            diagnostics.append(
                Diagnostic(
                    .error, ModuleDiagnosticID.csvHeader,
                    "header row is '\(found.joined(separator: ","))' but the module declares the columns '\(declared.joined(separator: ","))'",
                    at: SourceLocation(file: csvPath, line: header.line, column: 1),
                    notes: [.init(location: e.location, message: "columns declared here")]))
            return nil
        }
        var rows: [[String]] = []
        var ok = true
        for record in records.dropFirst() {
            guard record.fieldCount == columns.count else {
                diagnostics.append(
                    .error(
                        ModuleDiagnosticID.csvRowLength, "row has \(record.fieldCount) fields, expected \(columns.count)",
                        at: SourceLocation(file: csvPath, line: record.line, column: 1)))
                ok = false
                continue
            }
            let fields = record.fields
            for (i, column) in columns.enumerated() where column.type == .number {
                let cell = fields[i].trimmingCharacters(in: .whitespaces)
                if !cell.isEmpty && Double(cell) == nil {
                    diagnostics.append(
                        .error(
                            ModuleDiagnosticID.csvNotNumber, "'\(cell)' in column '\(column.id)' is not a number (use '.' for decimals)",
                            at: SourceLocation(file: csvPath, line: record.line, column: 1)))
                    ok = false
                }
            }
            rows.append(fields)
        }
        // A value's labels are shown in place of the cells that write its text: one that matches none is a typo.
        for (i, (column, declared)) in zip(columns, declaredColumns).enumerated() {
            for (value, element) in zip(column.values, declared.elements(named: "value"))
            where column.type == .number || !rows.contains(where: { $0.indices.contains(i) && $0[i] == value.text }) {
                diagnostics.append(
                    .warning(
                        ModuleDiagnosticID.csvValueUnused,
                        column.type == .number
                            ? "the value '\(value.text)' is given labels, but column '\(column.id)' holds numbers"
                            : "no cell of column '\(column.id)' in \(src) is '\(value.text)': its labels are never shown",
                        at: element.location))
            }
        }
        return ok ? Dataset(src: src, columns: columns, rows: rows) : nil
    }

    mutating func checkChart(_ chart: Chart, declared: XMLElement?, at location: SourceLocation) {
        guard let declared else {
            diagnostics.append(.error(ModuleDiagnosticID.chartWithoutData, "a chart needs a dataset in its finding", at: location))
            return
        }
        let columns = declared.elements(named: "column")
        let ids = columns.compactMap { $0.attribute("id") }
        for name in [chart.category] + chart.values where !ids.contains(name) {
            diagnostics.append(
                .error(
                    ModuleDiagnosticID.unknownChartColumn,
                    "chart names column '\(name)', which the dataset does not declare (declared: \(ids.joined(separator: ", ")))",
                    at: location))
        }
        for name in chart.values {
            if let c = columns.first(where: { $0.attribute("id") == name }), c.attribute("type") != "number" {
                diagnostics.append(.error(ModuleDiagnosticID.chartNotNumeric, "chart value column '\(name)' must have type=\"number\"", at: location))
            }
        }
    }
}
