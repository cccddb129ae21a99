import ArgumentParser
import Foundation
import TequioDocuments

/// The options every command that writes documents shares (`assemble`, `compare`, `review record`):
/// which formats, where, with which branding, how much it says, and whether the package checks run.
struct DocumentOutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Comma-separated formats: \(DocumentFormat.names), or all (every one but pdf).", valueName: "formats"))
    var format: String = "all"

    @Option(
        name: [.short, .customLong("output")],
        help: ArgumentHelp("Output folder (default: dist/plans; dist/decision for the decision record).", valueName: "dir"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Branding folder with branding.json (default: the templates' documents/).", valueName: "dir"))
    var branding: String?

    @Flag(name: .long, help: "Print nothing but problems.")
    var quiet = false

    @Flag(name: .customLong("no-verify"), help: "Do not run the package checks on DOCX, ODT and PDF files before they replace the old ones.")
    var noVerify = false

    func formats() throws -> [DocumentFormat] { try AssembleCommand.formats(format) }

    /// `-o`, else the command's own folder.
    func outputFolder(default folder: String = "dist/plans") -> URL { URL(fileURLWithPath: output ?? folder) }

    func validate() throws { _ = try formats() }
}
