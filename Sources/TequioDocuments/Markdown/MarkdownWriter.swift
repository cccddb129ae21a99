import Foundation
import XMLSupport

/// Writes a layout as GitHub-flavoured Markdown: headings, lists, GFM tables (pipes escaped, line
/// breaks inside cells as `<br>`), contents as links to `<a id>` anchors. Every character of participant
/// text that Markdown could read as markup is escaped, so the text comes back as written.
public struct MarkdownWriter: Sendable {
    public init() {}

    public func render(_ layout: DocumentLayout) -> Data {
        // With tracked changes, braces are escaped too, so participant text cannot forge CriticMarkup.
        let critic = layout.changeWords != nil
        func inline(_ t: LayoutText) -> String { Self.inline(t, critic: critic) }
        var out = ""
        out.reserveCapacity(1 << 15)
        var inMembers = false
        func blank() {
            if !out.isEmpty && !out.hasSuffix("\n\n") { out += out.hasSuffix("\n") ? "\n" : "\n\n" }
        }
        for block in layout.blocks {
            if case .member = block {} else if inMembers {
                inMembers = false
                blank()
            }
            switch block {
            case .logo, .pageBreak, .orientation: continue
            case .chart(let chart):
                // No drawing in Markdown: each bar in words, as the chart's text alternative says it.
                blank()
                for bar in chart.bars where !bar.summary.isEmpty { out += "- \(Self.inline(bar.summary))\n" }
            case .kicker(let t):
                blank()
                out += "*\(Self.inline(t))*\n"
            case .title(let t):
                blank()
                out += "# \(Self.inline(t))\n"
            case .subtitle(let t):
                blank()
                out += "**\(inline(t))**\n"
            case .coverText(let t):
                blank()
                out += "*\(Self.inline(t))*\n"
            case .field(let label, let value):
                blank()
                out += "**\(Self.inline(label)):** \(inline(value))\n"
            case .minorHeading(let t):
                blank()
                out += "## \(Self.inline(t))\n"
            case .groupLabel(let t):
                blank()
                out += "**\(inline(t))**\n"
            case .member(let name, let role):
                if !inMembers {
                    blank()
                    inMembers = true
                }
                let dash = role.map { Self.inline(LayoutText(runs: [.init("—", marks: DocxBody.memberDashMarks($0) ?? .init())]), critic: critic) }
                out += "- \(inline(name))\(role.map { " \(dash ?? "—") \(inline($0))" } ?? "")\n"
            case .heading(let level, let text, let anchor):
                blank()
                if let anchor { out += "<a id=\"\(Self.anchor(anchor))\"></a>\n\n" }
                out += "\(String(repeating: "#", count: min(6, level + 1))) \(inline(text))\n"
            case .paragraph(let t):
                blank()
                out += "\(inline(t))\n"
            case .list(let kind, let items):
                blank()
                for (i, item) in items.enumerated() {
                    out += kind == .numbered ? "\(i + 1). \(inline(item))\n" : "- \(inline(item))\n"
                }
            case .table(let t):
                if let lead = t.lead {
                    blank()
                    out += "\(inline(lead))\n"
                }
                blank()
                out += "| " + t.header.map { Self.cell([LayoutText($0)], critic: critic) }.joined(separator: " | ") + " |\n"
                out += "|" + t.header.indices.map { t.numericColumns.contains($0) ? " ---: |" : " --- |" }.joined() + "\n"
                for row in t.rows + (t.footer.map { [$0.map { [LayoutText($0)] }] } ?? []) {
                    out += "| " + row.map { Self.cell($0, critic: critic) }.joined(separator: " | ") + " |\n"
                }
            case .figure(let f):
                blank()
                out += "*\(Self.inline(f.description))*\n"
            case .contents(let entries):
                blank()
                for e in entries { out += "- [\(Self.inline(e.text))](#\(Self.anchor(e.anchor)))\n" }
            case .drawing(let d):
                guard !d.text.isEmpty else { continue }
                blank()
                out += "\(Self.inline(d.text))\n"
            }
        }
        return Data(out.utf8)
    }

    /// Characters that can start markup anywhere in a line.
    private static let special: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "#", "!", "$"]

    /// Participant text as Markdown inline content: markup characters backslash-escaped, a list or
    /// heading marker at the start neutralised, line breaks as `<br>`.
    static func inline(_ text: String, critic: Bool = false) -> String {
        var out = ""
        var atLineStart = true
        let scalars = Array(XMLText.sanitized(text).unicodeScalars)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if s == "\n" || s == "\r" {
                out += "<br>"
                atLineStart = true
                i += 1
                continue
            }
            if atLineStart {
                // `-`, `+`, `=` or `1.` / `1)` at the start of a line would become a list or a heading.
                if s == "-" || s == "+" || s == "=" {
                    out += "\\"
                } else if ("0"..."9").contains(s) {
                    var j = i
                    while j < scalars.count, ("0"..."9").contains(scalars[j]) { j += 1 }
                    if j < scalars.count, scalars[j] == "." || scalars[j] == ")" {
                        for k in i..<j { out.unicodeScalars.append(scalars[k]) }
                        out += "\\"
                        out.unicodeScalars.append(scalars[j])
                        i = j + 1
                        atLineStart = false
                        continue
                    }
                }
            }
            if special.contains(s) || (critic && (s == "{" || s == "}")) { out += "\\" }
            if s == "\t" {
                out += "    "
            } else {
                out.unicodeScalars.append(s)
            }
            if !(s == " " && atLineStart) { atLineStart = false }
            i += 1
        }
        return out
    }

    /// A GFM table cell: its paragraphs as inline text joined by `<br>` (pipes are already escaped).
    /// A paragraph added or removed inside a cell has its `<br>` marked as the change to the paragraph
    /// mark before it.
    static func cell(_ lines: [LayoutText], critic: Bool) -> String {
        var text = ""
        for (i, line) in lines.enumerated() {
            if i > 0 {
                let mark = lines[i - 1].paragraphMark
                text += critic && mark.inserted != nil ? "{++<br>++}" : critic && mark.deleted != nil ? "{--<br>--}" : "<br>"
            }
            text += inline(line, critic: critic)
        }
        return text.isEmpty ? " " : text
    }

    /// Text with its changes as CriticMarkup: `{++inserted++}`, `{--deleted--}`, a deletion followed
    /// by an insertion as `{~~old~>new~~}`.
    static func inline(_ t: LayoutText, critic: Bool = false) -> String {
        guard critic else { return t.runs.map { $0.strong ? "**\(inline($0.text))**" : inline($0.text) }.joined() }
        var out = ""
        var runs = t.runs[...]
        while let run = runs.popFirst() {
            let text = inline(run.text, critic: true)
            switch (run.marks.inserted, run.marks.deleted) {
            case (nil, nil): out += text
            case (.some, nil): out += "{++\(text)++}"
            case (nil, .some):
                if let next = runs.first, next.marks.inserted != nil, next.marks.deleted == nil {
                    runs.removeFirst()
                    out += "{~~\(text)~>\(inline(next.text, critic: true))~~}"
                } else {
                    out += "{--\(text)--}"
                }
            case (.some, .some): out += "{++{--\(text)--}++}"
            }
        }
        // A paragraph mark's change is not written: outside a cell each paragraph is a line of its own,
        // added or removed with its text; inside one, `cell` marks the `<br>`.
        return out
    }

    static func anchor(_ a: String) -> String {
        String(a.unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }.map(Character.init))
    }
}
