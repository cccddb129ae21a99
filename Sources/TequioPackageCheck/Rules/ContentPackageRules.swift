import Foundation
import TequioModel
import XMLSupport

/// `imsmanifest.xml` against its zip, for SCORM 1.2, SCORM 2004 and plain IMS CP: what LMSes refuse
/// or misplay although the schemas let it through (`schemas/official/README.md`).
struct ContentPackageFlavour {
    var cpNamespace: String
    var schema: OfficialSchemas.Name
    /// The `schemaversion` values this flavour accepts (empty: any).
    var schemaVersions: [String]
    /// The SCORM type attribute (nil for plain IMS CP) and its namespace.
    var scormType: (name: String, namespace: String)?
    var dataFromLMS: (name: String, limit: Int)?

    static let scorm12NS = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    static let cp114NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
    static let adlcp12 = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
    static let adlcp13 = "http://www.adlnet.org/xsd/adlcp_v1p3"
}

enum SCORM12Rules: PackageRules {
    static func check(_ p: PackageContents) {
        ContentPackageRules.check(
            p,
            ContentPackageFlavour(
                cpNamespace: ContentPackageFlavour.scorm12NS, schema: .scorm12, schemaVersions: ["1.2"],
                scormType: ("scormtype", ContentPackageFlavour.adlcp12), dataFromLMS: ("datafromlms", 4096)))
    }
}

enum SCORM2004Rules: PackageRules {
    static func check(_ p: PackageContents) {
        ContentPackageRules.check(
            p,
            ContentPackageFlavour(
                cpNamespace: ContentPackageFlavour.cp114NS, schema: .scorm2004,
                schemaVersions: ["2004 4th Edition", "2004 3rd Edition", "CAM 1.3"],
                scormType: ("scormType", ContentPackageFlavour.adlcp13), dataFromLMS: ("dataFromLMS", 4000)))
    }
}

enum IMSCPRules: PackageRules {
    static func check(_ p: PackageContents) {
        let namespace = p.root("imsmanifest.xml", required: false)?.namespace ?? ContentPackageFlavour.cp114NS
        ContentPackageRules.check(
            p,
            ContentPackageFlavour(
                cpNamespace: namespace, schema: namespace == ContentPackageFlavour.cp114NS ? .imscp : .scorm12,
                schemaVersions: [], scormType: nil, dataFromLMS: nil))
    }
}

enum ContentPackageRules {
    /// Smallest permitted maxima of the SCORM content aggregation model: an LMS must keep at least
    /// this many characters, and may cut what is longer.
    static let titleLimit = 200
    static let hrefLimit = 4000

