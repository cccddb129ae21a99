import Foundation
import TequioWriters
import XMLSupport

/// Tracked changes in HTML: `<ins>` and `<del>` with who and when in `title` (and `datetime`), a
/// paragraph mark's change as an empty element the style sheet shows as ¶, added and removed rows as
/// row classes. The style sheet underlines and strikes them (readable without colour) and has screen
/// readers say "inserted" / "deleted" through generated content, so the text itself stays the
/// document's: removing every `del` and unwrapping every `ins` gives the newest draft's text.
extension HTMLOutput {
    /// A paragraph's text with its changes, escaped.
    func inline(_ t: LayoutText) -> String {
        var html = ""
        for run in t.runs {
            let escaped = text(run.text)
            html += Self.wrap(run.text, run.marks, text: run.strong ? "<strong>\(escaped)</strong>" : escaped)
        }
        if !t.paragraphMark.isEmpty { html += Self.wrap("", t.paragraphMark, text: "", mark: true) }
        return html
    }

    /// `escaped` inside `<ins>` and/or `<del>` for `marks` (a deletion inside an insertion, as Word
    /// nests them).
    static func wrap(_ raw: String, _ marks: LayoutText.Marks, text escaped: String, mark: Bool = false) -> String {
        var html = escaped
        let cls = mark ? " class=\"tq-mark\"" : ""
        if let d = marks.deleted { html = "<del\(cls)\(attributes(d))>\(html)</del>" }
        if let i = marks.inserted { html = "<ins\(cls)\(attributes(i))>\(html)</ins>" }
        return html
    }

    private static func attributes(_ c: LayoutText.Change) -> String {
        let who = HTMLText.escape(c.author)
        guard let date = c.date else { return " title=\"\(who)\"" }
        return " title=\"\(who), \(date.iso)\" datetime=\"\(date.iso)\""
    }

    /// The rules for changes, with the words screen readers say in the document's language.
    static func changesCSS(_ words: DocumentLayout.ChangeWords) -> String {
        """
        ins { text-decoration: underline; text-decoration-thickness: .12em; background: #e6f4ea; color: inherit; }
        del { text-decoration: line-through; text-decoration-thickness: .12em; background: #fde8e8; color: inherit; }
        ins::before, del::before { clip-path: inset(100%); clip: rect(1px, 1px, 1px, 1px); height: 1px; overflow: hidden; position: absolute; white-space: nowrap; width: 1px; }
        ins::before { content: \(CSSString.quoted(" [\(words.inserted)] ")); }
        del::before { content: \(CSSString.quoted(" [\(words.deleted)] ")); }
        ins.tq-mark::after, del.tq-mark::after { content: "¶"; }
        tr.tq-row-inserted td { border-left: 3pt solid #2e7d32; }
        tr.tq-row-deleted td { border-left: 3pt dashed #c62828; }
        .tq-legend { border: 1px solid var(--border); padding: .6em .9em; margin: 1em 0; }
        .tq-legend p { margin: .2em 0; }
        """
    }
}
