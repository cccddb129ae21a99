import Foundation
import TequioModel
import XMLSupport
import ZipSupport

/// One opened package as the rules see it: its files, its zip layout, its parsed XML parts, and the
/// findings so far. Locations read `book.docx!word/document.xml:12:7`.
final class PackageContents {
    let displayPath: String
    let tree: FileTree
    let layout: ArchiveLayout
    let schemas: OfficialSchemas
    let nestingDepth: Int
    private(set) var diagnostics: [Diagnostic] = []
    private var parsed: [String: ParsedXMLDocument?] = [:]

    init(displayPath: String, tree: FileTree, layout: ArchiveLayout, schemas: OfficialSchemas, nestingDepth: Int) {
        self.nestingDepth = nestingDepth
        self.displayPath = displayPath
        self.tree = tree
        self.layout = layout
        self.schemas = schemas
    }

    /// The location of a zip entry as a whole.
    func location(_ entry: String) -> SourceLocation { SourceLocation(file: "\(displayPath)!\(entry)") }

    func report(_ severity: Diagnostic.Severity, _ id: some DiagnosticIdentifier, _ message: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(severity, id, message, at: location))
    }

    func error(_ id: some DiagnosticIdentifier, _ message: String, at element: XMLElement) { report(.error, id, message, at: element.location) }
    func error(_ id: some DiagnosticIdentifier, _ message: String, entry: String) { report(.error, id, message, at: location(entry)) }
    func warning(_ id: some DiagnosticIdentifier, _ message: String, at element: XMLElement) { report(.warning, id, message, at: element.location) }
    func warning(_ id: some DiagnosticIdentifier, _ message: String, entry: String) { report(.warning, id, message, at: location(entry)) }
    func add(_ more: [Diagnostic]) { diagnostics += more }

    /// The parsed part, or nil (with a finding) when it is missing or not well-formed. Each part is
    /// parsed once.
    func document(_ entry: String, required: Bool = true, plainDoctype: Bool = false) -> ParsedXMLDocument? {
        if let cached = parsed[entry] { return cached }
        var result: ParsedXMLDocument?
        if var data = tree[entry] {
            if plainDoctype { data = PlainDoctype.blanked(data) }
            // Parts as large as the spreadsheet import reads (a tracking workbook of hundreds of plans).
            let outcome = SafeXMLParser.parse(data, path: "\(displayPath)!\(entry)", limits: XMLParseLimits(maxFileBytes: 64 << 20))
            diagnostics += outcome.diagnostics
            result = outcome.document
        } else if required {
            error(PackageDiagnosticID.missingPart, "\(entry) is missing", entry: entry)
        }
        parsed[entry] = result
        return result
    }

    func root(_ entry: String, required: Bool = true) -> XMLElement? { document(entry, required: required)?.root }

    /// Validates a part against an official schema, once the rules have read its tree.
    /// `prepare` removes markup the format lets consumers ignore (see `ForeignMarkup`).
    func validate(_ entry: String, against schema: OfficialSchemas.Name, prepare: ((ParsedXMLDocument) -> Void)? = nil) {
        guard let document = document(entry, required: false) else { return }
        switch schemas.schema(schema) {
        case .success(let validator):
            prepare?(document)
            add(validator.validate(document).map(SchemaMessage.shortened))
        case .failure(let problem):
            report(.error, PackageDiagnosticID.schemaUnavailable, problem.message, at: location(entry))
        }
    }

    /// Paths of the files (folder entries left out), in byte order.
    var files: [String] { tree.sortedPaths }
}

/// XHTML content documents of EPUB books start with `<!DOCTYPE html>` (or the XHTML 1.1 public
/// identifier in EPUB 2). Such a declaration, with no internal subset, loads nothing; it is blanked
/// (replaced by spaces, so positions stay) before the safe parser, which refuses every DOCTYPE.
enum PlainDoctype {
    static let pattern = try! NSRegularExpression(
        pattern: #"\A(?:\xEF\xBB\xBF)?(?:<\?xml[^>]*\?>)?\s*(<!DOCTYPE\s+html(?:\s+PUBLIC\s+"[^"<>\[\]]*"(?:\s+"[^"<>\[\]]*")?)?\s*>)"#,
        options: [.caseInsensitive])

