/// The one way a diagnostic becomes text: what `tequio` prints on stderr, what `Diagnostic.formatted`
/// returns and what the golden files hold.
///
/// ```
/// path:line:col: severity: message [identifier]
/// path:line:col: note: message
/// ```
///
/// A diagnostic, then one line per note (a note has no identifier). Without a location the line starts
/// with `tequio:`; the location leaves out a line or column that is unknown (`SourceLocation`).
public struct DiagnosticRenderer: Sendable {
    public enum Style: Sendable {
        /// Plain text: for files, pipes and tests.
        case plain
        /// ANSI colours and bold, for a terminal: the same characters with escapes around them.
        case colour
    }

    public var style: Style

    public init(style: Style) { self.style = style }

    public static let plain = DiagnosticRenderer(style: .plain)
    public static let colour = DiagnosticRenderer(style: .colour)

    /// The diagnostic's line and its notes' lines, joined by newlines, without a final newline.
    public func render(_ diagnostic: Diagnostic) -> String {
        lines(diagnostic).joined(separator: "\n")
    }

    /// Several diagnostics, every line ended by a newline: what a terminal shows for them.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.flatMap(lines).map { $0 + "\n" }.joined()
    }

    /// One line for the diagnostic, then one per note.
    public func lines(_ d: Diagnostic) -> [String] {
        [line(d.location, d.severity, d.message, identifier: d.identifier)]
            + d.notes.map { line($0.location, .note, $0.message, identifier: nil) }
    }

    private func line(_ location: SourceLocation?, _ severity: Diagnostic.Severity, _ message: String, identifier: String?)
        -> String
    {
        let place = location.map { "\($0): " } ?? "tequio: "
        let suffix = identifier.map { " [\($0)]" } ?? ""
        switch style {
        case .plain:
            return "\(place)\(severity.rawValue): \(message)\(suffix)"
        case .colour:
            let bold = "\u{1B}[1m", reset = "\u{1B}[0m"
            return "\(bold)\(place)\(reset)\(Self.colour(severity))\(severity.rawValue):\(reset) \(bold)\(message)\(reset)\(suffix)"
        }
    }

    private static func colour(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: "\u{1B}[1;31m"
        case .warning: "\u{1B}[1;35m"
        case .note: "\u{1B}[1;36m"
        }
    }
}
