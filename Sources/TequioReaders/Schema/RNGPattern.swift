import Foundation

/// A RELAX NG pattern in the simplified form of James Clark's derivative algorithm
/// ("An algorithm for RELAX NG validation", 2002), hash-consed so that equal patterns are the same
/// object and derivatives can be memoised.
///
/// Only what our schemas use is supported: simple names (no name classes with wildcards), `data`
/// with XSD types and facets, `value`, `list`, `text`, `empty`, `interleave`, `group`, `choice`,
/// `oneOrMore` (`optional` and `zeroOrMore` are rewritten into those).
final class Pat: Hashable, CustomStringConvertible {
    enum Kind: UInt8 { case empty, notAllowed, text, choice, interleave, group, oneOrMore, list, data, value, attribute, element, after }

    let id: Int
    let kind: Kind
    let p1: Pat?
    let p2: Pat?
    /// The element definition (element), the attribute name (attribute) or the datatype (data, value).
    let ref: Int
    let nullable: Bool

    fileprivate init(id: Int, kind: Kind, p1: Pat?, p2: Pat?, ref: Int, nullable: Bool) {
        self.id = id
        self.kind = kind
        self.p1 = p1
        self.p2 = p2
        self.ref = ref
        self.nullable = nullable
    }

    static func == (a: Pat, b: Pat) -> Bool { a === b }
    func hash(into hasher: inout Hasher) { hasher.combine(id) }
    var description: String { "\(kind)#\(id)" }
}

/// A qualified name: namespace URI (empty for none) and local name.
struct QName: Hashable, CustomStringConvertible {
    var namespace: String
    var local: String
    var description: String {
        switch namespace {
        case "": local
        case XMLNamespaceURI.xml: "xml:" + local
        case XMLNamespaceURI.xinclude: "xi:" + local
        default: local
        }
    }
}

enum XMLNamespaceURI {
    static let xml = "http://www.w3.org/XML/1998/namespace"
    static let xinclude = "http://www.w3.org/2001/XInclude"
    static let relaxNG = "http://relaxng.org/ns/structure/1.0"
}

/// An `element` pattern of the grammar: its name and content (which may refer back to it).
final class ElementDefinition {
    let index: Int
    let name: QName
    var content: Pat!
    init(index: Int, name: QName) {
        self.index = index
        self.name = name
    }
}

/// Builds and interns patterns; computes derivatives.
final class PatternFactory {
    private struct Key: Hashable {
        var kind: Pat.Kind
        var a: Int
        var b: Int
        var ref: Int
    }

    private var table: [Key: Pat] = [:]
    private(set) var elements: [ElementDefinition] = []
    /// The pattern of each element definition, by index.
    private(set) var elementPatterns: [Pat] = []
    private(set) var attributeNames: [QName] = []
    private var attributeIndex: [QName: Int] = [:]
    private(set) var datatypes: [Datatype] = []

    private(set) lazy var empty = make(.empty, nil, nil, 0, nullable: true)
    private(set) lazy var notAllowed = make(.notAllowed, nil, nil, 0, nullable: false)
    private(set) lazy var text = make(.text, nil, nil, 0, nullable: true)

    private var nextID = 0
    private var baseline: [Key: Pat]?

    private func make(_ kind: Pat.Kind, _ p1: Pat?, _ p2: Pat?, _ ref: Int, nullable: Bool) -> Pat {
        let key = Key(kind: kind, a: p1?.id ?? -1, b: p2?.id ?? -1, ref: ref)
        if let p = table[key] { return p }
        let p = Pat(id: nextID, kind: kind, p1: p1, p2: p2, ref: ref, nullable: nullable)
        nextID += 1
        table[key] = p
        return p
    }

    /// Marks the patterns of the grammar itself, kept by `trim()`.
    func sealGrammar() {
        _ = (empty, notAllowed, text)
        baseline = table
    }

    /// Forgets the derivatives computed so far when they have grown past `limit` patterns, so that a
    /// long-running process (a fuzzer, a server) does not grow without bound. Ids stay unique.
    func trim(limit: Int = 200_000) {
        guard let baseline, table.count > baseline.count + limit else { return }
        table = baseline
        openMemo = [:]
        closeMemo = [:]
        endMemo = [:]
    }

    // MARK: Constructors (with the simplifications of the algorithm)

    func choice(_ a: Pat, _ b: Pat) -> Pat {
        if a.kind == .notAllowed { return b }
        if b.kind == .notAllowed { return a }
        if a === b { return a }
        // Flatten, deduplicate and sort, so that equal choices are one object.
        var members: [Pat] = []
        func collect(_ p: Pat) {
            if p.kind == .choice { collect(p.p1!); collect(p.p2!) } else { members.append(p) }
        }
        collect(a)
        collect(b)
        var seen = Set<Int>()
        members = members.filter { seen.insert($0.id).inserted }.sorted { $0.id < $1.id }
        var result = members[0]
        for m in members.dropFirst() { result = make(.choice, result, m, 0, nullable: result.nullable || m.nullable) }
        return result
    }

