import Foundation
import TequioModel
import XMLSupport
import ZipSupport

/// Reads the cells of an `.ods` spreadsheet (`content.xml`, parsed with `SafeXMLParser`). Repeated
/// rows and columns are counted, not expanded, unless they hold text; spanned cells are reported as
/// merges; annotations (comments) are not cell text; formulas give their stored result.
struct ODSReader {
    let files: FileTree
    let path: String
    let limits: XMLParseLimits
    static let maxCells = 1_000_000

    static let officeNS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let tableNS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let textNS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let styleNS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    static let calcextNS = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
    static let mimeTypes = [
        "application/vnd.oasis.opendocument.spreadsheet", "application/vnd.oasis.opendocument.spreadsheet-template",
    ]

    func read() throws -> SpreadsheetDocument {
        if let mime = files["mimetype"].map({ String(decoding: $0, as: UTF8.self) }), !Self.mimeTypes.contains(mime) {
            throw notASpreadsheet("its mimetype is '\(mime.prefix(80))'")
        }
        guard let data = files["content.xml"] else { throw notASpreadsheet("content.xml is missing") }
        let result = SafeXMLParser.parse(data, path: "\(path)/content.xml", limits: limits)
        guard let document = result.document, !result.diagnostics.hasErrors else {
            throw SpreadsheetReadError(result.diagnostics.filter { $0.severity == .error })
        }
        let root = document.root!
        let hiddenStyles = Set(
            (root.element(named: "automatic-styles")?.elements(named: "style") ?? []).filter {
                $0.attribute("family", namespace: Self.styleNS) == "table"
                    && $0.element(named: "table-properties")?.attribute("display", namespace: Self.tableNS) == "false"
            }.compactMap { $0.attribute("name", namespace: Self.styleNS) })
        guard let spreadsheet = root.element(named: "body")?.element(named: "spreadsheet") else {
            throw notASpreadsheet("content.xml has no office:spreadsheet body")
        }
        var sheets: [Sheet] = []
        var budget = Self.maxCells
        for table in spreadsheet.elements(named: "table") {
            var sheet = Sheet(name: table.attribute("name", namespace: Self.tableNS) ?? "?")
            sheet.hidden = table.attribute("style-name", namespace: Self.tableNS).map(hiddenStyles.contains) ?? false
            var row = 0
            try rows(in: table, into: &sheet, row: &row, budget: &budget)
            sheets.append(sheet)
        }
        return SpreadsheetDocument(kind: .ods, path: path, sheets: sheets)
    }

    private func notASpreadsheet(_ why: String) -> SpreadsheetReadError {
        SpreadsheetReadError([
            .error(ImportDiagnosticID.notASpreadsheet, "not a readable .ods spreadsheet: \(why)", at: SourceLocation(file: path))
        ])
    }

    /// Walks rows in document order, including those inside header-row, row-group and rows wrappers.
    private func rows(in element: XMLElement, into sheet: inout Sheet, row: inout Int, budget: inout Int) throws {
        for child in element.elements where child.namespace == Self.tableNS {
            switch child.name {
            case "table-header-rows", "table-rows", "table-row-group":
                try rows(in: child, into: &sheet, row: &row, budget: &budget)
            case "table-row":
                let repeated = max(1, Int(child.attribute("number-rows-repeated", namespace: Self.tableNS) ?? "1") ?? 1)
                let cells = try rowCells(child, row: row, sheet: &sheet)
                if !cells.isEmpty {
                    // A repeated row with content is expanded (rare, and capped by the cell budget).
                    for k in 0..<min(repeated, 1_048_576) {
                        budget -= cells.count
                        guard budget >= 0 else {
                            throw SpreadsheetReadError([
                                .error(ImportDiagnosticID.tooManyCells, "more than \(Self.maxCells) cells; a working table's matrix has a few hundred: is this the right file? Keep only the tables in it", at: SourceLocation(file: path))
                            ])
                        }
                        for (column, cell) in cells { sheet.cells[CellAddress(row: row + k, column: column)] = cell }
                    }
                }
                row += min(repeated, 1_048_576)
            default:
                break
            }
        }
    }

