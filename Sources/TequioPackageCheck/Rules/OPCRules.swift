import Foundation
import TequioModel
import XMLSupport

/// Open Packaging Conventions, shared by DOCX and XLSX: content types, relationships and document
/// properties.
enum OPCRules {
    static let contentTypesNS = "http://schemas.openxmlformats.org/package/2006/content-types"
    static let relationshipsNS = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let officeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
    static let rNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// The content type of every part (by `Override`, else by extension `Default`).
    static func contentTypes(_ p: PackageContents) -> [String: String] {
        guard let types = p.root("[Content_Types].xml") else { return [:] }
        var defaults: [String: String] = [:]
        var overrides: [String: (String, XMLElement)] = [:]
        for e in types.elements {
            if e.name == "Default", let ext = e.attribute("Extension") { defaults[ext.lowercased()] = e.attribute("ContentType") ?? "" }
            if e.name == "Override", let part = e.attribute("PartName") { overrides[part] = (e.attribute("ContentType") ?? "", e) }
        }
        var result: [String: String] = [:]
        for path in p.files where path != "[Content_Types].xml" {
            let ext = path.contains(".") ? String(path.split(separator: ".").last!).lowercased() : ""
            if let type = overrides["/" + path]?.0 ?? defaults[ext] {
                result[path] = type
            } else {
                p.error(PackageDiagnosticID.contentType, "\(path) has no content type in [Content_Types].xml: Word calls the file damaged", entry: path)
            }
        }
        for (part, (_, element)) in overrides where p.tree[String(part.dropFirst())] == nil {
            p.warning(PackageDiagnosticID.danglingReference, "a content type is declared for \(part), which is not in the package", at: element)
        }
        return result
    }

    /// Checks every relationship part and returns the internal targets of each source part:
    /// `relationships["word/document.xml"]["rId3"] == "word/media/image1.png"`.
    static func relationships(_ p: PackageContents) -> [String: [String: String]] {
        var result: [String: [String: String]] = [:]
        if p.tree["_rels/.rels"] == nil {
            p.error(PackageDiagnosticID.missingPart, "_rels/.rels is missing: nothing says which part is the document", entry: "_rels/.rels")
        }
        for rels in p.files where rels.hasSuffix(".rels") && (rels.hasPrefix("_rels/") || rels.contains("/_rels/")) {
            // word/_rels/document.xml.rels describes word/document.xml; its targets are relative to word/.
            let sourceFolder = PackagePath.folder(of: PackagePath.folder(of: rels))
            let source = (sourceFolder.isEmpty ? "" : sourceFolder + "/") + String(rels.split(separator: "/").last!.dropLast(".rels".count))
            guard let root = p.root(rels) else { continue }
            var targets: [String: String] = [:]
            for r in root.children("Relationship", relationshipsNS) {
                guard r.attribute("TargetMode") != "External", let target = r.attribute("Target") else { continue }
                let resolved = target.hasPrefix("/") ? PackagePath.resolve(String(target.dropFirst())) : PackagePath.resolve(target, from: sourceFolder)
                guard let resolved else {
                    p.error(PackageDiagnosticID.notRelative, "relationship target '\(target)' is not a part of the package", at: r)
                    continue
                }
                if p.tree[resolved] == nil {
                    p.error(PackageDiagnosticID.danglingReference, "relationship \(r.attribute("Id") ?? "") points to \(target), which is not in the package", at: r)
                }
                if let id = r.attribute("Id") { targets[id] = resolved }
            }
            result[rels == "_rels/.rels" ? "" : source] = targets
            p.validate(rels, against: .relationships)
        }
        return result
    }

    /// The part `_rels/.rels` names as the office document.
    static func mainPart(_ p: PackageContents) -> String? {
        guard let root = p.root("_rels/.rels", required: false) else { return nil }
        let main = root.children("Relationship", relationshipsNS).first { $0.attribute("Type") == officeDocument }
        guard let target = main?.attribute("Target") else {
            p.error(PackageDiagnosticID.missingPart, "_rels/.rels has no officeDocument relationship: no part is the document", entry: "_rels/.rels")
            return nil
        }
        return PackagePath.resolve(target.hasPrefix("/") ? String(target.dropFirst()) : target)
    }

    /// Checks the shared parts; returns the content types and relationships for the format's rules.
    static func check(_ p: PackageContents) -> (types: [String: String], relationships: [String: [String: String]]) {
        let types = contentTypes(p)
        let relationships = relationships(p)
        p.validate("[Content_Types].xml", against: .contentTypes)
        if p.tree["docProps/core.xml"] != nil { p.validate("docProps/core.xml", against: .coreProperties) }
        if p.tree["docProps/app.xml"] != nil { p.validate("docProps/app.xml", against: .extendedProperties, prepare: ForeignMarkup.removeIgnorable) }
        return (types, relationships)
    }

    /// `r:id`, `r:embed` and `r:link` attributes of `part` that name no relationship of that part.
    static func checkRelationshipIDs(_ p: PackageContents, part: String, root: XMLElement, relationships: [String: [String: String]]) {
        let known = relationships[part] ?? [:]
        for e in root.descendants {
            for a in e.attributes where a.namespace == rNS && ["id", "embed", "link", "pict"].contains(a.name) && known[a.value] == nil {
                p.error(PackageDiagnosticID.danglingReference, "r:\(a.name) '\(a.value)' names no relationship of \(part)", at: e)
            }
        }
    }
}
