import Foundation

/// What a pattern allows at a point (the elements and text that may come next): what `SchemaExplainer`
/// names in its messages ("expected <unit>", the allowed values).
extension PatternFactory {
    /// Element definitions that may start at this point, in schema order.
    func firstElements(_ p: Pat) -> [ElementDefinition] {
        var out: [Int: ElementDefinition] = [:]
        func walk(_ p: Pat) {
            switch p.kind {
            case .element: out[p.ref] = definition(p)
            case .choice, .interleave: walk(p.p1!); walk(p.p2!)
            case .group:
                walk(p.p1!)
                if p.p1!.nullable { walk(p.p2!) }
            case .oneOrMore: walk(p.p1!)
            case .after: walk(p.p1!)
            default: break
            }
        }
        walk(p)
        return out.values.sorted { $0.index < $1.index }
    }

    /// Every element definition anywhere in `p` (not inside those elements), in schema order.
    func allElements(_ p: Pat) -> [ElementDefinition] {
        var out: [Int: ElementDefinition] = [:]
        var seen = Set<Int>()
        func walk(_ p: Pat) {
            guard seen.insert(p.id).inserted else { return }
            if p.kind == .element { out[p.ref] = definition(p) }
            if let a = p.p1 { walk(a) }
            if let b = p.p2, p.kind != .after { walk(b) }
        }
        walk(p)
        return out.values.sorted { $0.index < $1.index }
    }

    /// Attribute names (with their value patterns) anywhere in `p`, outside child elements.
    func attributes(_ p: Pat) -> [(QName, Pat)] {
        var out: [(QName, Pat)] = []
        var seen = Set<Int>()
        func walk(_ p: Pat) {
            guard seen.insert(p.id).inserted else { return }
            switch p.kind {
            case .attribute:
                if !out.contains(where: { $0.0 == attributeName(p) }) { out.append((attributeName(p), p.p1!)) }
            case .choice, .interleave, .group: walk(p.p1!); walk(p.p2!)
            case .oneOrMore, .after: walk(p.p1!)
            default: break
            }
        }
        walk(p)
        return out
    }

    /// The datatypes of the data and value patterns in `p` (through lists and choices).
    func datatypes(in p: Pat) -> [Datatype] {
        switch p.kind {
        case .data, .value: return [datatype(p)]
        case .list, .oneOrMore: return datatypes(in: p.p1!)
        case .choice, .group, .interleave: return datatypes(in: p.p1!) + datatypes(in: p.p2!)
        default: return []
        }
    }

    /// True when `p` accepts text (not only white space) at this point.
    func allowsText(_ p: Pat) -> Bool {
        textDeriv(contentPart(p), "x").kind != .notAllowed
    }

    /// Data or value patterns that would take the element's text at this point.
    func textPatterns(_ p: Pat) -> [Pat] {
        var out: [Pat] = []
        var seen = Set<Int>()
        func walk(_ p: Pat) {
            guard seen.insert(p.id).inserted else { return }
            switch p.kind {
            case .data, .value, .list: out.append(p)
            case .choice, .interleave: walk(p.p1!); walk(p.p2!)
            case .group:
                walk(p.p1!)
                if p.p1!.nullable { walk(p.p2!) }
            case .oneOrMore, .after: walk(p.p1!)
            default: break
            }
        }
        walk(p)
        return out
    }
}
