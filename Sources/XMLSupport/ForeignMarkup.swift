import CLibXML2
import Foundation

/// Removes markup a consumer is allowed to ignore before a document is validated, so that files real
/// office suites write can be checked against the strict official schemas:
/// - OOXML's Markup Compatibility (ECMA-376 Part 3): elements and attributes in the namespaces a
///   document lists in `mc:Ignorable`, and `mc:AlternateContent` replaced by its `mc:Fallback`;
/// - ODF's extended documents (ODF 1.3 Part 3, 3.17): elements and attributes outside the ODF
///   namespaces (`loext:`, `officeooo:`, ...), as a conforming consumer ignores them.
///
/// The libxml2 nodes that remain keep their recorded positions, so schema messages still point at
/// the right line and column. Call it after the Swift tree was built (the tree is not changed).
public enum ForeignMarkup {
    public static let markupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"

    /// Drops OOXML Markup Compatibility markup: ignorable namespaces, `mc:AlternateContent` (keeping its
    /// `mc:Fallback` children) and the `mc:` attributes themselves.
    public static func removeIgnorable(from document: ParsedXMLDocument) {
        guard let root = xmlDocGetRootElement(document.doc) else { return }
        var ignorable: Set<String> = []
        collectIgnorable(root, into: &ignorable)
        prune(root) { namespace in namespace == markupCompatibility || ignorable.contains(namespace) }
    }

    /// Drops every element and attribute whose namespace `keep` rejects (unqualified attributes stay).
    public static func removeForeign(from document: ParsedXMLDocument, keep: (String) -> Bool) {
        guard let root = xmlDocGetRootElement(document.doc) else { return }
        prune(root) { !keep($0) }
    }

    /// Sets the root element's `version` attribute (in `namespace`) to `version` when it is one of
    /// `older`: for validating a document of an earlier edition against a later edition's schema.
    public static func setVersion(of document: ParsedXMLDocument, to version: String, namespace: String, ifIn older: Set<String>) {
        guard let root = xmlDocGetRootElement(document.doc), let value = xmlGetNsProp(root, "version", namespace) else { return }
        defer { tequio_xmlFree(value) }
        guard older.contains(String(cString: value)) else { return }
        var ns = root.pointee.nsDef
        while let n = ns {
            if let href = n.pointee.href, String(cString: href) == namespace {
                xmlSetNsProp(root, n, "version", version)
                return
            }
            ns = n.pointee.next
        }
        if let n = xmlSearchNsByHref(root.pointee.doc, root, namespace) { xmlSetNsProp(root, n, "version", version) }
    }

    /// The prefixes in every `mc:Ignorable` attribute, resolved to namespace URIs on their element.
    private static func collectIgnorable(_ node: xmlNodePtr, into set: inout Set<String>) {
        if let value = xmlGetNsProp(node, "Ignorable", markupCompatibility) {
            for prefix in String(cString: value).split(separator: " ") {
                if let ns = xmlSearchNs(node.pointee.doc, node, String(prefix)), let href = ns.pointee.href {
                    set.insert(String(cString: href))
                }
            }
            tequio_xmlFree(value)
        }
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE { collectIgnorable(c, into: &set) }
            child = c.pointee.next
        }
    }

    private static func namespace(of ns: xmlNsPtr?) -> String? {
        ns.flatMap { $0.pointee.href }.map { String(cString: $0) }
    }

    /// Removes the attributes and child elements of `node` in a dropped namespace, recursively. An
    /// `mc:AlternateContent` is replaced by the children of its `mc:Fallback`.
    private static func prune(_ node: xmlNodePtr, drop: (String) -> Bool) {
        var attribute = node.pointee.properties
        while let a = attribute {
            attribute = a.pointee.next
            if let ns = namespace(of: a.pointee.ns), drop(ns) { xmlRemoveProp(a) }
        }
        var child = node.pointee.children
        while let c = child {
            child = c.pointee.next
            guard c.pointee.type == XML_ELEMENT_NODE else { continue }
            let ns = namespace(of: c.pointee.ns)
            if ns == markupCompatibility, String(cString: c.pointee.name) == "AlternateContent" {
                replaceWithFallback(c, drop: drop)
                continue
            }
            if let ns, drop(ns) {
                xmlUnlinkNode(c)
                xmlFreeNode(c)
            } else {
                prune(c, drop: drop)
            }
        }
    }

    private static func replaceWithFallback(_ alternate: xmlNodePtr, drop: (String) -> Bool) {
        var fallback: xmlNodePtr?
        var child = alternate.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE, String(cString: c.pointee.name) == "Fallback" { fallback = c }
            child = c.pointee.next
        }
        if let fallback {
            var moved = fallback.pointee.children
            while let m = moved {
                moved = m.pointee.next
                xmlUnlinkNode(m)
                xmlAddPrevSibling(alternate, m)
                if m.pointee.type == XML_ELEMENT_NODE { prune(m, drop: drop) }
            }
        }
        xmlUnlinkNode(alternate)
        xmlFreeNode(alternate)
    }
}
