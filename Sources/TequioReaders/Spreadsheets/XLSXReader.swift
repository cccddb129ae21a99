import Foundation
import TequioModel
import XMLSupport
import ZipSupport

/// Reads the cells of an `.xlsx` workbook from the checked files of its zip (never from disk paths
/// inside it). Every XML part is untrusted and parsed with `SafeXMLParser`. Formulas are never
/// evaluated: a formula cell gives the value the spreadsheet program last stored for it.
struct XLSXReader {
    let files: FileTree
    /// The workbook's name in messages (`plan.xlsx`).
    let path: String
    let limits: XMLParseLimits
    static let maxCells = 1_000_000

    static let officeRelationships = [
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "http://purl.oclc.org/ooxml/officeDocument/relationships",
    ]

    func read() throws -> SpreadsheetDocument {
        let workbookPath = try officeDocumentPath()
        let workbook = try parse(workbookPath)
        let rels = try relationships(of: workbookPath)
        var sharedStrings: [String] = []
        if let target = rels.values.first(where: { $0.type.hasSuffix("/sharedStrings") })?.target {
            let stream = SharedStringsStream()
            try self.stream(target, to: stream)
            sharedStrings = stream.strings
        }
        var sheets: [Sheet] = []
        var cellCount = 0
        for entry in workbook.element(named: "sheets")?.elements(named: "sheet") ?? [] {
            let name = entry.attribute("name") ?? "?"
            let id = Self.officeRelationships.lazy.compactMap { entry.attribute("id", namespace: $0) }.first ?? ""
            guard let rel = rels[id], rel.type.hasSuffix("/worksheet") else {
                // Chart sheets and dialog sheets hold no cells to import.
                continue
            }
            let stream = WorksheetStream(name: name, sharedStrings: sharedStrings)
            try self.stream(rel.target, to: stream)
            var sheet = stream.sheet
            sheet.hidden = entry.attribute("state").map { $0 != "visible" } ?? false
            cellCount += sheet.cells.count
            guard cellCount <= Self.maxCells else {
                throw SpreadsheetReadError([
                    .error(ImportDiagnosticID.tooManyCells, "more than \(Self.maxCells) cells; a working table's matrix has a few hundred: is this the right file? Keep only the tables in it", at: SourceLocation(file: path))
                ])
            }
            sheets.append(sheet)
        }
        return SpreadsheetDocument(kind: .xlsx, path: path, sheets: sheets)
    }

    // MARK: Package

    private func officeDocumentPath() throws -> String {
        let rels = try relationships(of: "")
        if let target = rels.values.first(where: { $0.type.hasSuffix("/officeDocument") })?.target { return target }
        throw notASpreadsheet("it has no workbook (no officeDocument relationship in _rels/.rels)")
    }

    /// Relationships of the part at `partPath` (`""` for the package), targets resolved to paths.
    private func relationships(of partPath: String) throws -> [String: (type: String, target: String)] {
        let folder = partPath.split(separator: "/").dropLast().joined(separator: "/")
        let name = partPath.split(separator: "/").last.map(String.init) ?? ""
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/\(name).rels"
        guard files[relsPath] != nil else {
            if partPath.isEmpty { throw notASpreadsheet("_rels/.rels is missing") }
            return [:]
        }
        var result: [String: (String, String)] = [:]
        for rel in try parse(relsPath).elements(named: "Relationship") {
            guard let id = rel.attribute("Id"), let type = rel.attribute("Type"), let target = rel.attribute("Target"),
                rel.attribute("TargetMode") != "External"
            else { continue }
            result[id] = (type, Self.resolve(target, from: folder))
        }
        return result
    }

    /// `target` relative to `folder` (or absolute from the package root), normalised.
    static func resolve(_ target: String, from folder: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for segment in target.split(separator: "/") {
            if segment == ".." {
                _ = parts.popLast()
            } else if segment != "." {
                parts.append(segment)
            }
        }
        return parts.joined(separator: "/")
    }

    private func parse(_ part: String) throws -> XMLElement {
        guard let data = files[part] else { throw notASpreadsheet("part '\(part)' is missing") }
        let result = SafeXMLParser.parse(data, path: "\(path)/\(part)", limits: limits)
        guard let document = result.document, !result.diagnostics.hasErrors else {
            throw SpreadsheetReadError(result.diagnostics.filter { $0.severity == .error })
        }
        return document.root
    }

    /// Streams the part at `part` (worksheets and shared strings: the parts with many elements).
    private func stream(_ part: String, to handler: XMLEventHandler) throws {
        guard let data = files[part] else { throw notASpreadsheet("part '\(part)' is missing") }
        let diagnostics = SafeXMLParser.stream(data, path: "\(path)/\(part)", limits: limits, to: handler)
        if diagnostics.hasErrors { throw SpreadsheetReadError(diagnostics.filter { $0.severity == .error }) }
    }

    private func notASpreadsheet(_ why: String) -> SpreadsheetReadError {
        SpreadsheetReadError([
            .error(ImportDiagnosticID.notASpreadsheet, "not a readable .xlsx workbook: \(why)", at: SourceLocation(file: path))
        ])
    }

    // MARK: Cells

    /// The cell's value as text, or nil for a cell without value or formula (only a style).
    static func cell(type: String, value: String?, formula: String?, inline: String?, sharedStrings: [String]) -> SheetCell? {
        let text: String?
        var kind = SheetCell.Kind.text
        switch type {
        case "s":
            text = value.flatMap(Int.init).flatMap { $0 >= 0 && $0 < sharedStrings.count ? sharedStrings[$0] : nil }
        case "inlineStr":
            text = inline
        case "str":
            text = value.map(OOXMLText.unescape)
        case "b":
            text = value.map { $0 == "1" ? "TRUE" : "FALSE" }
            kind = .boolean
        case "e":
            text = value
            kind = .error
        default:  // n, d: an empty <v/> is no value (what writers that cannot calculate leave)
            text = value.flatMap { $0.isEmpty ? nil : displayNumber($0) }
            kind = type == "d" ? .text : .number
        }
        if text == nil && formula == nil { return nil }
        return SheetCell(text: text ?? "", kind: kind, formula: formula, hasCachedValue: text != nil)
    }

    static func displayNumber(_ raw: String) -> String {
        guard let value = Double(raw), value.isFinite else { return raw }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
