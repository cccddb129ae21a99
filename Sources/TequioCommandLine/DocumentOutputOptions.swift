import ArgumentParser
import TequioDocuments

/// The options every command that writes documents shares (`assemble`, `compare`): which formats,
/// where, with which branding, how much it says, and whether the package checks run.
struct DocumentOutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Comma-separated formats: \(DocumentFormat.names), or all (every one but pdf).", valueName: "formats"))
    var format: String = "all"

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Output folder.", valueName: "dir"))
    var output: String = "dist/plans"

    @Option(name: .long, help: ArgumentHelp("Branding folder with branding.json (default: the templates' documents/).", valueName: "dir"))
    var branding: String?

    @Flag(name: .long, help: "Print nothing but problems.")
    var quiet = false

    @Flag(name: .customLong("no-verify"), help: "Do not run the package checks on DOCX, ODT and PDF files before they replace the old ones.")
    var noVerify = false

    func formats() throws -> [DocumentFormat] { try AssembleCommand.formats(format) }

    func validate() throws { _ = try formats() }
}
