import Foundation
import TequioModel
import TequioReaders
import XMLSupport
import ZipSupport

/// Writes a workbook (a blank matrix, a scoring workbook) as an Office Open XML spreadsheet (`.xlsx`), part by part with
/// libxml2's writer and zipped with `ArchiveWriter` (sorted entries, fixed times: byte-identical
/// rebuilds).
///
/// Parts: `[Content_Types].xml`, `_rels/.rels`, `docProps/core.xml`, `xl/workbook.xml` and its rels,
/// `xl/styles.xml`, `xl/sharedStrings.xml`, one `xl/worksheets/sheetN.xml` per sheet and, for sheets
/// with help comments, `xl/commentsN.xml` with its VML drawing (Excel shows comments only with one).
struct XLSXWriter {
    let workbook: any SpreadsheetWorkbook
    let paper: PaperSize

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"

    /// The package as a file tree (for tests) …
    func files() throws -> FileTree {
        let sheets = workbook.sheets
        var strings = SharedStrings()
        var tree = FileTree()
        for (index, sheet) in sheets.enumerated() {
            let n = index + 1
            tree["xl/worksheets/sheet\(n).xml"] = try worksheet(sheet, strings: &strings)
            if !sheet.comments.isEmpty {
                tree["xl/comments\(n).xml"] = try comments(sheet)
                tree["xl/drawings/vmlDrawing\(n).vml"] = try vml(sheet, index: n)
                tree["xl/worksheets/_rels/sheet\(n).xml.rels"] = try relationshipsPart([
                    ("rId1", Self.relationships + "/vmlDrawing", "../drawings/vmlDrawing\(n).vml"),
                    ("rId2", Self.relationships + "/comments", "../comments\(n).xml"),
                ])
            }
        }
        tree["xl/sharedStrings.xml"] = try strings.part()
        tree["xl/styles.xml"] = try styles(workbook.styles(sheets))
        tree["xl/workbook.xml"] = try workbookPart(sheets)
        var workbookRels = sheets.indices.map {
            ("rId\($0 + 1)", Self.relationships + "/worksheet", "worksheets/sheet\($0 + 1).xml")
        }
        workbookRels.append(("rId\(sheets.count + 1)", Self.relationships + "/styles", "styles.xml"))
        workbookRels.append(("rId\(sheets.count + 2)", Self.relationships + "/sharedStrings", "sharedStrings.xml"))
        tree["xl/_rels/workbook.xml.rels"] = try relationshipsPart(workbookRels)
        tree["_rels/.rels"] = try relationshipsPart([
            ("rId1", Self.relationships + "/officeDocument", "xl/workbook.xml"),
            ("rId2", Self.packageRelationships + "/metadata/core-properties", "docProps/core.xml"),
        ])
        tree["docProps/core.xml"] = try coreProperties()
        tree["[Content_Types].xml"] = try contentTypesPart(sheets)
        return tree
    }

    /// … and as the bytes of the `.xlsx` file.
    func data(date: Date) throws -> Data {
        try ArchiveWriter.data(for: try files(), options: ArchiveOptions(timestamp: date))
    }

    // MARK: Package parts

    private func contentTypesPart(_ sheets: [SheetSpec]) throws -> Data {
        let w = XMLWriter(standalone: true)
        w.start("Types", ["xmlns": Self.contentTypes])
        w.element("Default", ["Extension": "rels", "ContentType": "application/vnd.openxmlformats-package.relationships+xml"])
        w.element("Default", ["Extension": "vml", "ContentType": "application/vnd.openxmlformats-officedocument.vmlDrawing"])
        w.element("Default", ["Extension": "xml", "ContentType": "application/xml"])
        let sml = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        w.element("Override", ["PartName": "/xl/workbook.xml", "ContentType": "\(sml).sheet.main+xml"])
        for (index, sheet) in sheets.enumerated() {
            w.element("Override", ["PartName": "/xl/worksheets/sheet\(index + 1).xml", "ContentType": "\(sml).worksheet+xml"])
            if !sheet.comments.isEmpty {
                w.element("Override", ["PartName": "/xl/comments\(index + 1).xml", "ContentType": "\(sml).comments+xml"])
            }
        }
        w.element("Override", ["PartName": "/xl/styles.xml", "ContentType": "\(sml).styles+xml"])
        w.element("Override", ["PartName": "/xl/sharedStrings.xml", "ContentType": "\(sml).sharedStrings+xml"])
        w.element(
            "Override", ["PartName": "/docProps/core.xml", "ContentType": "application/vnd.openxmlformats-package.core-properties+xml"])
        w.end()
        return try w.finish()
    }

