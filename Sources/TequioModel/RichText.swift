/// A block of rich text in one language.
///
/// JSON: `{"t":"p","c":[inline…]}`, `{"t":"ul","items":[[block…]…]}`, `{"t":"ol",…}`,
/// `{"t":"quote","c":[block…],"cite":"…"}`, `{"t":"img","src":"media/x.png","alt":"…","caption":"…"}`.
public indirect enum Block: Sendable, Equatable, Codable {
    case paragraph([Inline])
    case unorderedList([[Block]])
    case orderedList([[Block]])
    case quote([Block], cite: String?)
    case image(src: String, alt: String, caption: String?)

    private enum Key: String, CodingKey { case t, c, items, cite, src, alt, caption }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case .paragraph(let inlines):
            try c.encode("p", forKey: .t)
            try c.encode(inlines, forKey: .c)
        case .unorderedList(let items):
            try c.encode("ul", forKey: .t)
            try c.encode(items, forKey: .items)
        case .orderedList(let items):
            try c.encode("ol", forKey: .t)
            try c.encode(items, forKey: .items)
        case .quote(let blocks, let cite):
            try c.encode("quote", forKey: .t)
            try c.encode(blocks, forKey: .c)
            try c.encodeIfPresent(cite, forKey: .cite)
        case .image(let src, let alt, let caption):
            try c.encode("img", forKey: .t)
            try c.encode(src, forKey: .src)
            try c.encode(alt, forKey: .alt)
            try c.encodeIfPresent(caption, forKey: .caption)
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        switch try c.decode(String.self, forKey: .t) {
        case "p": self = .paragraph(try c.decode([Inline].self, forKey: .c))
        case "ul": self = .unorderedList(try c.decode([[Block]].self, forKey: .items))
        case "ol": self = .orderedList(try c.decode([[Block]].self, forKey: .items))
        case "quote":
            self = .quote(try c.decode([Block].self, forKey: .c), cite: try c.decodeIfPresent(String.self, forKey: .cite))
        case "img":
            self = .image(
                src: try c.decode(String.self, forKey: .src), alt: try c.decode(String.self, forKey: .alt),
                caption: try c.decodeIfPresent(String.self, forKey: .caption))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .t, in: c, debugDescription: "unknown block \(other)")
        }
    }

    /// True when the block shows something: an image, or text other than spaces.
    public var hasContent: Bool {
        switch self {
        case .paragraph(let inlines): return inlines.contains(where: \.hasContent)
        case .unorderedList(let items), .orderedList(let items): return items.contains { $0.contains(where: \.hasContent) }
        case .quote(let blocks, _): return blocks.contains(where: \.hasContent)
        case .image: return true
        }
    }

    /// The text of the block without markup, paragraphs separated by blank lines.
    public var plainText: String {
        switch self {
        case .paragraph(let inlines): return inlines.map(\.plainText).joined()
        case .unorderedList(let items), .orderedList(let items):
            return items.map { $0.map(\.plainText).joined(separator: "\n") }.joined(separator: "\n")
        case .quote(let blocks, let cite):
            let body = blocks.map(\.plainText).joined(separator: "\n\n")
            return cite.map { "\(body) — \($0)" } ?? body
        case .image(_, let alt, let caption): return caption ?? alt
        }
    }
}

/// Inline rich text. JSON: a plain string for text, else `{"t":"em"|"strong","c":[…]}`,
/// `{"t":"a","href":"…","c":[…]}`, `{"t":"term","ref":"id","c":[…]}`, `{"t":"br"}`.
public indirect enum Inline: Sendable, Equatable, Codable {
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    case link(href: String, [Inline])
    case term(ref: String, [Inline])
    case lineBreak

    private enum Key: String, CodingKey { case t, c, href, ref }

    public func encode(to encoder: Encoder) throws {
        if case .text(let s) = self {
            var single = encoder.singleValueContainer()
            try single.encode(s)
            return
        }
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case .text: break
        case .emphasis(let inner):
            try c.encode("em", forKey: .t)
            try c.encode(inner, forKey: .c)
        case .strong(let inner):
            try c.encode("strong", forKey: .t)
            try c.encode(inner, forKey: .c)
        case .link(let href, let inner):
            try c.encode("a", forKey: .t)
            try c.encode(href, forKey: .href)
            try c.encode(inner, forKey: .c)
        case .term(let ref, let inner):
            try c.encode("term", forKey: .t)
            try c.encode(ref, forKey: .ref)
            try c.encode(inner, forKey: .c)
        case .lineBreak:
            try c.encode("br", forKey: .t)
        }
    }

    public init(from decoder: Decoder) throws {
        if let s = try? decoder.singleValueContainer().decode(String.self) {
            self = .text(s)
            return
        }
        let c = try decoder.container(keyedBy: Key.self)
        switch try c.decode(String.self, forKey: .t) {
        case "em": self = .emphasis(try c.decode([Inline].self, forKey: .c))
        case "strong": self = .strong(try c.decode([Inline].self, forKey: .c))
        case "a": self = .link(href: try c.decode(String.self, forKey: .href), try c.decode([Inline].self, forKey: .c))
        case "term": self = .term(ref: try c.decode(String.self, forKey: .ref), try c.decode([Inline].self, forKey: .c))
        case "br": self = .lineBreak
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .t, in: c, debugDescription: "unknown inline \(other)")
        }
    }

    var hasContent: Bool {
        switch self {
        case .text(let s): return s.utf8.contains { $0 != 0x20 }
        case .emphasis(let i), .strong(let i), .link(_, let i), .term(_, let i): return i.contains(where: \.hasContent)
        case .lineBreak: return false
        }
    }

    public var plainText: String {
        switch self {
        case .text(let s): return s
        case .emphasis(let i), .strong(let i), .link(_, let i), .term(_, let i): return i.map(\.plainText).joined()
        case .lineBreak: return "\n"
        }
    }
}

extension Array where Element == Block {
    public var plainText: String { map(\.plainText).joined(separator: "\n\n") }
}
