import Foundation
import TequioModel
import TequioReaders
import TequioWriters
import XMLSupport

/// Writes a layout as one self-contained HTML file: inline style sheet (screen and print), the logo as
/// a `data:` URL, no scripts. Printing gives portrait pages with the running header and page numbers,
/// and landscape pages (a named `@page`) for the matrix, whose header row repeats on every page.
public struct HTMLDocumentWriter: Sendable {
    public var branding: Branding
    public var generator: String

    public init(branding: Branding, generator: String) {
        self.branding = branding
        self.generator = generator
    }

    public func render(_ layout: DocumentLayout) -> Data {
        var out = HTMLOutput()
        let p = layout.properties
        out.raw("<!DOCTYPE html>\n<html lang=\"\(out.attr(p.language))\">\n<head>\n<meta charset=\"utf-8\">\n")
        out.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        out.raw("<title>\(out.text(p.title))</title>\n")
        func meta(_ name: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            out.raw("<meta name=\"\(name)\" content=\"\(out.attr(value))\">\n")
        }
        meta("author", p.author)
        meta("description", p.subject)
        meta("keywords", p.keywords.joined(separator: ", "))
        meta("generator", generator)
        meta("dcterms.created", p.created?.iso)
        meta("dcterms.modified", p.modified?.iso)
        // The style text goes through StyleElementText whatever it holds, so nothing in it, branding CSS
        // included, can end the element.
        out.raw("<style>\n\(StyleElementText.escape(stylesheet(layout)))</style>\n</head>\n<body>\n")
        var renderer = Renderer(layout: layout, branding: branding)
        renderer.render(into: &out)
        out.raw("</body>\n</html>\n")
        return Data(out.buffer.utf8)
    }

    /// The style sheet: branding values as custom properties, the style sheet's text properties
    /// (`CSSStyles`), the HTML's own layout rules, the print rules with the page furniture in the
    /// document's language, then the template's own CSS.
    func stylesheet(_ layout: DocumentLayout) -> String {
        let c = branding.colours
        let f = branding.fonts
        let styles = CSSStyles(sheet: branding.styleSheet)
        let paper = branding.paper.cssName
        let header = CSSString.quoted(layout.runningHeader)
        let prefix = CSSString.quoted(layout.strings.pagePrefix)
        let separator = CSSString.quoted(layout.strings.pageSeparator)
        return """
            :root { --text: \(c.text.css); --primary: \(c.primary.css); --accent: \(c.accent.css); --muted: \(c.muted.css);
              --head-fill: \(c.tableHeaderFill.css); --head-text: \(c.tableHeaderText.css); --border: \(c.tableBorder.css); --band: \(c.tableBand.css);
              --body-font: \(Self.fontList(f.htmlBody)); --heading-font: \(Self.fontList(f.htmlHeadings)); --body-size: \(f.bodySize.compact)pt; --table-size: \(f.tableSize.compact)pt; }
            \(styles.rules)
            \(Self.baseCSS)\(layout.changeWords.map { "\n" + HTMLOutput.changesCSS($0) } ?? "")\(layout.hasFigures ? "\n" + FigureSVG.css : "")
            @media print {
              @page { size: \(paper) portrait; margin: 2.3cm 2.3cm 2.2cm;
                @top-right { content: \(header); \(styles.marginBox(.pageHeader)) }
                @bottom-center { content: \(prefix) counter(page) \(separator) counter(pages); \(styles.marginBox(.pageFooter)) } }
              @page :first { @top-right { content: none; } @bottom-center { content: none; } }
              @page matrix { size: \(paper) landscape; margin: 2cm 1.8cm 1.8cm; }
            }
            \(branding.css)
            """
    }

    /// A font list as CSS, written back from its parsed names (`Branding.load` has checked it). A list
    /// that does not parse, from a `Branding` made in code, becomes one quoted, escaped name: still CSS,
    /// never markup.
    static func fontList(_ text: String) -> String {
        (try? FontStack.parse(text))?.css ?? CSSString.quoted(text)
    }