    private func relationshipsPart(_ rels: [(id: String, type: String, target: String)]) throws -> Data {
        let w = XMLWriter(standalone: true)
        w.start("Relationships", ["xmlns": Self.packageRelationships])
        for rel in rels { w.element("Relationship", ["Id": rel.id, "Type": rel.type, "Target": rel.target]) }
        w.end()
        return try w.finish()
    }

    private func coreProperties() throws -> Data {
        let w = XMLWriter(standalone: true)
        w.start(
            "cp:coreProperties",
            [
                "xmlns:cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
                "xmlns:dc": "http://purl.org/dc/elements/1.1/", "xmlns:dcterms": "http://purl.org/dc/terms/",
            ])
        w.element("dc:title", text: workbook.title)
        w.element("dc:creator", text: "Tequio")
        w.element("dc:identifier", text: workbook.identifier)
        w.element("dc:language", text: workbook.language)
        w.end()
        return try w.finish()
    }

    // MARK: Workbook

    private func workbookPart(_ sheets: [SheetSpec]) throws -> Data {
        let w = XMLWriter(standalone: true)
        w.start("workbook", ["xmlns": Self.main, "xmlns:r": Self.relationships])
        w.start("bookViews")
        w.element("workbookView", ["activeTab": String(sheets.firstIndex { $0.isActive } ?? 0)])
        w.end()
        w.start("sheets")
        for (index, sheet) in sheets.enumerated() {
            w.element(
                "sheet", ["name": sheet.name, "sheetId": String(index + 1), "state": sheet.isHidden ? "hidden" : nil, "r:id": "rId\(index + 1)"])
        }
        w.end()
        let titled = sheets.enumerated().filter { $0.element.frozenRows > 0 }
        if !titled.isEmpty {
            w.start("definedNames")
            for (index, sheet) in titled {
                let quoted = "'" + sheet.name.replacingOccurrences(of: "'", with: "''") + "'"
                w.element(
                    "definedName", ["name": "_xlnm.Print_Titles", "localSheetId": String(index)],
                    text: "\(quoted)!$1:$\(sheet.frozenRows)")
            }
            w.end()
        }
        w.end()
        return try w.finish()
    }

    // MARK: Worksheets

