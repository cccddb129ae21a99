import CLibXML2
import Foundation
import TequioModel

/// Parses untrusted XML without ever loading a DTD, an external entity or anything from the network.
///
/// - Any DOCTYPE is rejected (no format of ours needs one), which also stops entity expansion attacks.
/// - Input must be strict UTF-8; byte, text-node and depth caps are enforced.
/// - Every problem comes back as a `Diagnostic` with file, line and column; nothing is printed.
public enum SafeXMLParser {
    /// The only options ever given to libxml2 for untrusted input: no entity substitution, no DTD
    /// loading, no XInclude, no recovery, no huge-document mode.
    static let options: Int32 = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue)

    /// Reads and parses the file at `url`; `displayPath` is the name used in diagnostics.
    public static func parseFile(
        _ url: URL, displayPath: String? = nil, limits: XMLParseLimits = .init(), validatingWith schema: RelaxNGSchema? = nil
    ) -> XMLParseResult {
        let path = displayPath ?? url.path
        switch readFile(url, displayPath: path, limits: limits) {
        case .success(let data): return parse(data, path: path, limits: limits, validatingWith: schema)
        case .failure(let failure): return .failure(failure.diagnostic)
        }
    }

    /// The bytes of the file at `url`, refused before reading when it is over the size cap.
    public static func readFile(_ url: URL, displayPath: String, limits: XMLParseLimits = .init()) -> Result<Data, ReadFailure> {
        let size: Int
        do {
            let values = try url.resourceValues(forKeys: [.fileSizeKey, .isRegularFileKey])
            guard values.isRegularFile == true else {
                return .failure(ReadFailure(.error(XMLDiagnosticID.io, "not a regular file", at: SourceLocation(file: displayPath))))
            }
            size = values.fileSize ?? 0
        } catch {
            return .failure(
                ReadFailure(.error(XMLDiagnosticID.io, "cannot read file: \(error.localizedDescription)", at: SourceLocation(file: displayPath))))
        }
        guard size <= limits.maxFileBytes else { return .failure(ReadFailure(tooLarge(size, limits: limits, path: displayPath))) }
        // Not through Foundation: swift-foundation 6.3 leaks a 4 KiB buffer on every read of an empty
        // file (FileManager.contents and Data(contentsOf:); found by the fuzzers, docs/fuzzing.md).
        guard size > 0 else { return .success(Data()) }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return .failure(ReadFailure(.error(XMLDiagnosticID.io, "cannot read file", at: SourceLocation(file: displayPath))))
        }
        return .success(data)
    }

    public struct ReadFailure: Error {
        public let diagnostic: Diagnostic
        init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
    }

    /// Parses `data`, naming it `path` in diagnostics. With a `schema`, a well-formed document is also
    /// validated, and the schema's diagnostics come after the parser's.
    public static func parse(
        _ data: Data, path: String, limits: XMLParseLimits = .init(), validatingWith schema: RelaxNGSchema? = nil
    ) -> XMLParseResult {
        parse(data, path: path, limits: limits, validatingWith: schema, buildTree: true)
    }

    /// `buildTree: false` leaves `root` unset: for a document only given to a validator.
    static func parse(
        _ data: Data, path: String, limits: XMLParseLimits, validatingWith schema: RelaxNGSchema? = nil, buildTree: Bool
    ) -> XMLParseResult {
        // A validation-only parse runs beside the reader's own parse of the same bytes, which checks them.
        if let refused = preflight(data, path: path, limits: limits, checkUTF8: buildTree) { return .failure(refused) }
        let state = ParseState(path: path)
        guard let (doc, wellFormed) = read(data, state: state, hooks: { $0.pointee.startElementNs = recordElementStart }) else {
            return .failure(.error(XMLDiagnosticID.internal, "cannot create an XML parser", at: SourceLocation(file: path)))
        }
        guard let doc, wellFormed, !state.sawDoctype, !state.diagnostics.hasErrors else {
            if let doc { xmlFreeDoc(doc) }
            var diagnostics = state.diagnostics
            if diagnostics.isEmpty {
                diagnostics.append(.error(XMLDiagnosticID.malformed, "not well-formed XML", at: SourceLocation(file: path)))
            }
            return XMLParseResult(document: nil, diagnostics: diagnostics)
        }
        let document = ParsedXMLDocument(doc: doc, path: path, positions: state.positions)
        guard buildTree else { return XMLParseResult(document: document, diagnostics: state.diagnostics) }
        var converter = TreeConverter(document: document, limits: limits)
        let root = xmlDocGetRootElement(doc).flatMap { converter.element($0, depth: 1) }
        let schemaDiagnostics = schema?.validate(document) ?? []
        guard let root else {
            let diagnostics = converter.diagnostics.isEmpty
                ? [Diagnostic.error(XMLDiagnosticID.malformed, "document has no root element", at: SourceLocation(file: path))]
                : converter.diagnostics
            return XMLParseResult(document: nil, diagnostics: diagnostics)
        }
        if converter.diagnostics.hasErrors { return XMLParseResult(document: nil, diagnostics: converter.diagnostics) }
        document.root = root
        return XMLParseResult(document: document, diagnostics: state.diagnostics + converter.diagnostics + schemaDiagnostics)
    }

    /// What is refused before libxml2 sees the bytes: too many of them, or (for a reader's own parse)
    /// bytes that are not strict UTF-8.
    static func preflight(_ data: Data, path: String, limits: XMLParseLimits, checkUTF8: Bool) -> Diagnostic? {
        guard data.count <= limits.maxFileBytes, data.count < Int(Int32.max) else { return tooLarge(data.count, limits: limits, path: path) }
        if checkUTF8, let bad = UTF8Check.firstInvalidByte(in: data) {
            return .error(
                XMLDiagnosticID.notUTF8, "file is not valid UTF-8 (byte 0x\(String(format: "%02X", bad.byte)))",
                at: SourceLocation(file: path, line: bad.line, column: bad.column))
        }
        return nil
    }

    /// One libxml2 parse of `data` with the safe options: a DOCTYPE or an entity declaration stops it,
    /// errors go to `state`, and `hooks` sets the element and text callbacks. Nil when libxml2 cannot
    /// make a parser; else the document (the caller frees it) and whether the input was well-formed.
    static func read(_ data: Data, state: ParseState, hooks: (UnsafeMutablePointer<xmlSAXHandler>) -> Void) -> (xmlDocPtr?, Bool)? {
        XMLLibrary.initialize()
        guard let ctxt = xmlNewParserCtxt() else { return nil }
        defer { xmlFreeParserCtxt(ctxt) }
        ctxt.pointee._private = Unmanaged.passUnretained(state).toOpaque()
        if let sax = ctxt.pointee.sax {
            sax.pointee.serror = parseErrorHandler
            sax.pointee.internalSubset = rejectDoctype
            sax.pointee.externalSubset = nil
            sax.pointee.entityDecl = rejectEntityDeclaration
            hooks(sax)
        }
        let doc: xmlDocPtr? = data.isEmpty
            ? xmlCtxtReadMemory(ctxt, "", 0, state.path, "UTF-8", options)
            : data.withUnsafeBytes { raw in
                xmlCtxtReadMemory(ctxt, raw.bindMemory(to: CChar.self).baseAddress, Int32(raw.count), state.path, "UTF-8", options)
            }
        return (doc, ctxt.pointee.wellFormed != 0)
    }

    private static func tooLarge(_ size: Int, limits: XMLParseLimits, path: String) -> Diagnostic {
        .error(
            XMLDiagnosticID.tooLarge, "file is \(size) bytes, over the limit of \(limits.maxFileBytes) bytes",
            at: SourceLocation(file: path))
    }
}

