import Foundation
import TequioModel
import XMLSupport

/// XLSX: the OPC rules, every SpreadsheetML part against the ECMA-376 schema, and the rules Excel
/// enforces when it opens a workbook.
enum SpreadsheetMLRules: PackageRules {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    /// Characters Excel refuses in sheet names.
    static let forbidden = CharacterSet(charactersIn: "[]:*?/\\")

    static func check(_ p: PackageContents) {
        let (_, relationships) = OPCRules.check(p)
        let workbookPath = OPCRules.mainPart(p) ?? "xl/workbook.xml"
        guard let workbook = p.root(workbookPath) else { return }
        OPCRules.checkRelationshipIDs(p, part: workbookPath, root: workbook, relationships: relationships)
        var names: [String: XMLElement] = [:]
        for sheet in workbook.descendants("sheet", main) {
            let name = sheet.attribute("name") ?? ""
            if name.isEmpty || name.count > 31 || name.rangeOfCharacter(from: forbidden) != nil || name.hasPrefix("'") || name.hasSuffix("'") {
                p.error(PackageDiagnosticID.sheet, "sheet name '\(name)' is refused by Excel: 1 to 31 characters, none of [ ] : * ? / \\, no leading or trailing apostrophe", at: sheet)
            }
            if names[name.lowercased()] != nil {
                p.error(PackageDiagnosticID.duplicate, "two sheets are named '\(name)' (Excel ignores letter case)", at: sheet)
            }
            names[name.lowercased()] = sheet
        }
        let strings = relationships[workbookPath]?.values.first { $0.hasSuffix("sharedStrings.xml") }
        let stringCount = strings.flatMap { p.root($0, required: false) }?.children("si", main).count ?? 0
        for (id, target) in (relationships[workbookPath] ?? [:]).sorted(by: { $0.key < $1.key }) where target.contains("worksheets/") {
            guard let sheet = p.root(target, required: false) else { continue }
            OPCRules.checkRelationshipIDs(p, part: target, root: sheet, relationships: relationships)
            _ = id
            for cell in sheet.descendants("c", main) where cell.attribute("t") == "s" {
                guard let value = cell.child("v", main)?.text, let index = Int(value) else { continue }
                if index < 0 || index >= stringCount {
                    p.error(PackageDiagnosticID.sheet, "cell \(cell.attribute("r") ?? "") uses shared string \(index), but there are \(stringCount)", at: cell)
                }
            }
        }
        for path in p.files where path.hasSuffix(".xml") && !path.contains("/_rels/") {
            guard let root = p.root(path, required: false), root.namespace == main else { continue }
            p.validate(path, against: .spreadsheetML, prepare: ForeignMarkup.removeIgnorable)
        }
    }
}
