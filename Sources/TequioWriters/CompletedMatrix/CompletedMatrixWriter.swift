import Foundation
import TequioModel
import XMLSupport

/// Writes a `CompletedMatrix` in the completed-matrix format (`docs/completed-matrix-format.md`), the
/// same file the player's "Download my matrix" produces.
public enum CompletedMatrixWriter {
    public static let namespace = "urn:tequio:completed-matrix:1"

    public static func data(_ m: CompletedMatrix, columnOrder: [String] = []) throws -> Data {
        let w = XMLWriter(indent: true)
        w.start(
            "completed-matrix",
            [
                "xmlns": namespace, "format": "1", "module": m.moduleID, "module-version": m.moduleVersion,
                "matrix": m.matrixID, "xml:lang": m.language, "draft": String(m.draft), "created": m.created,
                "modified": m.modified,
            ])
        w.start("table")
        w.element("name", text: m.tableName)
        w.element("municipality", text: m.municipality)
        w.end()
        w.start("members")
        for member in m.members {
            w.start("member", ["sector": member.sector.rawValue])
            w.element("name", text: member.name)
            if let role = member.role, !role.isEmpty { w.element("role", text: role) }
            w.end()
        }
        w.endFull()
        w.start("rows")
        for row in m.rows {
            w.start("row", ["title": row.titleText.isEmpty ? nil : row.titleText])
            let known = columnOrder.filter { row.cells[$0] != nil }
            let rest = row.cells.keys.filter { !columnOrder.contains($0) }.sorted()
            for column in known + rest {
                guard let text = row.cells[column], !text.isEmpty else { continue }
                w.element("cell", ["column": column], text: text)
            }
            for column in known + rest + row.alternatives.keys.filter({ row.cells[$0] == nil }).sorted() {
                for a in row.alternatives[column] ?? [] { w.element("alternative", ["column": column, "source": a.source], text: a.text) }
            }
            for note in row.reviewNotes {
                w.element(
                    "review-note",
                    ["column": note.column, "kind": note.kind.rawValue, "author": note.author, "date": note.date.isEmpty ? nil : note.date,
                     "status": note.status == .open ? nil : note.status.rawValue], text: note.text)
            }
            w.endFull()
        }
        w.endFull()
        if !m.mergedFrom.isEmpty {
            w.start("merged-from")
            for source in m.mergedFrom { w.element("source", text: source) }
            w.end()
        }
        if !m.notes.isEmpty {
            w.start("notes")
            for note in m.notes { w.element("note", ["question": note.question], text: note.text) }
            w.end()
        }
        w.end()
        return try w.finish()
    }

    /// `<module>-<table slug>-<YYYY-MM-DD>.xml`, as the player names its downloads.
    public static func fileName(_ m: CompletedMatrix) -> String {
        let date = String(m.modified.prefix(10))
        return "\(m.moduleID)-\(Slug.make(m.tableName))-\(date.isEmpty ? "undated" : date).xml"
    }
}

/// ASCII file-name slugs: `Mesa 3 · Valles Centrales` → `mesa-3-valles-centrales`.
public enum Slug {
    public static func make(_ text: String, fallback: String = "mesa") -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX")).lowercased()
        var out = ""
        var lastDash = true
        for ch in folded.unicodeScalars {
            if ("a"..."z").contains(ch) || ("0"..."9").contains(ch) {
                out.unicodeScalars.append(ch)
                lastDash = false
            } else if !lastDash {
                out.append("-")
                lastDash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? fallback : String(out.prefix(60))
    }
}