    func group(_ a: Pat, _ b: Pat) -> Pat {
        if a.kind == .notAllowed || b.kind == .notAllowed { return notAllowed }
        if a.kind == .empty { return b }
        if b.kind == .empty { return a }
        return make(.group, a, b, 0, nullable: a.nullable && b.nullable)
    }

    func interleave(_ a: Pat, _ b: Pat) -> Pat {
        if a.kind == .notAllowed || b.kind == .notAllowed { return notAllowed }
        if a.kind == .empty { return b }
        if b.kind == .empty { return a }
        let (x, y) = a.id <= b.id ? (a, b) : (b, a)
        return make(.interleave, x, y, 0, nullable: a.nullable && b.nullable)
    }

    func after(_ a: Pat, _ b: Pat) -> Pat {
        if a.kind == .notAllowed || b.kind == .notAllowed { return notAllowed }
        return make(.after, a, b, 0, nullable: false)
    }

    func oneOrMore(_ p: Pat) -> Pat {
        if p.kind == .notAllowed || p.kind == .empty { return p }
        return make(.oneOrMore, p, nil, 0, nullable: p.nullable)
    }

    func optional(_ p: Pat) -> Pat { choice(p, empty) }
    func zeroOrMore(_ p: Pat) -> Pat { choice(oneOrMore(p), empty) }

    func list(_ p: Pat) -> Pat { make(.list, p, nil, 0, nullable: false) }

    func data(_ type: Datatype) -> Pat {
        datatypes.append(type)
        return make(.data, nil, nil, datatypes.count - 1, nullable: false)
    }

    func value(_ type: Datatype) -> Pat {
        datatypes.append(type)
        return make(.value, nil, nil, datatypes.count - 1, nullable: false)
    }

    func attribute(_ name: QName, _ value: Pat) -> Pat {
        let index: Int
        if let i = attributeIndex[name] {
            index = i
        } else {
            index = attributeNames.count
            attributeNames.append(name)
            attributeIndex[name] = index
        }
        return make(.attribute, value, nil, index, nullable: false)
    }

    func newElement(_ name: QName) -> (ElementDefinition, Pat) {
        let definition = ElementDefinition(index: elements.count, name: name)
        elements.append(definition)
        let p = make(.element, nil, nil, definition.index, nullable: false)
        elementPatterns.append(p)
        return (definition, p)
    }

    func definition(_ p: Pat) -> ElementDefinition { elements[p.ref] }
    func attributeName(_ p: Pat) -> QName { attributeNames[p.ref] }
    func datatype(_ p: Pat) -> Datatype { datatypes[p.ref] }

    // MARK: Derivatives

    private struct NameKey: Hashable {
        var pattern: Int
        var name: QName
    }

    private var openMemo: [NameKey: Pat] = [:]
    private var closeMemo: [Int: Pat] = [:]
    private var endMemo: [Int: Pat] = [:]

    func applyAfter(_ p: Pat, _ f: (Pat) -> Pat) -> Pat {
        switch p.kind {
        case .after: return after(p.p1!, f(p.p2!))
        case .choice: return choice(applyAfter(p.p1!, f), applyAfter(p.p2!, f))
        default: return notAllowed
        }
    }

    func startTagOpen(_ p: Pat, _ name: QName) -> Pat {
        let key = NameKey(pattern: p.id, name: name)
        if let r = openMemo[key] { return r }
        let r: Pat
        switch p.kind {
        case .choice: r = choice(startTagOpen(p.p1!, name), startTagOpen(p.p2!, name))
        case .element:
            let d = definition(p)
            r = d.name == name ? after(d.content, empty) : notAllowed
        case .interleave:
            let (a, b) = (p.p1!, p.p2!)
            r = choice(
                applyAfter(startTagOpen(a, name)) { self.interleave($0, b) },
                applyAfter(startTagOpen(b, name)) { self.interleave(a, $0) })
        case .oneOrMore:
            r = applyAfter(startTagOpen(p.p1!, name)) { self.group($0, self.choice(p, self.empty)) }
        case .group:
            let (a, b) = (p.p1!, p.p2!)
            let x = applyAfter(startTagOpen(a, name)) { self.group($0, b) }
            r = a.nullable ? choice(x, startTagOpen(b, name)) : x
        case .after:
            let b = p.p2!
            r = applyAfter(startTagOpen(p.p1!, name)) { self.after($0, b) }
        default: r = notAllowed
        }
        openMemo[key] = r
        return r
    }

    func attributeDeriv(_ p: Pat, _ name: QName, _ value: String) -> Pat {
        switch p.kind {
        case .after: return after(attributeDeriv(p.p1!, name, value), p.p2!)
        case .choice: return choice(attributeDeriv(p.p1!, name, value), attributeDeriv(p.p2!, name, value))
        case .group:
            return choice(group(attributeDeriv(p.p1!, name, value), p.p2!), group(p.p1!, attributeDeriv(p.p2!, name, value)))
        case .interleave:
            return choice(
                interleave(attributeDeriv(p.p1!, name, value), p.p2!), interleave(p.p1!, attributeDeriv(p.p2!, name, value)))
        case .oneOrMore:
            return group(attributeDeriv(p.p1!, name, value), choice(p, empty))
        case .attribute:
            return attributeName(p) == name && valueMatches(p.p1!, value) ? empty : notAllowed
        default: return notAllowed
        }
    }