    /// The HTML's layout: the page, spacing and line heights (in em, for reading on screen), tables,
    /// lists, the contents and the print rules. Fonts, sizes and colours of the styles are `CSSStyles`'.
    static let baseCSS = """
        *, ::before, ::after { box-sizing: border-box; }
        html { background: #fff; line-height: 1.45; }
        body { margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem 4rem; }
        h1, h2, h3, h4, .kicker, .subtitle { line-height: 1.2; }
        h2, h3, h4 { break-after: avoid; }
        h2 { border-bottom: 1px solid var(--primary); padding-bottom: .15em; margin: 1.6em 0 .6em; }
        h3 { margin: 1.4em 0 .4em; }
        h4 { margin: 1.1em 0 .3em; }
        p { margin: 0 0 .6em; }
        .cover .logo { display: block; height: auto; margin: 1rem 0 1.5rem; }
        .kicker { margin: 1em 0; }
        .title { margin: .2em 0; }
        .subtitle { margin: 0 0 1em; }
        .cover-text { margin-bottom: 1.6em; }
        .field { margin: 0 0 .25em; }
        .total { font-weight: bold; }
        h2.minor { border: 0; margin-top: 1.8em; }
        .group { margin: .8em 0 .2em; }
        ul.members { list-style: none; margin: 0; padding-left: 1.2em; }
        ol, ul { margin: 0 0 .8em; padding-left: 1.8em; }
        li { margin: 0 0 .3em; }
        nav.contents ol { list-style: none; padding: 0; }
        nav.contents a { color: inherit; text-decoration: none; }
        nav.contents a:hover { text-decoration: underline; }
        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; line-height: 1.3; }
        th, td { border: .5pt solid var(--border); padding: .35em .5em; vertical-align: top; text-align: start; }
        th { background: var(--head-fill); }
        td p { margin: 0 0 .35em; }
        td p:last-child { margin: 0; }
        .num { text-align: end; }
        table.signatures td { height: \(DocumentLayout.Table.signatureRowHeight.compact)pt; }
        tfoot td { background: var(--band); font-weight: bold; }
        section.matrix { max-width: none; }
        .break { break-before: page; }
        @media screen and (min-width: 70rem) { section.matrix { margin: 0 calc(30rem - 50vw + 1.5rem); } }
        @media print {
          body { max-width: none; padding: 0; }
          .cover { break-after: page; }
          section.page + section.page { break-before: page; }
          section.matrix { page: matrix; }
          .table-wrap { overflow: visible; }
          thead { display: table-header-group; }
          tr { break-inside: avoid; }
          p.lead { break-after: avoid; }
          table.signatures { break-inside: avoid; }
          th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          a { color: inherit; text-decoration: none; }
        }
        """
}

/// Text for a CSS string: everything but letters, digits and spaces as a hexadecimal escape, so that
/// participant text can never end the string or the `<style>` element.
enum CSSString {
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in XMLText.sanitized(text).unicodeScalars {
            if scalar.value > 0x7F || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == " " {
                out.unicodeScalars.append(scalar)
            } else {
                out += "\\\(String(scalar.value, radix: 16)) "
            }
        }
        return out + "\""
    }
}

/// The growing HTML text; `text` and `attr` escape, `raw` is only ever given markup of our own.
struct HTMLOutput {
    var buffer = ""

    init() { buffer.reserveCapacity(1 << 16) }

    mutating func raw(_ s: String) { buffer += s }
    func text(_ s: String) -> String { HTMLText.escape(XMLText.sanitized(s)) }
    func attr(_ s: String) -> String { HTMLText.escape(XMLText.sanitized(s)) }
}

private struct Renderer {
    let layout: DocumentLayout
    let branding: Branding
    private var breakNext = false
    private var inCover: Bool
    private var sectionOpen = false
    private var inMembers = false
    private var figures = 0
    /// Points of a chart's drawing: the width of an A4 page's text, scaled by the browser to the column.
    static let figureWidth = 460.0

