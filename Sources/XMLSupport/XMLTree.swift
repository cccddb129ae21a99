import TequioModel

/// An immutable XML element with its position in the source file.
///
/// Built by `SafeXMLParser` from a parsed document; readers walk it instead of libxml2's tree.
public final class XMLElement: Sendable {
    public let name: String
    public let namespace: String?
    public let attributes: [XMLAttribute]
    public let children: [XMLNode]
    public let location: SourceLocation

    public init(name: String, namespace: String?, attributes: [XMLAttribute], children: [XMLNode], location: SourceLocation) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.location = location
    }

    /// Child elements, in order.
    public var elements: [XMLElement] {
        children.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }

    /// The value of the attribute `name` in no namespace (or `namespace`).
    public func attribute(_ name: String, namespace: String? = nil) -> String? {
        attributes.first { $0.name == name && $0.namespace == namespace }?.value
    }

    /// `xml:lang` of this element.
    public var language: String? { attribute("lang", namespace: XMLNamespace.xml) }

    public func elements(named name: String) -> [XMLElement] {
        children.compactMap { if case .element(let e) = $0, e.name == name { e } else { nil } }
    }

    public func element(named name: String) -> XMLElement? {
        for child in children {
            if case .element(let e) = child, e.name == name { return e }
        }
        return nil
    }

    /// All descendant text, concatenated.
    public var text: String {
        children.map {
            switch $0 {
            case .text(let s): s
            case .element(let e): e.text
            }
        }.joined()
    }
}

public struct XMLAttribute: Sendable, Equatable {
    public let name: String
    public let namespace: String?
    public let value: String
    public init(name: String, namespace: String?, value: String) {
        self.name = name
        self.namespace = namespace
        self.value = value
    }
}

public enum XMLNode: Sendable {
    case element(XMLElement)
    case text(String)
}

public enum XMLNamespace {
    public static let xml = "http://www.w3.org/XML/1998/namespace"
    public static let xinclude = "http://www.w3.org/2001/XInclude"
}
