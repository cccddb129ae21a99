import Foundation
import TequioModel

/// Prints diagnostics as `path:line:col: severity: message [identifier]` on stderr, in colour only
/// on a terminal (and never when `NO_COLOR` is set), or as JSON for tools.
struct DiagnosticPrinter {
    enum Format: String, CaseIterable, Sendable { case text, json }

    var format: Format = .text
    var colour: Bool = DiagnosticPrinter.stderrIsTerminal

    static var stderrIsTerminal: Bool {
        isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    func text(_ d: Diagnostic) -> String {
        var lines = [line(location: d.location, severity: d.severity.rawValue, message: d.message, identifier: d.identifier)]
        for note in d.notes {
            lines.append(line(location: note.location, severity: "note", message: note.message, identifier: nil))
        }
        return lines.joined(separator: "\n")
    }

    private func line(location: SourceLocation?, severity: String, message: String, identifier: String?) -> String {
        let place = location.map { "\($0): " } ?? "tequio: "
        let suffix = identifier.map { " [\($0)]" } ?? ""
        guard colour else { return "\(place)\(severity): \(message)\(suffix)" }
        let colourCode: String
        switch severity {
        case "error": colourCode = "\u{1B}[1;31m"
        case "warning": colourCode = "\u{1B}[1;35m"
        default: colourCode = "\u{1B}[1;36m"
        }
        return "\u{1B}[1m\(place)\u{1B}[0m\(colourCode)\(severity):\u{1B}[0m \u{1B}[1m\(message)\u{1B}[0m\(suffix)"
    }

    func print(_ diagnostics: [Diagnostic]) {
        switch format {
        case .text:
            for d in diagnostics { Output.error(text(d)) }
        case .json:
            Output.standard(DiagnosticPrinter.json(diagnostics))
        }
    }

    static func json(_ diagnostics: [Diagnostic]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(["diagnostics": diagnostics])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func summary(_ diagnostics: [Diagnostic], files: Int) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(errors, "error")), \(plural(warnings, "warning")) in \(plural(files, "file"))"
    }
}

/// The one place that writes to the terminal.
enum Output {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func standard(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
