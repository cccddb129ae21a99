import TequioWriters
import XMLSupport

/// A `Figure` as inline SVG for an HTML document: `role="img"` with the description as its title, text
/// in the document's font, no script and no external reference; every text is escaped.
enum FigureSVG {
    static func svg(_ d: Figure) -> String {
        let n = DrawingNumber.text
        func esc(_ s: String) -> String { HTMLText.escape(XMLText.sanitized(s)) }
        var out = "<figure class=\"chart\" style=\"margin:0.4em 0\"><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(n(d.width))pt\" height=\"\(n(d.height))pt\""
        out += " viewBox=\"0 0 \(n(d.width)) \(n(d.height))\" style=\"max-width:100%;height:auto\">"
        out += "<title>\(esc(d.description))</title>"
        for shape in d.shapes {
            switch shape {
            case .rect(let x, let y, let w, let h, let fill, let stroke):
                out += "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(w))\" height=\"\(n(h))\" fill=\"\(fill?.hex ?? "none")\""
                out += stroke.map { " stroke=\"\($0.hex)\" stroke-width=\"0.75\"" } ?? ""
                out += "/>"
            case .line(let x1, let y1, let x2, let y2, let ink, let width):
                out += "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(ink.hex)\" stroke-width=\"\(n(width))\"/>"
            case .diamond(let x, let y, let size, let fill):
                let r = size / 2
                out += "<polygon points=\"\(n(x)),\(n(y - r)) \(n(x + r)),\(n(y)) \(n(x)),\(n(y + r)) \(n(x - r)),\(n(y))\" fill=\"\(fill.hex)\" stroke=\"#000000\" stroke-width=\"0.75\"/>"
            case .text(let x, let y, let w, let text, let size, let bold, let anchor):
                let tx = anchor == .start ? x : anchor == .middle ? x + w / 2 : x + w
                out += "<text x=\"\(n(tx))\" y=\"\(n(y + size * 1.05))\" font-size=\"\(n(size))\""
                out += anchor == .start ? "" : " text-anchor=\"\(anchor == .middle ? "middle" : "end")\""
                out += bold ? " font-weight=\"bold\"" : ""
                out += ">\(esc(text))</text>"
            }
        }
        return out + "</svg></figure>\n"
    }
}
