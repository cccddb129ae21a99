import Foundation
import XMLSupport

/// One of our RELAX NG schemas (XML syntax) compiled into derivative patterns, for the messages of
/// `SchemaExplainer`. libxml2 stays the judge of validity; this grammar explains what is wrong.
final class RNGGrammar: @unchecked Sendable {
    let factory = PatternFactory()
    private(set) var start: Pat!
    /// Serialises use of the factory (its memo tables are not thread-safe).
    let lock = NSLock()

    private var defines: [String: XMLElement] = [:]
    private var compiledDefines: [String: Pat] = [:]
    private var compiling: Set<String> = []
    private var datatypeLibrary = ""
    private var grammarNS = ""

    struct LoadError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    init(contentsOf url: URL) throws {
        let result = SafeXMLParser.parseFile(url, displayPath: url.path)
        guard let root = result.document?.root, root.name == "grammar", root.namespace == XMLNamespaceURI.relaxNG else {
            throw LoadError(message: "cannot read the RELAX NG grammar \(url.path): \(result.diagnostics.map(\.formatted))")
        }
        datatypeLibrary = root.attribute("datatypeLibrary") ?? ""
        let ns = root.attribute("ns") ?? ""
        grammarNS = ns
        var startElement: XMLElement?
        for child in root.elements where child.namespace == XMLNamespaceURI.relaxNG {
            switch child.name {
            case "define": defines[child.attribute("name") ?? ""] = child
            case "start": startElement = child
            default: break
            }
        }
        guard let startElement else { throw LoadError(message: "\(url.path) has no start") }
        start = try group(startElement.elements, ns: ns, define: nil)
        // Element contents are compiled after every element pattern exists, so recursion works.
        while let (definition, body, bodyNS) = pendingElements.popLast() {
            definition.content = try group(body, ns: bodyNS, define: nil)
        }
        factory.sealGrammar()
    }

    private var pendingElements: [(ElementDefinition, [XMLElement], String)] = []

    private func rng(_ elements: [XMLElement]) -> [XMLElement] {
        elements.filter { $0.namespace == XMLNamespaceURI.relaxNG }
    }

    private func group(_ elements: [XMLElement], ns: String, define: String?) throws -> Pat {
        let f = factory
        var result = f.empty
        let patterns = rng(elements)
        for e in patterns { result = f.group(result, try pattern(e, ns: ns, define: patterns.count == 1 ? define : nil)) }
        return result
    }

    private func name(_ raw: String, ns: String, attribute: Bool) throws -> QName {
        if let colon = raw.firstIndex(of: ":") {
            let prefix = String(raw[..<colon])
            let local = String(raw[raw.index(after: colon)...])
            switch prefix {
            case "xml": return QName(namespace: XMLNamespaceURI.xml, local: local)
            case "xi": return QName(namespace: XMLNamespaceURI.xinclude, local: local)
            default: throw LoadError(message: "unknown prefix '\(prefix)' in the grammar")
            }
        }
        return QName(namespace: attribute ? "" : ns, local: raw)
    }

    private func pattern(_ e: XMLElement, ns inherited: String, define: String?) throws -> Pat {
        let f = factory
        let ns = e.attribute("ns") ?? inherited
        let children = rng(e.elements)
        switch e.name {
        case "element":
            let (definition, p) = f.newElement(try name(e.attribute("name") ?? "", ns: ns, attribute: false))
            pendingElements.append((definition, children, ns))
            return p
        case "attribute":
            let valuePattern = children.isEmpty ? f.text : try group(children, ns: ns, define: nil)
            return f.attribute(try name(e.attribute("name") ?? "", ns: ns, attribute: true), valuePattern)
        case "group": return try group(children, ns: ns, define: define)
        case "interleave", "choice", "mixed":
            var result: Pat?
            for c in children {
                let p = try pattern(c, ns: ns, define: children.count == 1 ? define : nil)
                if let r = result {
                    result = e.name == "choice" ? f.choice(r, p) : f.interleave(r, p)
                } else {
                    result = p
                }
            }
            let body = result ?? f.empty
            return e.name == "mixed" ? f.interleave(body, f.text) : body
        case "optional": return f.optional(try group(children, ns: ns, define: define))
        case "zeroOrMore": return f.zeroOrMore(try group(children, ns: ns, define: define))
        case "oneOrMore": return f.oneOrMore(try group(children, ns: ns, define: define))
        case "list": return f.list(try group(children, ns: ns, define: define))
        case "text": return f.text
        case "empty": return f.empty
        case "notAllowed": return f.notAllowed
        case "ref":
            let target = e.attribute("name") ?? ""
            if let compiled = compiledDefines[target] { return compiled }
            guard let body = defines[target] else { throw LoadError(message: "no define '\(target)'") }
            guard compiling.insert(target).inserted else { throw LoadError(message: "define '\(target)' refers to itself outside an element") }
            let p = try group(body.elements, ns: body.attribute("ns") ?? grammarNS, define: target)
            compiling.remove(target)
            compiledDefines[target] = p
            return p
        case "data":
            var type = Datatype(type: e.attribute("type") ?? "token", define: define)
            for param in children where param.name == "param" {
                switch param.attribute("name") {
                case "pattern": type.pattern = param.text
                case "minLength": type.minLength = Int(param.text)
                case "minExclusive": type.minExclusive = Decimal(string: param.text)
                default: break
                }
            }
            return f.data(type)
        case "value":
            return f.value(Datatype(type: e.attribute("type") ?? "token", value: e.text, define: define))
        default:
            throw LoadError(message: "unsupported RELAX NG element '\(e.name)'")
        }
    }
}