    static func check(_ p: PackageContents, _ f: ContentPackageFlavour) {
        guard ZipLayoutRules.rootFile(p, "imsmanifest.xml"), let manifest = p.root("imsmanifest.xml") else { return }
        let ns = f.cpNamespace
        guard manifest.name == "manifest", manifest.namespace == ns else {
            p.error(PackageDiagnosticID.schemaVersion, "the root element is not a <manifest> in \(ns)", at: manifest)
            return
        }
        // Organizations and their items.
        let organizations = manifest.child("organizations", ns)
        let organizationIDs = Set(organizations?.children("organization", ns).compactMap { $0.attribute("identifier") } ?? [])
        if let organizations, let def = organizations.attribute("default"), !organizationIDs.contains(def) {
            p.error(PackageDiagnosticID.danglingReference, "organizations default '\(def)' names no organization", at: organizations)
        }
        let resources = manifest.child("resources", ns)?.children("resource", ns) ?? []
        var resourceByID: [String: XMLElement] = [:]
        for r in resources { if let id = r.attribute("identifier") { resourceByID[id] = r } }
        for item in manifest.descendants("item", ns) {
            guard let ref = item.attribute("identifierref") else { continue }
            guard let resource = resourceByID[ref] else {
                p.error(PackageDiagnosticID.danglingReference, "item '\(item.attribute("identifier") ?? "")' refers to resource '\(ref)', which does not exist", at: item)
                continue
            }
            if resource.attribute("href") == nil {
                p.error(PackageDiagnosticID.missingFile, "item '\(item.attribute("identifier") ?? "")' launches resource '\(ref)', which has no href", at: item)
            }
        }
        for title in manifest.descendants("title", ns) where title.text.count > titleLimit {
            p.warning(PackageDiagnosticID.stringLimit, "title of \(title.text.count) characters: LMSes need keep only \(titleLimit)", at: title)
        }
        // Resources and files against the zip.
        var listed: Set<String> = []
        var scos = 0
        for resource in resources {
            let base = resource.attribute("base", namespace: XMLNamespace.xml).flatMap { PackagePath.resolve($0) } ?? ""
            if let href = resource.attribute("href") { checkHref(p, href, base: base, what: "resource href", at: resource) }
            for file in resource.children("file", ns) {
                guard let href = file.attribute("href") else { continue }
                if let path = checkHref(p, href, base: base, what: "file href", at: file) { listed.insert(path) }
            }
            if let t = f.scormType {
                let value = resource.attribute(t.name, namespace: t.namespace)
                let misspelt = resource.attributes.first { $0.namespace == t.namespace && $0.name.lowercased() == "scormtype" && $0.name != t.name }
                if let misspelt {
                    p.error(PackageDiagnosticID.scormType, "'adlcp:\(misspelt.name)' is spelt the other SCORM version's way: this one wants 'adlcp:\(t.name)'", at: resource)
                } else if value != "sco" && value != "asset" {
                    p.error(PackageDiagnosticID.scormType, "resource '\(resource.attribute("identifier") ?? "")' needs adlcp:\(t.name) 'sco' or 'asset'", at: resource)
                }
                if value == "sco" { scos += 1 }
            }
        }
        if f.scormType != nil, !resources.isEmpty, scos == 0 {
            p.warning(PackageDiagnosticID.scormType, "no resource is a SCO: the LMS will record no progress or completion", at: manifest)
        }
        if let limit = f.dataFromLMS {
            for e in manifest.descendants where e.name == limit.name && e.text.count > limit.limit {
                p.warning(PackageDiagnosticID.stringLimit, "\(limit.name) of \(e.text.count) characters: LMSes need keep only \(limit.limit)", at: e)
            }
        }
        for path in p.files where path != "imsmanifest.xml" && !listed.contains(path) && !isSchemaFile(path) {
            p.warning(PackageDiagnosticID.unlistedFile, "\(path) is in the zip but no <file> lists it (some LMSes leave it out)", entry: path)
        }
        // Version.
        let version = manifest.child("metadata", ns)?.child("schemaversion", ns)
        if !f.schemaVersions.isEmpty {
            let value = version?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if !f.schemaVersions.contains(value) {
                p.report(
                    .error, PackageDiagnosticID.schemaVersion,
                    "schemaversion is '\(value)'; this package's namespaces are those of '\(f.schemaVersions[0])'",
                    at: version?.location ?? manifest.location)
            }
        }
        p.validate("imsmanifest.xml", against: f.schema)
    }

    /// Reports an `href` that is not a relative path or names no zip entry; returns its zip path.
    @discardableResult
    static func checkHref(_ p: PackageContents, _ href: String, base: String, what: String, at element: XMLElement) -> String? {
        if href.count > hrefLimit {
            p.warning(PackageDiagnosticID.stringLimit, "\(what) of \(href.count) characters: LMSes need keep only \(hrefLimit)", at: element)
        }
        if PackagePath.hasScheme(href), href.lowercased().hasPrefix("http") { return nil }  // an external resource
        guard let path = PackagePath.resolve(href, from: base) else {
            p.error(PackageDiagnosticID.notRelative, "\(what) '\(href)' is not a relative path inside the package", at: element)
            return nil
        }
        if p.tree[path] == nil {
            p.error(PackageDiagnosticID.missingFile, "\(what) '\(href)' names a file that is not in the zip", at: element)
        }
        return path
    }

    /// Schema files packages carry beside the manifest (never listed as resources).
    static func isSchemaFile(_ path: String) -> Bool {
        path.hasSuffix(".xsd") || path.hasSuffix(".dtd")
    }
}
