import Foundation
import TequioModel
import XMLSupport
import ZipSupport

/// Styles taken from a user's Word document (`--reference-doc FILE.docx`), as pandoc does: the
/// document defaults, the latent styles and every style it defines replace ours; the styles it lacks are
/// added from the branding. Its theme comes along so theme fonts resolve.
public struct DocxReference: Sendable {
    public let docDefaults: XMLElement?
    public let latentStyles: XMLElement?
    public let styles: [XMLElement]
    public let styleIDs: [String]
    /// Types (`paragraph`, `table`…) for which the reference names a default style.
    public let defaultStyleTypes: Set<String>
    public let theme: Data?
    public let path: String

    public static let prefixes = [OOXML.w: "w", OOXML.r: "r"]

    /// Reads `url` as an untrusted zip and its `word/styles.xml` as untrusted XML.
    public init(contentsOf url: URL) throws {
        let display = url.relativePath
        let (tree, root) = try ReferencePackage.styles(
            url, part: "word/styles.xml", root: "styles", namespace: OOXML.w, kind: "a Word document")
        docDefaults = root.elements.first { $0.name == "docDefaults" && $0.namespace == OOXML.w }
        latentStyles = root.elements.first { $0.name == "latentStyles" && $0.namespace == OOXML.w }
        styles = root.elements.filter { $0.name == "style" && $0.namespace == OOXML.w }
        styleIDs = styles.compactMap { $0.attribute("styleId", namespace: OOXML.w) }
        defaultStyleTypes = Set(
            styles.filter { ["1", "true", "on"].contains($0.attribute("default", namespace: OOXML.w) ?? "") }
                .compactMap { $0.attribute("type", namespace: OOXML.w) })
        theme = tree["word/theme/theme1.xml"]
        path = display
    }
}

/// Styles taken from a user's OpenDocument text (`--reference-doc FILE.odt`): its font declarations
/// and named styles (paragraph, text, list, outline, defaults) replace ours of the same family and
/// name; ours fill the gaps. Page layouts stay ours, since the matrix needs its landscape pages.
public struct OdtReference: Sendable {
    public let fontFaces: [XMLElement]
    public let styles: [XMLElement]
    public let keys: Set<String>
    public let path: String

    public init(contentsOf url: URL) throws {
        let display = url.relativePath
        let (_, root) = try ReferencePackage.styles(
            url, part: "styles.xml", root: "document-styles", namespace: ODF.office, kind: "an OpenDocument file")
        fontFaces = root.element(named: "font-face-decls")?.elements.filter { $0.namespace == ODF.style } ?? []
        let named = root.element(named: "styles")?.elements ?? []
        styles = named.filter { ODF.prefixes[$0.namespace ?? ""] != nil && OdtReference.key(of: $0) != nil }
        keys = Set(styles.compactMap(OdtReference.key))
        path = display
    }

    /// `paragraph/Heading_20_1`, `default/paragraph`, `list/Numbering_20_123`, `outline`: what decides
    /// whether a style of ours is replaced. Nil for elements we never take.
    static func key(of e: XMLElement) -> String? {
        switch e.name {
        case "style": return "\(e.attribute("family", namespace: ODF.style) ?? "")/\(e.attribute("name", namespace: ODF.style) ?? "")"
        case "default-style": return "default/\(e.attribute("family", namespace: ODF.style) ?? "")"
        case "list-style": return "list/\(e.attribute("name", namespace: ODF.style) ?? "")"
        case "outline-style": return "outline"
        default: return nil
        }
    }
}

public struct ReferenceError: Error, CustomStringConvertible, Equatable {
    public let path: String
    public let message: String
    public var description: String { "\(path): \(message)" }
}

/// Opening a user's reference document: an untrusted zip whose styles part is untrusted XML.
enum ReferencePackage {
    /// The package's files and the root element of its styles `part`, checked to be `root` in `namespace`.
    static func styles(_ url: URL, part: String, root name: String, namespace: String, kind: String) throws -> (FileTree, XMLElement) {
        let display = url.relativePath
        let tree: FileTree
        do {
            tree = try SafeArchiveReader.read(url, limits: ArchiveLimits(maxTotalBytes: 128 << 20, maxEntryBytes: 64 << 20))
        } catch {
            throw ReferenceError(path: display, message: "cannot read the document: \(error)")
        }
        guard let data = tree[part] else {
            throw ReferenceError(path: display, message: "not \(kind): \(part) is missing")
        }
        let parsed = SafeXMLParser.parse(data, path: "\(display)/\(part)")
        guard let root = parsed.document?.root, root.name == name, root.namespace == namespace else {
            throw ReferenceError(
                path: display, message: "\(part) is not valid: \(parsed.diagnostics.first?.message ?? "wrong root element")")
        }
        return (tree, root)
    }
}