    /// Whether `value` (an attribute value or an element's whole text) matches `p`.
    func valueMatches(_ p: Pat, _ value: String) -> Bool {
        let d = textDeriv(p, value)
        return d.nullable || (Datatype.isWhitespace(value) && p.nullable)
    }

    func startTagClose(_ p: Pat) -> Pat {
        if let r = closeMemo[p.id] { return r }
        let r: Pat
        switch p.kind {
        case .after: r = after(startTagClose(p.p1!), p.p2!)
        case .choice: r = choice(startTagClose(p.p1!), startTagClose(p.p2!))
        case .group: r = group(startTagClose(p.p1!), startTagClose(p.p2!))
        case .interleave: r = interleave(startTagClose(p.p1!), startTagClose(p.p2!))
        case .oneOrMore: r = oneOrMore(startTagClose(p.p1!))
        case .attribute: r = notAllowed
        default: r = p
        }
        closeMemo[p.id] = r
        return r
    }

    func textDeriv(_ p: Pat, _ s: String) -> Pat {
        switch p.kind {
        case .choice: return choice(textDeriv(p.p1!, s), textDeriv(p.p2!, s))
        case .interleave: return choice(interleave(textDeriv(p.p1!, s), p.p2!), interleave(p.p1!, textDeriv(p.p2!, s)))
        case .group:
            let x = group(textDeriv(p.p1!, s), p.p2!)
            return p.p1!.nullable ? choice(x, textDeriv(p.p2!, s)) : x
        case .after: return after(textDeriv(p.p1!, s), p.p2!)
        case .oneOrMore: return group(textDeriv(p.p1!, s), choice(p, empty))
        case .text: return p
        case .value: return datatype(p).equalsValue(s) ? empty : notAllowed
        case .data: return datatype(p).allows(s) ? empty : notAllowed
        case .list:
            var q = p.p1!
            for word in s.split(whereSeparator: { Datatype.isXMLSpace($0) }) { q = textDeriv(q, String(word)) }
            return q.nullable ? empty : notAllowed
        default: return notAllowed
        }
    }

    func endTag(_ p: Pat) -> Pat {
        if let r = endMemo[p.id] { return r }
        let r: Pat
        switch p.kind {
        case .choice: r = choice(endTag(p.p1!), endTag(p.p2!))
        case .after: r = p.p1!.nullable ? p.p2! : notAllowed
        default: r = notAllowed
        }
        endMemo[p.id] = r
        return r
    }

    /// What follows the end tag whatever the content: for recovery after an error inside an element.
    func forceEnd(_ p: Pat) -> Pat {
        switch p.kind {
        case .choice: return choice(forceEnd(p.p1!), forceEnd(p.p2!))
        case .after: return p.p2!
        default: return notAllowed
        }
    }

    /// The content side of the `after` patterns in `p`.
    func contentPart(_ p: Pat) -> Pat {
        switch p.kind {
        case .choice: return choice(contentPart(p.p1!), contentPart(p.p2!))
        case .after: return p.p1!
        default: return p
        }
    }

    /// `p` after one valid element named `name` (its content taken as valid).
    func skipElement(_ p: Pat, _ name: QName) -> Pat {
        switch p.kind {
        case .element: return definition(p).name == name ? empty : notAllowed
        case .choice: return choice(skipElement(p.p1!, name), skipElement(p.p2!, name))
        case .interleave: return choice(interleave(skipElement(p.p1!, name), p.p2!), interleave(p.p1!, skipElement(p.p2!, name)))
        case .group:
            let x = group(skipElement(p.p1!, name), p.p2!)
            return p.p1!.nullable ? choice(x, skipElement(p.p2!, name)) : x
        case .oneOrMore: return group(skipElement(p.p1!, name), choice(p, empty))
        case .after: return after(skipElement(p.p1!, name), p.p2!)
        default: return notAllowed
        }
    }

    /// `p` with the attribute patterns named in `names` made empty (as if they had been given).
    func assumeAttributes(_ p: Pat, _ names: Set<QName>) -> Pat {
        switch p.kind {
        case .attribute: return names.contains(attributeName(p)) ? empty : p
        case .choice: return choice(assumeAttributes(p.p1!, names), assumeAttributes(p.p2!, names))
        case .group: return group(assumeAttributes(p.p1!, names), assumeAttributes(p.p2!, names))
        case .interleave: return interleave(assumeAttributes(p.p1!, names), assumeAttributes(p.p2!, names))
        case .oneOrMore: return oneOrMore(assumeAttributes(p.p1!, names))
        case .after: return after(assumeAttributes(p.p1!, names), p.p2!)
        default: return p
        }
    }
}
