import Foundation
import TequioModel

/// Prints diagnostics on stderr as `DiagnosticRenderer` renders them (`path:line:col: severity: message
/// [identifier]`), in colour only on a terminal (and never when `NO_COLOR` is set), or as JSON for tools.
struct DiagnosticPrinter {
    enum Format: String, CaseIterable, Sendable { case text, json }

    var format: Format = .text
    var colour: Bool = DiagnosticPrinter.stderrIsTerminal

    static var stderrIsTerminal: Bool {
        isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// What a person reads: `DiagnosticRenderer`'s lines, in colour when `colour` is set.
    func text(_ d: Diagnostic) -> String {
        DiagnosticRenderer(style: colour ? .colour : .plain).render(d)
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
