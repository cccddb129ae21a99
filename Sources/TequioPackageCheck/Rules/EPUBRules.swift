import Foundation
import TequioModel
import XMLSupport

/// EPUB 3 (and 2) containers: what e-readers need before they can open the book. Debian's
/// `epubcheck` goes further; these are the rules that make a book unreadable or lose it in a library.
enum EPUBRules: PackageRules {
    static let container = "urn:oasis:names:tc:opendocument:xmlns:container"
    static let opf = "http://www.idpf.org/2007/opf"
    static let dc = "http://purl.org/dc/elements/1.1/"

    static func check(_ p: PackageContents) {
        ZipLayoutRules.mimetypeFirst(p, expected: PackageKind.epubMimetype)
        guard let containerRoot = p.root("META-INF/container.xml") else { return }
        let rootfiles = containerRoot.descendants("rootfile", container)
        guard let rootfile = rootfiles.first, let fullPath = rootfile.attribute("full-path") else {
            p.error(PackageDiagnosticID.missingPart, "container.xml names no rootfile (the package document)", at: containerRoot)
            return
        }
        guard let opfPath = PackagePath.resolve(fullPath), p.tree[opfPath] != nil else {
            p.error(PackageDiagnosticID.missingFile, "rootfile '\(fullPath)' is not in the zip", at: rootfile)
            return
        }
        guard let package = p.root(opfPath) else { return }
        checkMetadata(p, package)
        checkManifest(p, package, opfPath: opfPath)
    }

    static func checkMetadata(_ p: PackageContents, _ package: XMLElement) {
        guard let metadata = package.child("metadata", opf) else {
            p.error(PackageDiagnosticID.metadata, "the package document has no <metadata>", at: package)
            return
        }
        for name in ["identifier", "title", "language"] where metadata.children(name, dc).isEmpty {
            p.error(PackageDiagnosticID.metadata, "<dc:\(name)> is missing: e-readers need it", at: metadata)
        }
        let uniqueID = package.attribute("unique-identifier")
        if let uniqueID, !metadata.children("identifier", dc).contains(where: { $0.attribute("id") == uniqueID }) {
            p.error(PackageDiagnosticID.danglingReference, "unique-identifier '\(uniqueID)' names no <dc:identifier>", at: package)
        }
        guard package.attribute("version")?.hasPrefix("3") == true else { return }
        let modified = metadata.children("meta", opf).filter { $0.attribute("property") == "dcterms:modified" }
        if modified.count != 1 {
            p.error(PackageDiagnosticID.metadata, "an EPUB 3 book needs exactly one dcterms:modified (found \(modified.count))", at: metadata)
        } else if modified[0].text.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"#, options: .regularExpression) == nil {
            p.error(PackageDiagnosticID.metadata, "dcterms:modified '\(modified[0].text)' must read CCYY-MM-DDThh:mm:ssZ", at: modified[0])
        }
    }

    static func checkManifest(_ p: PackageContents, _ package: XMLElement, opfPath: String) {
        guard let manifest = package.child("manifest", opf) else {
            p.error(PackageDiagnosticID.missingPart, "the package document has no <manifest>", at: package)
            return
        }
        let folder = PackagePath.folder(of: opfPath)
        var items: [String: XMLElement] = [:]
        var listed: Set<String> = [opfPath]
        var navs = 0
        for item in manifest.children("item", opf) {
            if let id = item.attribute("id") {
                if items[id] != nil { p.error(PackageDiagnosticID.duplicate, "manifest id '\(id)' is used twice", at: item) }
                items[id] = item
            }
            if item.attribute("properties")?.split(separator: " ").contains("nav") == true { navs += 1 }
            guard let href = item.attribute("href") else { continue }
            if PackagePath.hasScheme(href) { continue }  // a remote resource
            guard let path = PackagePath.resolve(href, from: folder) else {
                p.error(PackageDiagnosticID.notRelative, "item href '\(href)' is not a relative path inside the book", at: item)
                continue
            }
            listed.insert(path)
            if p.tree[path] == nil {
                p.error(PackageDiagnosticID.missingFile, "item href '\(href)' names a file that is not in the zip", at: item)
            } else if item.attribute("media-type") == "application/xhtml+xml" {
                _ = p.document(path, plainDoctype: true)  // content documents must be well-formed XML
            }
        }
        if package.attribute("version")?.hasPrefix("3") == true, navs != 1 {
            p.error(PackageDiagnosticID.missingPart, "an EPUB 3 book needs exactly one manifest item with properties=\"nav\" (found \(navs))", at: manifest)
        }
        if let spine = package.child("spine", opf) {
            let refs = spine.children("itemref", opf)
            if refs.isEmpty { p.error(PackageDiagnosticID.missingPart, "the spine is empty: there is nothing to read", at: spine) }
            for ref in refs {
                if let idref = ref.attribute("idref"), items[idref] == nil {
                    p.error(PackageDiagnosticID.danglingReference, "spine itemref '\(idref)' names no manifest item", at: ref)
                }
            }
        } else {
            p.error(PackageDiagnosticID.missingPart, "the package document has no <spine>", at: package)
        }
        for path in p.files where path != "mimetype" && !path.hasPrefix("META-INF/") && !listed.contains(path) {
            p.warning(PackageDiagnosticID.unlistedFile, "\(path) is in the zip but not in the package manifest", entry: path)
        }
    }
}
