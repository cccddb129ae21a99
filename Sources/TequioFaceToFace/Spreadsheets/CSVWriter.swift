import Foundation

/// CSV as Excel and LibreOffice both open it on a double-click: UTF-8 with a byte-order mark (without
/// it Excel reads the bytes in the system's code page and garbles every accent), comma-separated, CRLF
/// line ends (RFC 4180), a field quoted when it holds a comma, quote or line break or begins or ends
/// with a space. `CSVTable` reads it back.
///
/// A field that a spreadsheet would take for a formula (`=`, `+`, `-`, `@` first) gets an apostrophe
/// before it, so that text from a module or a matrix never runs as a formula; `unescape` removes it.
enum CSVWriter {
    static func data(_ rows: [[String]]) -> Data {
        var text = "\u{FEFF}"
        for row in rows {
            text += row.map(field).joined(separator: ",")
            text += "\r\n"
        }
        return Data(text.utf8)
    }

    static func field(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, formulaStarts.contains(first) { text = "'" + text }
        let needsQuotes =
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" || $0 == "\t" })
            || text.first?.isWhitespace == true || text.last?.isWhitespace == true
        return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// A field as written: without the apostrophe `field` put before a formula's first character.
    static func unescape(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > 1, scalars.first == "'", formulaStarts.contains(scalars[scalars.index(after: scalars.startIndex)]) else { return text }
        return String(text.dropFirst())
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@"]
}
