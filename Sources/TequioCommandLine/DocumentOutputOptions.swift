import ArgumentParser
import Foundation
import TequioDocuments
import TequioModel
import TequioReaders

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

    /// Writes one document in every format asked for, `<name>.<format>` in the output folder, as one
    /// output set (all or none), each file checked unless `--no-verify`; says what it wrote unless
    /// `--quiet`.
    func write(
        _ layout: DocumentLayout, name: String, folder: String = "dist/plans", located: ResourceLocator, options: DocumentOptions,
        catalogue: StringCatalogue
    ) throws {
        let formats = try formats()
        let action = AssembleAction(
            AssembleAction.Input(
                formats: formats, outputDirectory: outputFolder(default: folder), compendium: false, onlyCompendium: false, language: nil,
                keepGoing: false, catalogue: catalogue))
        let jobs = formats.map { AssembleAction.Job(layout: layout, format: $0, fileName: "\(name).\($0.fileExtension)") }
        let outcome = action.write(
            jobs, options: options, sourceDateEpoch: try AssembleCommand.sourceDateEpoch(),
            verify: noVerify ? nil : OutputChecks.hook(located, kinds: OutputChecks.documentKind), displayPath: { DisplayPath.of($0) },
            progress: { _ in })
        if let failure = outcome.failure { throw AssembleCommand.commandFailure(failure) }
        if !quiet {
            for url in outcome.written.sorted(by: { $0.path < $1.path }) { Output.error("wrote \(DisplayPath.of(url))") }
        }
    }
}