    private func worksheet(_ sheet: SheetSpec, strings: inout SharedStrings) throws -> Data {
        let w = XMLWriter(standalone: true)
        w.start("worksheet", ["xmlns": Self.main, "xmlns:r": Self.relationships])
        w.start("sheetPr")
        w.element("pageSetUpPr", ["fitToPage": "1"])
        w.end()
        let lastColumn = max(sheet.columns.count - 1, sheet.positions.map(\.column).max() ?? 0)
        w.element("dimension", ["ref": "A1:\(CellAddress(row: sheet.lastRow, column: lastColumn))"])
        w.start("sheetViews")
        w.start("sheetView", ["tabSelected": sheet.isActive ? "1" : nil, "workbookViewId": "0"])
        if sheet.frozenRows > 0 {
            let topLeft = CellAddress(row: sheet.frozenRows, column: 0).description
            w.element(
                "pane", ["ySplit": String(sheet.frozenRows), "topLeftCell": topLeft, "activePane": "bottomLeft", "state": "frozen"])
            w.element("selection", ["pane": "bottomLeft", "activeCell": topLeft, "sqref": topLeft])
        }
        w.end()
        w.end()
        w.element("sheetFormatPr", ["defaultRowHeight": "15"])
        if !sheet.columns.isEmpty {
            w.start("cols")
            for (index, column) in sheet.columns.enumerated() {
                w.element(
                    "col",
                    [
                        "min": String(index + 1), "max": String(index + 1), "width": Self.number(column.width + 0.7),
                        "style": column.defaultStyle.map { String($0.rawValue) }, "customWidth": "1",
                    ])
            }
            w.end()
        }
        w.start("sheetData")
        let byRow = Dictionary(grouping: sheet.positions, by: \.row)
        let rows = Set(byRow.keys).union(sheet.rowHeights.keys).sorted()
        for row in rows {
            let height = sheet.rowHeights[row]
            w.start(
                "row", ["r": String(row + 1), "ht": height.map(Self.number), "customHeight": height == nil ? nil : "1"])
            for address in (byRow[row] ?? []).sorted() {
                let style = sheet.style(at: address).map { String($0.rawValue) }
                if let cell = sheet.cells[address], !cell.text.isEmpty {
                    w.start("c", ["r": address.description, "s": style, "t": "s"])
                    w.element("v", text: String(strings.index(of: cell.text)))
                    w.end()
                } else {
                    w.element("c", ["r": address.description, "s": style])
                }
            }
            w.end()
        }
        w.endFull()
        if sheet.isProtected {
            w.element("sheetProtection", ["sheet": "1", "objects": "1", "scenarios": "1"])
        }
        if !sheet.validations.isEmpty {
            w.start("dataValidations", ["count": String(sheet.validations.count)])
            for v in sheet.validations {
                switch v.kind {
                case .maxLength(let max):
                    w.start(
                        "dataValidation",
                        [
                            "type": "textLength", "errorStyle": "stop", "operator": "lessThanOrEqual", "allowBlank": "1",
                            "showErrorMessage": "1", "errorTitle": Self.clip(v.errorTitle, 32),
                            "error": Self.clip(v.errorMessage, 225), "sqref": v.range.description,
                        ])
                    w.element("formula1", text: String(max))
                    w.end()
                case .list(let items):
                    w.start(
                        "dataValidation",
                        [
                            "type": "list", "errorStyle": v.strict ? "stop" : "warning", "allowBlank": "1", "showErrorMessage": "1",
                            "errorTitle": Self.clip(v.errorTitle, 32), "error": Self.clip(v.errorMessage, 225),
                            "sqref": v.range.description,
                        ])
                    w.element("formula1", text: "\"" + items.map { $0.replacingOccurrences(of: "\"", with: "\"\"") }.joined(separator: ",") + "\"")
                    w.end()
                case .date, .wholeNumber, .number:
                    let (type, low, high) = Self.bounds(v.kind)
                    w.start(
                        "dataValidation",
                        [
                            "type": type, "errorStyle": "stop", "operator": "between", "allowBlank": "1", "showErrorMessage": "1",
                            "errorTitle": Self.clip(v.errorTitle, 32), "error": Self.clip(v.errorMessage, 225), "sqref": v.range.description,
                        ])
                    w.element("formula1", text: low)
                    w.element("formula2", text: high)
                    w.end()
                }
            }
            w.end()
        }
        w.element(
            "pageMargins", ["left": "0.5", "right": "0.5", "top": "0.6", "bottom": "0.6", "header": "0.3", "footer": "0.3"])
        w.element(
            "pageSetup",
            [
                "paperSize": String(sheet.landscape ? paper.xlsxLargeCode : paper.xlsxCode),
                "orientation": sheet.landscape ? "landscape" : "portrait", "fitToWidth": "1", "fitToHeight": "0",
            ])
        w.start("headerFooter")
        w.element("oddFooter", text: "&L&A&R&P / &N")
        w.end()
        if !sheet.comments.isEmpty { w.element("legacyDrawing", ["r:id": "rId1"]) }
        w.end()
        return try w.finish()
    }

    /// `<t>`, with `xml:space="preserve"` only when the text starts or ends with white space (the
    /// ECMA-376 schema does not declare the attribute, but Excel needs it to keep such spaces).
    static func text(_ w: XMLWriter, _ text: String) {
        let padded = text.first.map(\.isWhitespace) == true || text.last.map(\.isWhitespace) == true
        w.element("t", ["xml:space": padded ? "preserve" : nil], text: OOXMLText.escape(text))
    }

    /// The type and range of a number or date validation: dates as serial days (2000-01-01 to
    /// 2099-12-31).
    static func bounds(_ kind: SheetSpec.Validation.Kind) -> (type: String, low: String, high: String) {
        switch kind {
        case .wholeNumber(let range): ("whole", String(range.lowerBound), String(range.upperBound))
        case .number: ("decimal", "-1000000000000000", "1000000000000000")
        default: ("date", "36526", "73050")
        }
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
    }

    static func clip(_ text: String, _ count: Int) -> String {
        text.count <= count ? text : String(text.prefix(count - 1)) + "…"
    }
}