/// The outcome of parsing: a document when the input was well-formed and within limits, and every
/// diagnostic found either way.
public struct XMLParseResult: Sendable {
    public let document: ParsedXMLDocument?
    public let diagnostics: [Diagnostic]

    static func failure(_ diagnostic: Diagnostic) -> XMLParseResult {
        XMLParseResult(document: nil, diagnostics: [diagnostic])
    }
}

/// What the SAX hooks collect while libxml2 parses.
class ParseState {
    let path: String
    var diagnostics: [Diagnostic] = []
    var sawDoctype = false
    /// Line and column of each element's `<`; the node's `_private` holds the index + 1.
    var positions: [ElementPosition] = []

    init(path: String) { self.path = path }

    static func from(_ ctx: UnsafeMutableRawPointer?) -> (xmlParserCtxtPtr, ParseState)? {
        guard let ctx else { return nil }
        let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let priv = ctxt.pointee._private else { return nil }
        return (ctxt, Unmanaged<ParseState>.fromOpaque(priv).takeUnretainedValue())
    }
}

private let parseErrorHandler: xmlStructuredErrorFunc = { userData, error in
    guard let error, let (_, state) = ParseState.from(userData), !state.sawDoctype else { return }
    let e = error.pointee
    let severity: Diagnostic.Severity = e.level == XML_ERR_WARNING ? .warning : .error
    var message = e.message.map { String(cString: $0) } ?? "XML error"
    message = message.trimmingCharacters(in: .whitespacesAndNewlines)
    let id: XMLDiagnosticID
    switch e.code {
    case Int32(XML_ERR_INVALID_CHAR.rawValue), Int32(XML_ERR_INVALID_ENCODING.rawValue): id = XMLDiagnosticID.notUTF8
    case Int32(XML_ERR_INTERNAL_ERROR.rawValue) where message.contains("depth"): id = XMLDiagnosticID.tooDeep
    default: id = XMLDiagnosticID.malformed
    }
    if id == XMLDiagnosticID.tooDeep { message = "elements are nested too deeply" }
    state.diagnostics.append(
        Diagnostic(severity, id, lowercasedFirst(message), at: SourceLocation(file: state.path, line: Int(e.line), column: Int(e.int2))))
}

