import Foundation
import TequioModel
import XMLSupport
import ZipSupport

/// Writes a workbook (a blank matrix, a scoring workbook) as an OpenDocument spreadsheet (`.ods`, ODF 1.3): `mimetype` first
/// and stored, `META-INF/manifest.xml`, `styles.xml` (cell styles, the text data style, page layouts),
/// `content.xml` (tables with `table:table-header-rows`, annotations for help, content validations),
/// `meta.xml` and `settings.xml` (frozen header rows).
struct ODSWriter {
    let workbook: any SpreadsheetWorkbook
    let paper: PaperSize

    static let mimeType = "application/vnd.oasis.opendocument.spreadsheet"
    static let ns: KeyValuePairs<String, String?> = [
        "xmlns:office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
        "xmlns:style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
        "xmlns:text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
        "xmlns:table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
        "xmlns:fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
        "xmlns:number": "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0",
        "xmlns:svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
        "xmlns:dc": "http://purl.org/dc/elements/1.1/",
        "xmlns:meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
        "xmlns:config": "urn:oasis:names:tc:opendocument:xmlns:config:1.0",
        "xmlns:of": "urn:oasis:names:tc:opendocument:xmlns:of:1.2",
        "office:version": "1.3",
    ]

    func files() throws -> FileTree {
        let sheets = workbook.sheets
        var tree = FileTree()
        tree.add("mimetype", text: Self.mimeType)
        tree["META-INF/manifest.xml"] = try manifest()
        tree["meta.xml"] = try meta()
        tree["styles.xml"] = try styles(workbook.styles(sheets))
        tree["content.xml"] = try content(sheets)
        tree["settings.xml"] = try settings(sheets)
        return tree
    }

    func data(date: Date) throws -> Data {
        try ArchiveWriter.data(for: try files(), options: ArchiveOptions(timestamp: date, firstEntry: "mimetype"))
    }

    func start(_ w: XMLWriter, _ name: String) {
        w.start(name)
        for (key, value) in Self.ns { if let value { w.attribute(key, value) } }
    }

    // MARK: Package

    private func manifest() throws -> Data {
        let w = XMLWriter()
        w.start(
            "manifest:manifest", ["xmlns:manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0", "manifest:version": "1.3"])
        w.element(
            "manifest:file-entry", ["manifest:full-path": "/", "manifest:version": "1.3", "manifest:media-type": Self.mimeType])
        for part in ["content.xml", "meta.xml", "settings.xml", "styles.xml"] {
            w.element("manifest:file-entry", ["manifest:full-path": part, "manifest:media-type": "text/xml"])
        }
        w.end()
        return try w.finish()
    }

    private func meta() throws -> Data {
        let w = XMLWriter()
        start(w, "office:document-meta")
        w.start("office:meta")
        w.element("meta:generator", text: "Tequio")
        w.element("dc:title", text: workbook.title)
        w.element("dc:language", text: workbook.language)
        w.end()
        w.end()
        return try w.finish()
    }

    // MARK: Content

    private struct CellKey: Equatable {
        var text: String?
        var style: SheetSpec.Style?
        var validation: String?
        var comment: String?
        var isEmpty: Bool { text == nil && comment == nil }
    }

    private func validationName(_ v: SheetSpec.Validation) -> String {
        if let name = v.name { return name }
        switch v.kind {
        case .maxLength(let n): return "tequio-length-\(n)"
        case .list: return "tequio-sector"
        case .date: return "tequio-date"
        case .wholeNumber(let r): return "tequio-whole-\(r.lowerBound)-\(r.upperBound)"
        case .number: return "tequio-number"
        }
    }

