import CLibXML2
import Foundation
import TequioModel

/// A well-formed document: the libxml2 tree (kept for schema validation) and its Swift mirror.
public final class ParsedXMLDocument: @unchecked Sendable {
    let doc: xmlDocPtr
    let positions: [UnsafeMutableRawPointer: (line: Int, column: Int)]
    public let path: String
    /// The root element with positions; set once after conversion.
    public internal(set) var root: XMLElement!

    init(doc: xmlDocPtr, path: String, positions: [UnsafeMutableRawPointer: (line: Int, column: Int)]) {
        self.doc = doc
        self.path = path
        self.positions = positions
    }

    deinit { xmlFreeDoc(doc) }

    func location(of node: xmlNodePtr?) -> SourceLocation {
        guard let node else { return SourceLocation(file: path) }
        if let p = positions[UnsafeMutableRawPointer(node)] {
            return SourceLocation(file: path, line: p.line, column: p.column)
        }
        return SourceLocation(file: path, line: Int(xmlGetLineNo(node)), column: 0)
    }
}

/// Turns libxml2's tree into `XMLElement`s, checking text and depth caps on the way.
struct TreeConverter {
    let document: ParsedXMLDocument
    let limits: XMLParseLimits
    var diagnostics: [Diagnostic] = []

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
            if let chars = xmlNodeListGetString(document.doc, a.pointee.children, 1) {
                value = String(cString: chars)
                tequio_xmlFree(chars)
            } else {
                value = ""
            }
            attributes.append(
                XMLAttribute(name: String(cString: a.pointee.name), namespace: a.pointee.ns.flatMap { $0.pointee.href.map { String(cString: $0) } }, value: value))
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
        let name = String(cString: node.pointee.name)
        let namespace = node.pointee.ns.flatMap { $0.pointee.href.map { String(cString: $0) } }
        return XMLElement(name: name, namespace: namespace, attributes: attributes, children: children, location: location)
    }
}