private let rejectDoctype: internalSubsetSAXFunc = { ctx, _, _, _ in
    guard let (ctxt, state) = ParseState.from(ctx) else { return }
    let line = Int(ctxt.pointee.input?.pointee.line ?? 0)
    state.sawDoctype = true
    state.diagnostics = [
        .error(
            XMLDiagnosticID.doctype, "DOCTYPE declarations are not allowed (no DTDs or entities are ever loaded)",
            at: SourceLocation(file: state.path, line: line, column: 1))
    ]
    xmlStopParser(ctxt)
}

private let rejectEntityDeclaration: entityDeclSAXFunc = { ctx, _, _, _, _, _ in
    guard let (ctxt, state) = ParseState.from(ctx) else { return }
    state.sawDoctype = true
    xmlStopParser(ctxt)
}

private let recordElementStart: startElementNsSAX2Func = {
    ctx, localname, prefix, uri, nbNamespaces, namespaces, nbAttributes, nbDefaulted, attributes in
    xmlSAX2StartElementNs(ctx, localname, prefix, uri, nbNamespaces, namespaces, nbAttributes, nbDefaulted, attributes)
    guard let (ctxt, state) = ParseState.from(ctx), let node = ctxt.pointee.node, let input = ctxt.pointee.input else {
        return
    }
    let p = TagPosition.start(of: input.pointee)
    state.positions.append(ElementPosition(line: Int32(clamping: p.line), column: Int32(clamping: p.column)))
    node.pointee._private = UnsafeMutableRawPointer(bitPattern: state.positions.count)
}

/// Finds where the start tag that the parser has just read began. libxml2 keeps only a line for each
/// element, and the SAX callback fires with the input at the tag's end.
enum TagPosition {
    static func start(of input: xmlParserInput) -> (line: Int, column: Int) {
        guard let cur = input.cur, let base = input.base else { return (Int(input.line), 0) }
        var p = cur
        var newlines = 0
        while p > base && p.pointee != UInt8(ascii: "<") {
            if p.pointee == UInt8(ascii: "\n") { newlines += 1 }
            p -= 1
        }
        guard p.pointee == UInt8(ascii: "<") else { return (Int(input.line), 0) }
        let line = Int(input.line) - newlines
        if newlines == 0 {
            return (line, max(1, Int(input.col) - characters(from: p, to: cur)))
        }
        var q = p
        while q > base && q.pointee != UInt8(ascii: "\n") { q -= 1 }
        if q.pointee == UInt8(ascii: "\n") { return (line, characters(from: q + 1, to: p) + 1) }
        return (line, input.consumed == 0 ? characters(from: base, to: p) + 1 : 0)
    }

    /// Characters (not continuation bytes) in `[from, to)`.
    private static func characters(from: UnsafePointer<UInt8>, to: UnsafePointer<UInt8>) -> Int {
        var n = 0
        var p = from
        while p < to {
            if p.pointee & 0xC0 != 0x80 { n += 1 }
            p += 1
        }
        return n
    }
}

func lowercasedFirst(_ s: String) -> String {
    guard let first = s.first else { return s }
    return first.lowercased() + s.dropFirst()
}
