import TequioDocuments
import TequioModel

/// A module's rich text as layout blocks for print: paragraphs and lists as text, a link with its
/// address after it (paper has no links), a quote with its source, and a picture drawn from the
/// module's PNG file with its caption under it (its text alternative when there is no such file).
struct PrintRichText {
    let assets: FileTree

    func blocks(_ blocks: [Block]) -> [DocumentLayout.Block] { blocks.flatMap(block) }

    func block(_ block: Block) -> [DocumentLayout.Block] {
        switch block {
        case .paragraph(let inlines):
            let text = Self.text(inlines)
            return text.isEmpty ? [] : [.paragraph(LayoutText(text))]
        case .unorderedList(let items): return [.list(.bullets, items.map { LayoutText(Self.text($0)) })]
        case .orderedList(let items): return [.list(.numbered, items.map { LayoutText(Self.text($0)) })]
        case .quote(let inner, let cite):
            let body = inner.map(Self.text).joined(separator: "\n")
            return [.paragraph(LayoutText("“\(body)”" + (cite.map { " — \($0)" } ?? "")))]
        case .image(let src, let alt, let caption):
            var result: [DocumentLayout.Block] = []
            if src.lowercased().hasSuffix(".png"), let png = assets[src] {
                result.append(.drawing(.init(.picture(png: png), text: alt)))
            } else {
                result.append(.paragraph(LayoutText(alt)))
            }
            if let caption, !caption.isEmpty { result.append(.paragraph(LayoutText(caption))) }
            return result
        }
    }

    /// The plain text of list items and quotes: their blocks one per line.
    static func text(_ blocks: [Block]) -> String { blocks.map(text).joined(separator: "\n") }

    static func text(_ block: Block) -> String {
        switch block {
        case .paragraph(let inlines): text(inlines)
        case .unorderedList(let items), .orderedList(let items): items.map { "• \(text($0))" }.joined(separator: "\n")
        case .quote(let inner, let cite): "“\(text(inner))”" + (cite.map { " — \($0)" } ?? "")
        case .image(_, let alt, let caption): caption ?? alt
        }
    }

    static func text(_ inlines: [Inline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let s): s
            case .emphasis(let inner), .strong(let inner), .term(_, let inner): text(inner)
            case .link(let href, let inner):
                text(inner) == href || href.hasPrefix("mailto:") ? text(inner) : "\(text(inner)) (\(href))"
            case .lineBreak: "\n"
            }
        }.joined()
    }
}
