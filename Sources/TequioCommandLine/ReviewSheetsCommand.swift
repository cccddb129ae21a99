import ArgumentParser
import Foundation
import TequioDocuments
import TequioFaceToFace
import TequioModel
import TequioPackageCheck
import TequioReaders
import TequioWriters
import ZipSupport

struct ReviewSheetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheets",
        abstract: "Write each evaluator's scoring workbook (XLSX, ODS), a score sheet to print, a score CSV template and the plans' compendium.",
        discussion: """
            PLANS are completed-matrix files or folders of them (their *.xml files), one draft per \
            working table, checked against the module as `tequio assemble` checks them: nothing is \
            written if one has an error, or if two are drafts of one table. The module must have a <rubric> (docs/module-format.md).

            For each --evaluator, in the output folder:
              puntajes-<round>-<evaluator>.xlsx and .ods  the scoring workbook: an instructions sheet \
            (the rubric: scale, criteria with weights and guidance, the scores to justify, the gates, how \
            to declare a conflict of interest), one protected sheet per plan (Plan 1, Plan 2… in the \
            compendium's order) whose only open cells are the answers, each with its drop-down list, and \
            a hidden 'tequio' sheet that `tequio import` reads back;
              puntajes-<round>-<evaluator>.html  the same score sheet to print: a page per plan, boxes to \
            tick and lines for the justifications (one file, no script);
              puntajes-<round>-<evaluator>.csv  the score CSV's template for form tools and scripts: one \
            line per plan and item (conflict, gate, criterion) with every column filled in but answer \
            and justification (UTF-8 with a byte-order mark).
            And once: planes-<round>.<format>, the plans' compendium, chapter N being Plan N.

            The words are in --language (default: the module's first language). Files are the same \
            bytes on every run: zip times come from SOURCE_DATE_EPOCH, else the newest plan's date. \
            Filled workbooks and CSVs come back with `tequio import` (docs/committee-decision.md).

            Examples:
              tequio review sheets --module modules/oaxaca-agua examples/matrices --evaluator "Ana Pérez" --evaluator "Luis Cruz" --round "Ronda 1"
              tequio review sheets --module modules/oaxaca-agua ronda-2/ --evaluator Ana --round "Ronda 2" --language en -o comite
            """)

    @Argument(help: ArgumentHelp("Completed-matrix files, or folders of them.", valueName: "plans"))
    var plans: [String]

    @Option(name: .long, help: ArgumentHelp("The module, with its rubric (its folder or module.xml).", valueName: "dir"))
    var module: String

    @Option(name: .long, help: ArgumentHelp("A committee member who scores (repeatable).", valueName: "name"))
    var evaluator: [String] = []

    @Option(name: .long, help: ArgumentHelp("The round's name (Ronda 1, primera ronda…).", valueName: "name"))
    var round: String

    @Option(name: .long, help: ArgumentHelp("Language of the sheets (default: the module's first language).", valueName: "tag"))
    var language: String?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Output folder.", valueName: "dir"))
    var output: String = "dist/review"

    @Option(name: .long, help: ArgumentHelp("Paper of the printed sheets and workbooks: a4 or letter.", valueName: "paper"))
    var paper: String = "a4"

    @Option(name: .long, help: ArgumentHelp("Formats of the compendium: \(DocumentFormat.names), all, or none.", valueName: "formats"))
    var compendium: String = "docx"

    @Flag(name: .customLong("no-verify"), help: "Do not run the package checks on the files before they replace the old ones.")
    var noVerify = false

    @OptionGroup var resources: ResourceOptions

    func validate() throws {
        guard !evaluator.isEmpty else { throw ValidationError("name at least one --evaluator") }
        var slugs: [String: String] = [:]
        for name in evaluator {
            let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw ValidationError("--evaluator cannot be empty") }
            let stem = ScoringSheets.fileStem(round: round, evaluator: trimmed)
            if let other = slugs[stem] {
                throw ValidationError("--evaluator '\(trimmed)' and '\(other)' would share the file \(stem).xlsx: give each evaluator a distinct name")
            }
            slugs[stem] = trimmed
        }
        guard !round.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw ValidationError("--round cannot be empty") }
        guard PaperSize(rawValue: paper) != nil else { throw ValidationError("--paper must be a4 or letter, not '\(paper)'") }
        if compendium != "none" { _ = try AssembleCommand.formats(compendium) }
    }

    func run() throws {
        let located = try resources.locate()
        let schemas = SchemaSet(directory: located.schemas)
        let catalogue = try located.catalogue()
        let printer = DiagnosticPrinter()
        let read = ModuleCache.shared.read(URL(fileURLWithPath: module), schemas: schemas)
        printer.print(read.diagnostics.filter { $0.severity == .error })
        guard let module = read.module else {
            throw CommandFailure.invalid("\(DisplayPath.of(URL(fileURLWithPath: self.module))) has errors; nothing was written")
        }
        guard let rubric = module.rubric else {
            throw CommandFailure.invalid("module '\(module.id)' has no <rubric>: the committee has nothing to score with (docs/module-format.md)")
        }
        let language = self.language ?? module.mainLanguage
        guard module.languages.contains(language) else {
            throw CommandFailure(
                message: "--language \(language): module '\(module.id)' is written in \(module.languages.joined(separator: ", "))", code: TequioExit.usage)
        }
        let plans = try CheckedPlans.read(self.plans, module: module, schemas: schemas, catalogue: catalogue, printer: printer)
        let round = ScoringRound(
            module: module, rubric: rubric,
            plans: plans.map { .init(id: $0.baseName, table: $0.tableName, municipality: $0.municipality, draft: $0.draft) },
            round: self.round.trimmingCharacters(in: .whitespacesAndNewlines), language: language)
        let epoch = try AssembleCommand.sourceDateEpoch()
        let date = DocumentRenderer.timestamp(sourceDateEpoch: epoch, modified: plans.compactMap(\.modified).max())
        let folder = URL(fileURLWithPath: output)
        var outputs: [OutputFile] = []
        do {
            let files = try ScoringSheets.render(
                round, evaluators: evaluator.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }, paper: PaperSize(rawValue: paper)!,
                date: date, catalogue: catalogue)
            for (name, data) in files.sorted(by: { $0.key < $1.key }) {
                outputs.append(.data(data, to: folder.appendingPathComponent(name)))
            }
            outputs += try compendiumFiles(plans, module: module, round: round, located: located, catalogue: catalogue, epoch: epoch, folder: folder)
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure.installation("cannot write the scoring sheets: \(error)")
        }
        let verify = noVerify ? nil : OutputChecks.hook(located) { url -> PackageKind? in
            switch url.pathExtension.lowercased() {
            case "xlsx": .xlsx
            case "ods": .ods
            default: OutputChecks.documentKind(url)
            }
        }
        try OutputChecks.write(outputs, verify: verify)
        for out in outputs { Output.error("wrote \(DisplayPath.of(out.url))") }
    }

    /// `planes-<round>.<format>`: the compendium, chapter N being the workbooks' Plan N.
    func compendiumFiles(
        _ plans: [ActionPlan], module: Module, round: ScoringRound, located: ResourceLocator, catalogue: StringCatalogue, epoch: Date?,
        folder: URL
    ) throws -> [OutputFile] {
        guard compendium != "none" else { return [] }
        let options = try AssembleCommand.documentOptions(located, branding: nil, referenceDoc: [])
        let c = Compendium(plans: plans, module: module, language: round.language, catalogue: catalogue)
        let layout = PlanLayout.layout(c, hasLogo: options.branding.logo != nil)
        let stem = "planes-\(Slug.make(round.round, fallback: "ronda"))"
        return try AssembleCommand.formats(compendium).map { format in
            let url = folder.appendingPathComponent("\(stem).\(format.fileExtension)")
            let rendered = try DocumentRenderer.render(layout, as: format, options: options)
            let timestamp = DocumentRenderer.timestamp(sourceDateEpoch: epoch, modified: layout.properties.modified)
            return rendered.output(to: url, timestamp: timestamp, displayPath: DisplayPath.of(url))
        }
    }
}
