import CLibXML2
import Foundation
import TequioModel

/// A RELAX NG schema compiled once and used to validate many documents.
public final class RelaxNGSchema: @unchecked Sendable {
    private let schema: xmlRelaxNGPtr
    public let path: String

    /// Compiles the schema file at `url` (a trusted file of ours or an official schema).
    public init(contentsOf url: URL) throws {
        XMLLibrary.initialize()
        let collector = ErrorCollector(path: url.path, identifier: XMLDiagnosticID.schema)
        guard let ctxt = xmlRelaxNGNewParserCtxt(url.path) else { throw SchemaError(url: url, diagnostics: []) }
        defer { xmlRelaxNGFreeParserCtxt(ctxt) }
        withExtendedLifetime(collector) {
            xmlRelaxNGSetParserStructuredErrors(ctxt, collectError, Unmanaged.passUnretained(collector).toOpaque())
        }
        guard let schema = xmlRelaxNGParse(ctxt) else { throw SchemaError(url: url, diagnostics: collector.diagnostics) }
        self.schema = schema
        self.path = url.path
    }

    deinit { xmlRelaxNGFree(schema) }

    /// Every place where `document` breaks the schema, with file, line and column.
    public func validate(_ document: ParsedXMLDocument) -> [Diagnostic] {
        let collector = ErrorCollector(path: document.path, identifier: XMLDiagnosticID.schema, document: document)
        guard let ctxt = xmlRelaxNGNewValidCtxt(schema) else { return [] }
        defer { xmlRelaxNGFreeValidCtxt(ctxt) }
        let ok = withExtendedLifetime(collector) { () -> Bool in
            xmlRelaxNGSetValidStructuredErrors(ctxt, collectError, Unmanaged.passUnretained(collector).toOpaque())
            return xmlRelaxNGValidateDoc(ctxt, document.doc) == 0
        }
        if !ok && !collector.diagnostics.hasErrors {
            collector.diagnostics.append(.error(XMLDiagnosticID.schema, "document does not match the schema", at: SourceLocation(file: document.path)))
        }
        return collector.diagnostics
    }
}

/// Parses and validates a document on its own thread, beside a reader that parses the same bytes
/// into the Swift tree: two libxml2 documents, so neither thread sees the other's tree (libxml2's
/// validator relinks the children of interleaved elements while it works).
public final class BackgroundValidation: @unchecked Sendable {
    private let group = DispatchGroup()
    private var diagnostics: [Diagnostic] = []

    /// - Parameter schema: a schema instance used by this validation alone.
    public init(_ data: Data, path: String, limits: XMLParseLimits, schema: RelaxNGSchema) {
        group.enter()
        Thread.detachNewThread { [self] in
            if let document = SafeXMLParser.parse(data, path: path, limits: limits, buildTree: false).document {
                diagnostics = schema.validate(document)
            }
            group.leave()
        }
    }

    /// The schema's diagnostics, once the validation has finished (empty when the bytes are not
    /// well-formed: the reader's own parse reports that).
    public func wait() -> [Diagnostic] {
        group.wait()
        return diagnostics
    }
}

/// A W3C XML Schema (XSD) compiled once: for checking our outputs against official schemas.
public final class XSDSchema: @unchecked Sendable {
    private let schema: xmlSchemaPtr
    public let path: String

    public init(contentsOf url: URL) throws {
        XMLLibrary.initialize()
        let collector = ErrorCollector(path: url.path, identifier: XMLDiagnosticID.schema)
        guard let ctxt = xmlSchemaNewParserCtxt(url.path) else { throw SchemaError(url: url, diagnostics: []) }
        defer { xmlSchemaFreeParserCtxt(ctxt) }
        withExtendedLifetime(collector) {
            xmlSchemaSetParserStructuredErrors(ctxt, collectError, Unmanaged.passUnretained(collector).toOpaque())
        }
        guard let schema = xmlSchemaParse(ctxt) else { throw SchemaError(url: url, diagnostics: collector.diagnostics) }
        self.schema = schema
        self.path = url.path
    }

    deinit { xmlSchemaFree(schema) }

    public func validate(_ document: ParsedXMLDocument) -> [Diagnostic] {
        let collector = ErrorCollector(path: document.path, identifier: XMLDiagnosticID.schema, document: document)
        guard let ctxt = xmlSchemaNewValidCtxt(schema) else { return [] }
        defer { xmlSchemaFreeValidCtxt(ctxt) }
        let ok = withExtendedLifetime(collector) { () -> Bool in
            xmlSchemaSetValidStructuredErrors(ctxt, collectError, Unmanaged.passUnretained(collector).toOpaque())
            return xmlSchemaValidateDoc(ctxt, document.doc) == 0
        }
        if !ok && !collector.diagnostics.hasErrors {
            collector.diagnostics.append(.error(XMLDiagnosticID.schema, "document does not match the schema", at: SourceLocation(file: document.path)))
        }
        return collector.diagnostics
    }
}

public struct SchemaError: Error, CustomStringConvertible {
    public let url: URL
    public let diagnostics: [Diagnostic]
    public var description: String {
        "cannot compile schema \(url.path)" + diagnostics.map { "\n  \($0.formatted)" }.joined()
    }
}

/// Collects libxml2's structured errors for one validation run.
final class ErrorCollector {
    let path: String
    let identifier: XMLDiagnosticID
    let document: ParsedXMLDocument?
    var diagnostics: [Diagnostic] = []

    init(path: String, identifier: XMLDiagnosticID, document: ParsedXMLDocument? = nil) {
        self.path = path
        self.identifier = identifier
        self.document = document
    }
}

private let collectError: xmlStructuredErrorFunc = { userData, error in
    guard let userData, let error else { return }
    let collector = Unmanaged<ErrorCollector>.fromOpaque(userData).takeUnretainedValue()
    let e = error.pointee
    let message = lowercasedFirst(
        (e.message.map { String(cString: $0) } ?? "schema error").trimmingCharacters(in: .whitespacesAndNewlines))
    var location = SourceLocation(file: collector.path, line: Int(e.line), column: Int(e.int2))
    if let document = collector.document, let node = e.node {
        // Validation errors carry the node: use the element's recorded column.
        let nodePtr = node.assumingMemoryBound(to: xmlNode.self)
        if nodePtr.pointee.type == XML_ELEMENT_NODE { location = document.location(of: nodePtr) }
    }
    let severity: Diagnostic.Severity = e.level == XML_ERR_WARNING ? .warning : .error
    collector.diagnostics.append(Diagnostic(severity, collector.identifier, message, at: location))
}