    init(layout: DocumentLayout, branding: Branding) {
        self.layout = layout
        self.branding = branding
        inCover = layout.hasCover
    }

    /// ` class="…"` with the page-break class when one is pending.
    private mutating func classes(_ names: String...) -> String {
        var list = names.filter { !$0.isEmpty }
        if breakNext {
            list.append("break")
            breakNext = false
        }
        return list.isEmpty ? "" : " class=\"\(list.joined(separator: " "))\""
    }

    private mutating func figure(_ f: Figure, _ out: inout HTMLOutput) {
        figures += 1
        let fonts = HTMLDocumentWriter.fontList(branding.fonts.htmlBody)
        out.raw(FigureSVG.markup(f, id: "tq-figure-\(figures)", classes: classes("chart"), fontFamily: fonts, out: out))
    }

    private mutating func closeMembers(_ out: inout HTMLOutput) {
        if inMembers {
            out.raw("</ul>\n")
            inMembers = false
        }
    }

    private mutating func openSection(_ out: inout HTMLOutput, _ o: DocumentLayout.Orientation) {
        closeMembers(&out)
        if inCover {
            out.raw("</header>\n<main>\n")
            inCover = false
        }
        if sectionOpen { out.raw("</section>\n") }
        out.raw(o == .landscape ? "<section class=\"page matrix\">\n" : "<section class=\"page\">\n")
        sectionOpen = true
        breakNext = false
    }

    mutating func render(into out: inout HTMLOutput) {
        out.raw(inCover ? "<header class=\"cover\">\n" : "<main>\n")
        for block in layout.blocks {
            if case .member = block {} else { closeMembers(&out) }
            switch block {
            case .logo:
                guard let logo = branding.logo, let (mime, data) = logo.svg.map({ ("image/svg+xml", $0) }) ?? logo.png.map({ ("image/png", $0) }) else { continue }
                let width = Int((logo.widthMM * 96 / 25.4).rounded())
                out.raw("<img class=\"logo\" src=\"data:\(mime);base64,\(data.base64EncodedString())\" alt=\"\(out.attr(logo.description))\" width=\"\(width)\">\n")
            case .kicker(let t): out.raw("<p\(classes("kicker"))>\(out.text(t))</p>\n")
            case .title(let t): out.raw("<h1\(classes("title"))>\(out.text(t))</h1>\n")
            case .subtitle(let t): out.raw("<p\(classes("subtitle"))>\(out.inline(t))</p>\n")
            case .coverText(let t): out.raw("<p\(classes("cover-text"))>\(out.text(t))</p>\n")
            case .field(let label, let value):
                out.raw("<p\(classes("field"))><span class=\"label\">\(out.text(label)):</span> <span dir=\"auto\">\(out.inline(value))</span></p>\n")
            case .minorHeading(let t): out.raw("<h2\(classes("minor"))>\(out.text(t))</h2>\n")
            case .groupLabel(let t): out.raw("<p\(classes("group"))>\(out.inline(t))</p>\n")
            case .member(let name, let role):
                if !inMembers {
                    out.raw("<ul class=\"members\">\n")
                    inMembers = true
                }
                out.raw("<li dir=\"auto\">\(out.inline(name))")
                if let role {
                    let dash = HTMLOutput.wrap("— ", DocxBody.memberDashMarks(role) ?? .init(), text: out.text("— "))
                    out.raw(" <span class=\"role\">\(dash)\(out.inline(role))</span>")
                }
                out.raw("</li>\n")
            case .heading(let level, let text, let anchor):
                let tag = "h\(min(4, max(2, level + 1)))"
                let id = anchor.map { " id=\"\(out.attr($0))\"" } ?? ""
                out.raw("<\(tag)\(id)\(classes()) dir=\"auto\">\(out.inline(text))</\(tag)>\n")
            case .paragraph(let t): out.raw("<p\(classes()) dir=\"auto\">\(out.inline(t))</p>\n")
            case .list(let kind, let items):
                let tag = kind == .numbered ? "ol" : "ul"
                out.raw("<\(tag)\(classes())>\n")
                for item in items { out.raw("<li dir=\"auto\">\(out.inline(item))</li>\n") }
                out.raw("</\(tag)>\n")
            case .table(let t): table(t, &out)
            case .chart(let c): figure(ChartGeometry.figure(c, width: Self.figureWidth, colours: branding.colours), &out)
            case .figure(let f): figure(f, &out)
            case .contents(let entries):
                out.raw("<nav class=\"contents\" aria-label=\"\(out.attr(layout.strings.contents))\">\n<ol>\n")
                for e in entries { out.raw("<li><a href=\"#\(out.attr(e.anchor))\">\(out.text(e.text))</a></li>\n") }
                out.raw("</ol>\n</nav>\n")
            case .drawing(let d): if !d.text.isEmpty { out.raw("<p\(classes()) dir=\"auto\">\(out.text(d.text))</p>\n") }
            case .pageBreak:
                if inCover {
                    out.raw("</header>\n<main>\n")
                    inCover = false
                    if !sectionOpen {
                        out.raw("<section class=\"page\">\n")
                        sectionOpen = true
                    }
                } else {
                    breakNext = true
                }
            case .orientation(let o): openSection(&out, o)
            }
        }
        closeMembers(&out)
        if inCover { out.raw("</header>\n<main>\n") }
        if sectionOpen { out.raw("</section>\n") }
        out.raw("</main>\n")
    }