    private func content(_ sheets: [SheetSpec]) throws -> Data {
        let w = XMLWriter()
        start(w, "office:document-content")
        w.start("office:automatic-styles")
        var columnStyles: [String: String] = [:]
        var rowStyles: [Double: String] = [:]
        for sheet in sheets {
            for column in sheet.columns where columnStyles[XLSXWriter.number(column.width)] == nil {
                columnStyles[XLSXWriter.number(column.width)] = "co\(columnStyles.count + 1)"
            }
            for height in sheet.rowHeights.values.sorted() where rowStyles[height] == nil {
                rowStyles[height] = "ro\(rowStyles.count + 2)"
            }
        }
        for (width, name) in columnStyles.sorted(by: { $0.value.count == $1.value.count ? $0.value < $1.value : $0.value.count < $1.value.count }) {
            w.start("style:style", ["style:name": name, "style:family": "table-column"])
            // A character of the default font is about 0.19 cm wide, plus padding.
            let cm = (Double(width) ?? 10) * 0.19 + 0.2
            w.element("style:table-column-properties", ["fo:break-before": "auto", "style:column-width": String(format: "%.3fcm", cm)])
            w.end()
        }
        w.start("style:style", ["style:name": "ro1", "style:family": "table-row"])
        w.element("style:table-row-properties", ["fo:break-before": "auto", "style:use-optimal-row-height": "true"])
        w.end()
        for (height, name) in rowStyles.sorted(by: { $0.key < $1.key }) {
            w.start("style:style", ["style:name": name, "style:family": "table-row"])
            w.element(
                "style:table-row-properties",
                [
                    "style:row-height": String(format: "%.3fcm", height * 2.54 / 72), "fo:break-before": "auto",
                    "style:use-optimal-row-height": "false",
                ])
            w.end()
        }
        var tableStyles = [("ta-large", "Large", "true"), ("ta-regular", "Default", "true")]
        if sheets.contains(where: \.isHidden) { tableStyles.append(("ta-hidden", "Default", "false")) }
        for (name, master, display) in tableStyles {
            w.start("style:style", ["style:name": name, "style:family": "table", "style:master-page-name": master])
            w.element("style:table-properties", ["table:display": display, "style:writing-mode": "lr-tb"])
            w.end()
        }
        w.end()

        w.start("office:body")
        w.start("office:spreadsheet")
        var validations: [(String, SheetSpec.Validation)] = []
        for sheet in sheets {
            for v in sheet.validations where !validations.contains(where: { $0.0 == validationName(v) }) {
                validations.append((validationName(v), v))
            }
        }
        if !validations.isEmpty {
            w.start("table:content-validations")
            for (name, v) in validations {
                let condition: String
                switch v.kind {
                case .maxLength(let n): condition = "of:cell-content-text-length()<=\(n)"
                case .list(let items):
                    condition = "of:cell-content-is-in-list(" + items.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" }.joined(separator: ";") + ")"
                case .date: condition = "of:cell-content-is-date() and cell-content-is-between(36526,73050)"
                case .wholeNumber(let r): condition = "of:cell-content-is-whole-number() and cell-content-is-between(\(r.lowerBound),\(r.upperBound))"
                case .number: condition = "of:cell-content-is-decimal-number()"
                }
                var isList = false
                if case .list = v.kind { isList = true }
                w.start(
                    "table:content-validation",
                    [
                        "table:name": name, "table:condition": condition, "table:allow-empty-cell": "true",
                        "table:display-list": isList ? "unsorted" : nil,
                    ])
                w.start(
                    "table:error-message",
                    ["table:title": v.errorTitle, "table:display": "true", "table:message-type": isList && !v.strict ? "warning" : "stop"])
                w.element("text:p", text: v.errorMessage)
                w.end()
                w.end()
            }
            w.end()
        }
        for sheet in sheets { table(w, sheet, columnStyles: columnStyles, rowStyles: rowStyles) }
        w.end()
        w.end()
        w.end()
        return try w.finish()
    }

    private func table(_ w: XMLWriter, _ sheet: SheetSpec, columnStyles: [String: String], rowStyles: [Double: String]) {
        w.start(
            "table:table",
            [
                "table:name": sheet.name, "table:style-name": sheet.isHidden ? "ta-hidden" : sheet.landscape ? "ta-large" : "ta-regular",
                "table:protected": sheet.isProtected ? "true" : nil,
            ])
        for column in sheet.columns {
            w.element(
                "table:table-column",
                [
                    "table:style-name": columnStyles[XLSXWriter.number(column.width)],
                    "table:default-cell-style-name": column.defaultStyle.map(Self.styleName) ?? Self.styleName(.normal),
                ])
        }
        let columnCount = max(sheet.columns.count, (sheet.positions.map(\.column).max() ?? 0) + 1)
        let lastValidatedRow = sheet.validations.map(\.range.last.row).max() ?? 0
        let lastRow = max(sheet.lastRow, lastValidatedRow)
        var pending: (keys: [CellKey], height: Double?, count: Int)? = nil

        func flush() {
            guard let p = pending else { return }
            w.start(
                "table:table-row",
                [
                    "table:style-name": p.height.flatMap { rowStyles[$0] } ?? "ro1",
                    "table:number-rows-repeated": p.count > 1 ? String(p.count) : nil,
                ])
            var i = 0
            while i < p.keys.count {
                var j = i + 1
                while j < p.keys.count, p.keys[j].isEmpty, p.keys[j] == p.keys[i] { j += 1 }
                cell(w, p.keys[i], repeated: j - i)
                i = j
            }
            w.end()
            pending = nil
        }

        for row in 0...lastRow {
            if row == 0 && sheet.frozenRows > 0 { w.start("table:table-header-rows") }
            var keys: [CellKey] = []
            for column in 0..<columnCount {
                let address = CellAddress(row: row, column: column)
                let validation = sheet.validations.first { $0.range.contains(address) }.map { validationName($0) }
                let style = sheet.style(at: address)
                keys.append(
                    CellKey(
                        text: sheet.cells[address]?.text, style: style == sheet.columns[safe: column]?.defaultStyle ? nil : style,
                        validation: validation, comment: sheet.comments[address]))
            }
            while keys.count > 1, let last = keys.last, last == CellKey() { keys.removeLast() }
            let height = sheet.rowHeights[row]
            let repeatable = keys.allSatisfy(\.isEmpty) && row >= sheet.frozenRows
            if repeatable, let p = pending, p.keys == keys, p.height == height {
                pending!.count += 1
            } else {
                flush()
                pending = (keys, height, 1)
                if !repeatable { flush() }
            }
            if row == sheet.frozenRows - 1 {
                flush()
                w.end()
            }
        }
        flush()
        w.end()
    }

    private func cell(_ w: XMLWriter, _ key: CellKey, repeated: Int) {
        w.start(
            "table:table-cell",
            [
                "table:number-columns-repeated": repeated > 1 ? String(repeated) : nil,
                "table:style-name": key.style.map(Self.styleName), "table:content-validation-name": key.validation,
                "office:value-type": key.text == nil ? nil : "string",
            ])
        if let comment = key.comment {
            w.start("office:annotation", ["svg:width": "8cm", "svg:height": "4cm"])
            w.element("dc:creator", text: "Tequio")
            for line in comment.components(separatedBy: "\n") { ODFText.paragraph(w, line) }
            w.end()
        }
        if let text = key.text {
            for line in text.components(separatedBy: "\n") { ODFText.paragraph(w, line) }
        }
        w.end()
    }

    // MARK: Settings

    /// View settings: rows 1–2 of each table sheet frozen, the first sheet active.
    private func settings(_ sheets: [SheetSpec]) throws -> Data {
        let w = XMLWriter()
        start(w, "office:document-settings")
        w.start("office:settings")
        w.start("config:config-item-set", ["config:name": "ooo:view-settings"])
        w.start("config:config-item-map-indexed", ["config:name": "Views"])
        w.start("config:config-item-map-entry")
        item(w, "ViewId", "string", "view1")
        let frozen = sheets.filter { $0.frozenRows > 0 }
        // The schema wants one entry at least in a map: a workbook without frozen rows has none.
        if !frozen.isEmpty { w.start("config:config-item-map-named", ["config:name": "Tables"]) }
        for sheet in frozen {
            w.start("config:config-item-map-entry", ["config:name": sheet.name])
            item(w, "HorizontalSplitMode", "short", "0")
            item(w, "VerticalSplitMode", "short", "2")
            item(w, "HorizontalSplitPosition", "int", "0")
            item(w, "VerticalSplitPosition", "int", String(sheet.frozenRows))
            item(w, "ActiveSplitRange", "short", "2")
            item(w, "PositionLeft", "int", "0")
            item(w, "PositionRight", "int", "0")
            item(w, "PositionTop", "int", "0")
            item(w, "PositionBottom", "int", String(sheet.frozenRows))
            w.end()
        }
        if !frozen.isEmpty { w.end() }
        item(w, "ActiveTable", "string", sheets.first { $0.isActive }?.name ?? sheets.first?.name ?? "")
        w.end()
        w.end()
        w.end()
        w.end()
        w.end()
        return try w.finish()
    }

    private func item(_ w: XMLWriter, _ name: String, _ type: String, _ value: String) {
        w.element("config:config-item", ["config:name": name, "config:type": type], text: value)
    }
}