    /// The non-empty cells of one row by column, recording spans as merges.
    private func rowCells(_ rowElement: XMLElement, row: Int, sheet: inout Sheet) throws -> [(Int, SheetCell)] {
        var column = 0
        var result: [(Int, SheetCell)] = []
        for c in rowElement.elements where c.namespace == Self.tableNS && (c.name == "table-cell" || c.name == "covered-table-cell") {
            let repeated = max(1, min(Int(c.attribute("number-columns-repeated", namespace: Self.tableNS) ?? "1") ?? 1, 16_384))
            if c.name == "table-cell" {
                // Spans are clamped to 1...max: a span of 0 or less made a merge that ends before it
                // starts (the importer's range over its columns trapped), and Int.min overflowed
                // `row + span - 1` (both found by the ods fuzzer).
                let spanColumns = max(1, min(Int(c.attribute("number-columns-spanned", namespace: Self.tableNS) ?? "1") ?? 1, 16_384))
                let spanRows = max(1, min(Int(c.attribute("number-rows-spanned", namespace: Self.tableNS) ?? "1") ?? 1, 1_048_576))
                if spanColumns > 1 || spanRows > 1 {
                    sheet.merges.append(
                        CellRange(
                            CellAddress(row: row, column: column),
                            CellAddress(row: row + spanRows - 1, column: column + spanColumns - 1)))
                }
                if let cell = Self.cell(c) {
                    for k in 0..<repeated where column + k < 16_384 { result.append((column + k, cell)) }
                }
            }
            column += repeated
        }
        return result
    }

    static func cell(_ c: XMLElement) -> SheetCell? {
        let formula = c.attribute("formula", namespace: tableNS)
        let valueType = c.attribute("value-type", namespace: officeNS)
        let paragraphs = c.elements.filter { $0.namespace == textNS && ($0.name == "p" || $0.name == "h") }
        var text: String? = paragraphs.isEmpty ? nil : paragraphs.map(paragraphText).joined(separator: "\n")
        if text == nil {
            text = c.attribute("string-value", namespace: officeNS) ?? c.attribute("value", namespace: officeNS)
                ?? c.attribute("boolean-value", namespace: officeNS)
        }
        if text == nil && formula == nil { return nil }
        var kind = SheetCell.Kind.text
        switch valueType {
        case "float", "percentage", "currency": kind = .number
        case "boolean": kind = .boolean
        default: break
        }
        if c.attribute("value-type", namespace: calcextNS) == "error" { kind = .error }
        let date = valueType == "date" ? c.attribute("date-value", namespace: officeNS).map { String($0.prefix(10)) } : nil
        return SheetCell(text: text ?? "", kind: kind, formula: formula, hasCachedValue: text != nil || valueType != nil, date: date)
    }

    /// A paragraph's text: `text:s` as spaces, `text:tab` as a tab, `text:line-break` as a new line,
    /// spans and links by their text; annotations and notes left out. White space in the XML text is
    /// collapsed as ODF says (a run becomes one space; one at the start of the paragraph is dropped).
    static func paragraphText(_ element: XMLElement) -> String {
        var out = ""
        var afterSpace = true
        collect(element, into: &out, afterSpace: &afterSpace)
        return out
    }

    private static func collect(_ element: XMLElement, into out: inout String, afterSpace: inout Bool) {
        for node in element.children {
            switch node {
            case .text(let s):
                for ch in s {
                    if ch == " " || ch == "\n" || ch == "\t" || ch == "\r" {
                        if !afterSpace { out.append(" ") }
                        afterSpace = true
                    } else {
                        out.append(ch)
                        afterSpace = false
                    }
                }
            case .element(let e):
                switch (e.namespace, e.name) {
                case (textNS, "s"):
                    let n = max(1, min(Int(e.attribute("c", namespace: textNS) ?? "1") ?? 1, 10_000))
                    out += String(repeating: " ", count: n)
                    afterSpace = true
                case (textNS, "tab"):
                    out += "\t"
                    afterSpace = true
                case (textNS, "line-break"):
                    out += "\n"
                    afterSpace = true
                case (officeNS, "annotation"), (officeNS, "annotation-end"), (textNS, "note"): break
                default: collect(e, into: &out, afterSpace: &afterSpace)
                }
            }
        }
    }
}
