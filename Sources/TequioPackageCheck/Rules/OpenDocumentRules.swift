import Foundation
import TequioModel
import XMLSupport

/// ODT and ODS: the `mimetype` entry, the manifest against the zip, every XML part against the
/// ODF 1.3 RELAX NG schema (foreign markup of extended documents removed first, as a consumer ignores
/// it), and the references LibreOffice silently drops.
enum OpenDocumentRules: PackageRules {
    static let manifestNS = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
    static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let parts = ["content.xml", "styles.xml", "meta.xml", "settings.xml"]
    static let olderVersions: Set<String> = ["1.2", "1.1", "1.0"]

    /// The namespaces of ODF 1.3 itself; anything else is foreign markup.
    static func isODF(_ namespace: String) -> Bool {
        namespace.hasPrefix("urn:oasis:names:tc:opendocument:xmlns:")
            || [
                "http://www.w3.org/1999/xlink", "http://purl.org/dc/elements/1.1/", "http://www.w3.org/1998/Math/MathML",
                "http://www.w3.org/2002/xforms", "http://www.w3.org/1999/xhtml", "http://www.w3.org/2003/g/data-view#",
                "http://www.w3.org/XML/1998/namespace", "http://www.w3.org/2000/09/xmldsig#",
            ].contains(namespace)
    }

    static func check(_ p: PackageContents) {
        let expected = expectedMimetype(p)
        guard let manifest = p.root("META-INF/manifest.xml") else { return }
        let entries = manifest.children("file-entry", manifestNS)
        if entries.contains(where: { $0.child("encryption-data", manifestNS) != nil }) {
            p.error(PackageDiagnosticID.passwordProtected, "password-protected: open it, remove the password, and save it again", at: manifest)
            return
        }
        ZipLayoutRules.mimetypeFirst(p, expected: expected)
        var listed: Set<String> = []
        for entry in entries {
            guard let path = entry.attribute("full-path", namespace: manifestNS) else { continue }
            if path == "/" {
                let type = entry.attribute("media-type", namespace: manifestNS) ?? ""
                if type != expected { p.error(PackageDiagnosticID.mimetype, "the manifest's root entry has media type '\(type)', not '\(expected)'", at: entry) }
                listed.insert(path)
                continue
            }
            listed.insert(path)
            if !path.hasSuffix("/"), p.tree[path] == nil {
                p.error(PackageDiagnosticID.missingFile, "the manifest lists \(path), which is not in the zip", at: entry)
            }
        }
        if !listed.contains("/") { p.error(PackageDiagnosticID.missingPart, "the manifest has no entry for the document itself (full-path \"/\")", at: manifest) }
        for path in p.files where path != "mimetype" && path != "META-INF/manifest.xml" && !listed.contains(path) {
            p.error(PackageDiagnosticID.unlistedFile, "\(path) is in the zip but not in META-INF/manifest.xml: LibreOffice calls the file damaged", entry: path)
        }
        if let content = p.root("content.xml") { checkStyles(p, content: content) }
        // ODF 1.3 consumers read 1.2 documents; the 1.3 schemas fix `version` to "1.3", so an older
        // version is read as 1.3 for validation (1.3 only added to 1.2).
        p.validate("META-INF/manifest.xml", against: .odfManifest) { ForeignMarkup.setVersion(of: $0, to: "1.3", namespace: manifestNS, ifIn: olderVersions) }
        for part in parts where p.tree[part] != nil {
            p.validate(part, against: .openDocument) {
                ForeignMarkup.removeForeign(from: $0, keep: isODF)
                ForeignMarkup.setVersion(of: $0, to: "1.3", namespace: office, ifIn: olderVersions)
            }
        }
    }

    /// The mimetype the package should declare: the one it declares when that is an ODF one, else the
    /// one its body calls for.
    static func expectedMimetype(_ p: PackageContents) -> String {
        if let declared = p.tree["mimetype"].map({ String(decoding: $0, as: UTF8.self) }), PackageKind.odfMimetypes[declared] != nil {
            return declared
        }
        let isSpreadsheet = p.root("content.xml", required: false)?.descendants("spreadsheet", office).isEmpty == false
        return isSpreadsheet ? "application/vnd.oasis.opendocument.spreadsheet" : "application/vnd.oasis.opendocument.text"
    }

    /// Paragraph styles, list styles and master pages that are used must be declared.
    static func checkStyles(_ p: PackageContents, content: XMLElement) {
        let styles = p.root("styles.xml", required: false)
        let all = [content] + (styles.map { [$0] } ?? [])
        let declared = Set(all.flatMap { $0.descendants("style", style) }.compactMap { $0.attribute("name", namespace: style) })
        let listStyles = Set(all.flatMap { $0.descendants("list-style", text) }.compactMap { $0.attribute("name", namespace: style) })
        let masters = Set((styles?.descendants("master-page", style) ?? []).compactMap { $0.attribute("name", namespace: style) })
        var reported: Set<String> = []
        func dangling(_ what: String, _ name: String, at e: XMLElement) {
            guard reported.insert(what + name).inserted else { return }
            p.error(PackageDiagnosticID.danglingReference, "\(what) '\(name)' is used but never declared", at: e)
        }
        for e in content.descendants("p", text) + content.descendants("h", text) {
            if let name = e.attribute("style-name", namespace: text), !declared.contains(name) { dangling("paragraph style", name, at: e) }
        }
        for list in content.descendants("list", text) {
            if let name = list.attribute("style-name", namespace: text), !listStyles.contains(name) { dangling("list style", name, at: list) }
        }
        for s in all.flatMap({ $0.descendants("style", style) }) {
            if let m = s.attribute("master-page-name", namespace: style), !m.isEmpty, !masters.contains(m) { dangling("master page", m, at: s) }
        }
        let bookmarks = Set((content.descendants("bookmark", text) + content.descendants("bookmark-start", text)).compactMap { $0.attribute("name", namespace: text) })
        for ref in content.descendants("bookmark-ref", text) {
            if let name = ref.attribute("ref-name", namespace: text), !bookmarks.contains(name) { dangling("bookmark", name, at: ref) }
        }
    }
}
