import CLibXML2
import Foundation
import TequioModel

/// A well-formed document: the libxml2 tree (kept for schema validation) and its Swift mirror.
public final class ParsedXMLDocument: @unchecked Sendable {
    let doc: xmlDocPtr
    /// Start-tag positions; each element node's `_private` holds its index + 1.
    let positions: [ElementPosition]
    public let path: String
    /// The root element with positions; set once after conversion.
    public internal(set) var root: XMLElement!
    /// True when some element is in the XInclude namespace (so includes need expanding).
    public internal(set) var usesXInclude = false

    init(doc: xmlDocPtr, path: String, positions: [ElementPosition]) {
        self.doc = doc
        self.path = path
        self.positions = positions
    }

    deinit {
        if XMLLibrary.freeDocuments { xmlFreeDoc(doc) }
    }

    func location(of node: xmlNodePtr?) -> SourceLocation {
        guard let node else { return SourceLocation(file: path) }
        let index = Int(bitPattern: node.pointee._private) - 1
        if index >= 0 && index < positions.count {
            let p = positions[index]
            return SourceLocation(file: path, line: Int(p.line), column: Int(p.column))
        }
        return SourceLocation(file: path, line: Int(xmlGetLineNo(node)), column: 0)
    }
}

/// Turns libxml2's tree into `XMLElement`s, checking text and depth caps on the way.
struct TreeConverter {
    let document: ParsedXMLDocument
    let limits: XMLParseLimits
    var diagnostics: [Diagnostic] = []
    /// libxml2 keeps names and namespace URIs in a dictionary, so equal strings share a pointer.
    private var interned: [UnsafeRawPointer: String] = [:]

    private mutating func intern(_ p: UnsafePointer<xmlChar>) -> String {
        let key = UnsafeRawPointer(p)
        if let s = interned[key] { return s }
        let s = String(cString: p)
        interned[key] = s
        return s
    }

    init(document: ParsedXMLDocument, limits: XMLParseLimits) {
        self.document = document
        self.limits = limits
    }

    mutating func element(_ node: xmlNodePtr, depth: Int) -> XMLElement? {
        let location = document.location(of: node)
        guard depth <= limits.maxDepth else {
            diagnostics.append(.error(XMLDiagnosticID.tooDeep, "elements are nested more than \(limits.maxDepth) deep", at: location))
            return nil
        }
        var attributes: [XMLAttribute] = []
        var attr = node.pointee.properties
        while let a = attr {
            let value: String
            if let child = a.pointee.children, child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE,
                let content = child.pointee.content
            {
                value = String(cString: content)  // the common case: one text node, no copy by libxml2
            } else if let chars = xmlNodeListGetString(document.doc, a.pointee.children, 1) {
                value = String(cString: chars)
                tequio_xmlFree(chars)
            } else {
                value = ""
            }
            attributes.append(
                XMLAttribute(name: intern(a.pointee.name), namespace: a.pointee.ns.flatMap { $0.pointee.href }.map { intern($0) }, value: value))
            attr = a.pointee.next
        }
        var children: [XMLNode] = []
        var pendingText = ""
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE:
                if !pendingText.isEmpty {
                    children.append(.text(pendingText))
                    pendingText = ""
                }
                guard let e = element(c, depth: depth + 1) else { return nil }
                children.append(.element(e))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = c.pointee.content {
                    let length = Int(xmlStrlen(content))
                    guard length <= limits.maxTextBytes else {
                        diagnostics.append(
                            .error(XMLDiagnosticID.textTooLarge, "text of \(length) bytes is over the limit of \(limits.maxTextBytes) bytes", at: location))
                        return nil
                    }
                    pendingText += String(cString: content)
                }
            default:
                break  // comments and processing instructions carry no content
            }
            child = c.pointee.next
        }
        if !pendingText.isEmpty { children.append(.text(pendingText)) }
        let name = intern(node.pointee.name)
        let namespace = node.pointee.ns.flatMap { $0.pointee.href }.map { intern($0) }
        if namespace == XMLNamespace.xinclude { document.usesXInclude = true }
        return XMLElement(name: name, namespace: namespace, attributes: attributes, children: children, location: location)
    }
}

/// Where an element's start tag begins (1-based; column 0 when unknown).
struct ElementPosition {
    var line: Int32
    var column: Int32
}