    static func blanked(_ data: Data) -> Data {
        let head = String(decoding: data.prefix(512), as: UTF8.self)
        guard let match = pattern.firstMatch(in: head, range: NSRange(head.startIndex..., in: head)),
            let range = Range(match.range(at: 1), in: head)
        else { return data }
        let start = head.utf8.distance(from: head.startIndex, to: range.lowerBound)
        let length = head[range].utf8.count
        var copy = data
        copy.replaceSubrange(start..<(start + length), with: [UInt8](repeating: 0x20, count: length))
        return copy
    }
}

/// libxml2 names elements `{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pStyle`; people
/// read `w:pStyle`.
enum SchemaMessage {
    static let prefixes: [(String, String)] = [
        ("http://schemas.openxmlformats.org/wordprocessingml/2006/main", "w"),
        ("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "x"),
        ("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "r"),
        ("http://schemas.openxmlformats.org/package/2006/content-types", "ct"),
        ("http://schemas.openxmlformats.org/package/2006/relationships", "rel"),
        ("http://schemas.openxmlformats.org/drawingml/2006/main", "a"),
        ("http://www.w3.org/XML/1998/namespace", "xml"),
        ("http://www.imsglobal.org/xsd/imscp_v1p1", "imscp"),
        ("http://www.imsproject.org/xsd/imscp_rootv1p1p2", "imscp"),
        ("http://www.adlnet.org/xsd/adlcp_v1p3", "adlcp"),
        ("http://www.adlnet.org/xsd/adlcp_rootv1p2", "adlcp"),
        ("http://www.imsglobal.org/xsd/imsss", "imsss"),
        ("https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd", "cmi5"),
        ("http://purl.org/dc/elements/1.1/", "dc"),
        ("http://purl.org/dc/terms/", "dcterms"),
    ]

    static func shortened(_ d: Diagnostic) -> Diagnostic {
        guard d.message.contains("{") else { return d }
        var copy = d
        for (uri, prefix) in prefixes { copy.message = copy.message.replacingOccurrences(of: "{\(uri)}", with: "\(prefix):") }
        return copy
    }
}

extension XMLElement {
    /// Every descendant element, depth first, this one included.
    var descendants: [XMLElement] { [self] + elements.flatMap(\.descendants) }

    func descendants(_ name: String, _ namespace: String?) -> [XMLElement] {
        descendants.filter { $0.name == name && $0.namespace == namespace }
    }

    func children(_ name: String, _ namespace: String?) -> [XMLElement] {
        elements.filter { $0.name == name && $0.namespace == namespace }
    }

    func child(_ name: String, _ namespace: String?) -> XMLElement? {
        elements.first { $0.name == name && $0.namespace == namespace }
    }
}

/// Package-relative references (`href`, relationship targets): relative, no scheme, percent-decoded.
enum PackagePath {
    /// The zip path `reference` names from a part in `folder`, or nil when it is not a relative path
    /// inside the package (an absolute path, a URL, a backslash, or `..` above the root).
    static func resolve(_ reference: String, from folder: String = "") -> String? {
        var href = reference
        if let hash = href.firstIndex(of: "#") { href = String(href[..<hash]) }
        if let query = href.firstIndex(of: "?") { href = String(href[..<query]) }
        guard !href.isEmpty, !href.contains("\\"), !href.hasPrefix("/"), !hasScheme(href),
            let decoded = href.removingPercentEncoding
        else { return nil }
        var parts = folder.isEmpty ? [] : folder.split(separator: "/").map(String.init)
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: false) {
            switch segment {
            case ".", "": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(segment))
            }
        }
        return parts.joined(separator: "/")
    }

    /// `scheme:` at the start (`http:`, `file:`, `data:`, `C:` counts too).
    static func hasScheme(_ s: String) -> Bool {
        guard let colon = s.firstIndex(of: ":") else { return false }
        let scheme = s[..<colon]
        return !scheme.isEmpty && !scheme.contains("/") && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
    }

    static func folder(of path: String) -> String {
        path.split(separator: "/").dropLast().joined(separator: "/")
    }
}
