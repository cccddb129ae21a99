import ArgumentParser
import Foundation
import TequioDocuments
import TequioFaceToFace
import TequioModel
import TequioReaders
import ZipSupport

struct TrackReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the progress report of tracked plans (DOCX, ODT, HTML, Markdown, PDF).",
        discussion: """
            TRACKING are tracking files (`tequio track init`, filled in with `tequio import`) or folders of \
            them, checked as `tequio check` checks them. The report has a summary across the plans (a \
            table and a chart of their commitments by status), then per plan and commitment the status \
            on the OGP scale, a progress bar, the planning (lead agency, dates, budget), a timeline of \
            the milestones (planned against actual, overdue ones marked), a table of the milestones \
            with their latest report and evidence, the indicators against their targets and the \
            changes made to the planning (docs/implementation.md).

            Only updates dated up to --as-of count (default: today, or SOURCE_DATE_EPOCH's day); a \
            milestone is overdue when its planned end is before that day and it is not complete. The \
            HTML report is one file with its charts as SVG, readable offline; DOCX, ODT and PDF draw them \
            as shapes (the PDF's tagged with their words for screen readers). Charts are in greys, \
            legible printed in black and white. PDF is written only when asked for (--format pdf).

            Written to <output>/<module>-seguimiento-<date>.<format> (-progress- in English); with \
            --per-plan that document has the summary only, and each plan has its own report, \
            <plan>-seguimiento-<date>.<format> (for hundreds of plans, whose one report would be too large).

            Examples:
              tequio track report --module modules/oaxaca-agua seguimiento/ --format html
              tequio track report --module modules/oaxaca-agua seguimiento/*.xml --as-of 2025-06-30 --language en
            """)

    @Argument(help: ArgumentHelp("Tracking files, or folders of them.", valueName: "tracking"))
    var tracking: [String]

    @Option(name: .long, help: ArgumentHelp("The module (its folder or module.xml).", valueName: "dir"))
    var module: String

    @Option(name: .long, help: ArgumentHelp("Comma-separated formats: docx, odt, html, md, pdf, or all (all but pdf).", valueName: "formats"))
    var format: String = "all"

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The report's date, YYYY-MM-DD (default: today).", valueName: "date"))
    var asOf: String?

    @Option(name: .long, help: ArgumentHelp("Language of the report (default: the module's first language).", valueName: "tag"))
    var language: String?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Output folder.", valueName: "dir"))
    var output: String = "dist/tracking"

    @Option(name: .long, help: ArgumentHelp("Branding folder with branding.json (default: the templates' documents/).", valueName: "dir"))
    var branding: String?

    @Flag(name: .customLong("per-plan"), help: "Write the summary across the plans, and one report per plan (<plan>-seguimiento-<date>.<format>).")
    var perPlan = false

    @Flag(name: .customLong("no-verify"), help: "Do not check the DOCX, ODT and PDF files before they are written.")
    var noVerify = false

    @OptionGroup var resources: ResourceOptions

    /// The largest part the package checks read (the spreadsheet import's limit too).
    static let largestPart = 64 << 20

    func formats() throws -> [DocumentFormat] { try AssembleCommand.formats(format) }

    func validate() throws {
        _ = try formats()
        try TrackSetup.validate(asOf: asOf)
    }

    func run() throws {
        let setup = try TrackSetup(resources, module: module, language: language)
        let (located, schemas, catalogue, printer, module, language) = (setup.located, setup.schemas, setup.catalogue, setup.printer, setup.module, setup.language)
        let plans = try TrackInputs.read(tracking, module: module, schemas: schemas, printer: printer)
        let day = try TrackSetup.day(asOf)
        let options = try AssembleCommand.documentOptions(located, branding: branding, referenceDoc: [])
        func text(_ t: LocalizedText?) -> String { t?.resolved(language, fallbacks: module.languages) ?? "" }
        let report = TrackingReportLayout(
            asOf: day, language: language, moduleID: module.id, programTitle: text(module.metadata.program), moduleTitle: text(module.metadata.title),
            catalogue: catalogue, hasLogo: options.branding.logo != nil)
        var documents = [(report.fileName(), report.layout(plans, inDetail: !perPlan))]
        if perPlan { documents += plans.map { (report.fileName(plan: $0), report.layout(plan: $0)) } }
        let folder = URL(fileURLWithPath: output)
        let timestamp = DocumentRenderer.timestamp(sourceDateEpoch: try AssembleCommand.sourceDateEpoch(), modified: documents[0].1.properties.modified)
        let formats = try formats()
        let rendered = documents.concurrentMap { stem, layout in
            formats.map { format -> Result<OutputFile, CommandFailure> in
                let url = folder.appendingPathComponent("\(stem).\(format.fileExtension)")
                do {
                    let document = try DocumentRenderer.render(layout, as: format, options: options)
                    if case .package(let tree, _) = document, let size = [tree["word/document.xml"], tree["content.xml"]].compactMap({ $0?.count }).max(),
                        size > Self.largestPart
                    {
                        return .failure(
                            CommandFailure(
                                message: "the report of \(plans.count) plans would be \(size >> 20) MB of \(format.title), more than `tequio check` reads (\(Self.largestPart >> 20) MB): write one report per plan with --per-plan",
                                code: TequioExit.usage))
                    }
                    return .success(document.output(to: url, timestamp: timestamp, displayPath: DisplayPath.of(url)))
                } catch {
                    return .failure(CommandFailure.installation("cannot write \(DisplayPath.of(url)): \(error)"))
                }
            }
        }
        let sets = try rendered.map { try $0.map { try $0.get() } }
        try OutputChecks.write(sets: sets, verify: noVerify ? nil : OutputChecks.hook(located, kinds: OutputChecks.documentKind))
        let outputs = sets.flatMap { $0 }
        if outputs.count <= 24 {
            for out in outputs { Output.error("wrote \(DisplayPath.of(out.url))") }
        } else {
            Output.error("wrote \(outputs.count) documents in \(DisplayPath.of(folder))")
        }
    }
}