    static func tableClass(_ kind: DocumentLayout.Table.Kind) -> String {
        switch kind {
        case .matrix: "matrix"
        case .summary: "summary"
        case .signatures: "signatures"
        }
    }

    private mutating func table(_ t: DocumentLayout.Table, _ out: inout HTMLOutput) {
        if let lead = t.lead { out.raw("<p\(classes("lead")) dir=\"auto\">\(out.inline(lead))</p>\n") }
        // A wide table scrolls sideways on a phone: the region takes the keyboard focus so it can be scrolled
        // without a mouse, and is named after its table.
        out.raw(
            "<div\(classes("table-wrap")) tabindex=\"0\" role=\"region\" aria-label=\"\(out.attr(t.caption))\">\n"
                + "<table class=\"\(Self.tableClass(t.kind))\">\n")
        let total = t.weights.reduce(0, +)
        out.raw("<colgroup>")
        for weight in t.weights {
            let percent = total > 0 ? (weight / total * 1000).rounded() / 10 : 0
            out.raw("<col style=\"width: \(percent.compact)%\">")
        }
        out.raw("</colgroup>\n<thead>\n<tr>")
        for (i, label) in t.header.enumerated() {
            out.raw("<th scope=\"col\"\(t.numericColumns.contains(i) ? " class=\"num\"" : "")>\(out.text(label))</th>")
        }
        out.raw("</tr>\n</thead>\n<tbody>\n")
        for (r, row) in t.rows.enumerated() {
            let marks = r < t.rowMarks.count ? t.rowMarks[r] : .init()
            out.raw(marks.inserted != nil ? "<tr class=\"tq-row-inserted\">" : marks.deleted != nil ? "<tr class=\"tq-row-deleted\">" : "<tr>")
            for (i, lines) in row.enumerated() {
                out.raw(t.numericColumns.contains(i) ? "<td class=\"num\">" : "<td dir=\"auto\">")
                if t.numericColumns.contains(i) || lines.count == 1 {
                    out.raw(out.inline(lines.first ?? ""))
                } else {
                    for line in lines { out.raw("<p>\(out.inline(line))</p>") }
                }
                out.raw("</td>")
            }
            out.raw("</tr>\n")
        }
        out.raw("</tbody>\n")
        if let footer = t.footer {
            out.raw("<tfoot>\n<tr>")
            for (i, text) in footer.enumerated() {
                out.raw("<td\(t.numericColumns.contains(i) ? " class=\"num\"" : "")>\(out.text(text))</td>")
            }
            out.raw("</tr>\n</tfoot>\n")
        }
        out.raw("</table>\n</div>\n")
    }
}
