import CLibXML2
import Foundation
import TequioModel

/// The start, text and end events of an untrusted document, without building a tree: for parts with
/// hundreds of thousands of elements (a workbook's cells), where the tree's allocations cost more than
/// the parse. The same protections as `SafeXMLParser`: no DOCTYPE, no entities, strict UTF-8, and the
/// byte, text and depth caps.
public protocol XMLEventHandler: AnyObject {
    func start(_ name: XMLEventName, _ attributes: XMLEventAttributes)
    /// A piece of an element's text (an element's text may come in several pieces).
    func text(_ bytes: UnsafeBufferPointer<UInt8>)
    func end(_ name: XMLEventName)
}

/// An element's local name, valid during the callback.
public struct XMLEventName {
    let pointer: UnsafePointer<UInt8>

    public func `is`(_ name: StaticString) -> Bool { strcmp(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self), UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)) == 0 }
    public var string: String { String(cString: pointer) }
}

/// An element's attributes (local name, value), valid during the callback.
public struct XMLEventAttributes {
    /// libxml2's layout: five pointers per attribute (localname, prefix, URI, value start, value end).
    let pointer: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    let count: Int

    /// The value of the attribute `name` in no namespace.
    public subscript(_ name: StaticString) -> String? {
        guard let pointer else { return nil }
        for i in 0..<count {
            let base = pointer + 5 * i
            guard base[2] == nil, let local = base[0], let start = base[3], let end = base[4],
                XMLEventName(pointer: local).is(name)
            else { continue }
            return String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
        }
        return nil
    }
}

extension SafeXMLParser {
    /// Streams `data` to `handler`; the diagnostics are the parser's (empty when the document was read
    /// to its end, well-formed and within `limits`).
    public static func stream(_ data: Data, path: String, limits: XMLParseLimits = .init(), to handler: XMLEventHandler) -> [Diagnostic] {
        if let refused = preflight(data, path: path, limits: limits, checkUTF8: true) { return [refused] }
        let state = StreamState(path: path, handler: handler, limits: limits)
        let parsed = read(data, state: state) { sax in
            sax.pointee.startElementNs = streamStart
            sax.pointee.endElementNs = streamEnd
            sax.pointee.characters = streamText
            sax.pointee.cdataBlock = streamText
            sax.pointee.ignorableWhitespace = streamText
            sax.pointee.comment = nil
            sax.pointee.processingInstruction = nil
            sax.pointee.reference = nil
        }
        guard let (doc, wellFormed) = parsed else {
            return [.error(XMLDiagnosticID.internal, "cannot create an XML parser", at: SourceLocation(file: path))]
        }
        if let doc { xmlFreeDoc(doc) }
        var diagnostics = state.diagnostics
        if !wellFormed && !diagnostics.hasErrors {
            diagnostics.append(.error(XMLDiagnosticID.malformed, "not well-formed XML", at: SourceLocation(file: path)))
        }
        return diagnostics
    }
}

/// The parse's state: the handler, and the depth and text size checked against the limits.
final class StreamState: ParseState {
    let handler: XMLEventHandler
    let limits: XMLParseLimits
    var depth = 0
    var textBytes = 0

    init(path: String, handler: XMLEventHandler, limits: XMLParseLimits) {
        self.handler = handler
        self.limits = limits
        super.init(path: path)
    }

    func stop(_ ctxt: xmlParserCtxtPtr, _ id: XMLDiagnosticID, _ message: String) {
        diagnostics.append(.error(id, message, at: SourceLocation(file: path, line: Int(xmlSAX2GetLineNumber(ctxt)), column: 1)))
        xmlStopParser(ctxt)
    }
}

private let streamStart: startElementNsSAX2Func = { ctx, localname, _, _, _, _, nbAttributes, _, attributes in
    guard let (ctxt, base) = ParseState.from(ctx), let state = base as? StreamState, let localname else { return }
    state.depth += 1
    state.textBytes = 0
    guard state.depth <= state.limits.maxDepth else { return state.stop(ctxt, .tooDeep, "elements are nested too deeply") }
    let attributes = UnsafeMutableRawPointer(attributes)?.assumingMemoryBound(to: UnsafePointer<UInt8>?.self)
    state.handler.start(XMLEventName(pointer: localname), XMLEventAttributes(pointer: attributes, count: Int(nbAttributes)))
}

private let streamEnd: endElementNsSAX2Func = { ctx, localname, _, _ in
    guard let (_, base) = ParseState.from(ctx), let state = base as? StreamState, let localname else { return }
    state.depth -= 1
    state.textBytes = 0
    state.handler.end(XMLEventName(pointer: localname))
}

private let streamText: charactersSAXFunc = { ctx, bytes, length in
    guard let (ctxt, base) = ParseState.from(ctx), let state = base as? StreamState, let bytes, length > 0 else { return }
    state.textBytes += Int(length)
    guard state.textBytes <= state.limits.maxTextBytes else {
        return state.stop(ctxt, .textTooLarge, "a text is over the limit of \(state.limits.maxTextBytes) bytes")
    }
    state.handler.text(UnsafeBufferPointer(start: bytes, count: Int(length)))
}
