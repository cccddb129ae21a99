import ArgumentParser
import Foundation
import TequioDocuments
import TequioFaceToFace
import TequioModel
import TequioPackageCheck
import TequioReaders
import TequioWriters
import ZipSupport

struct TrackInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Turn the winning plans into tracking files and write the tracking workbook (XLSX, ODS).",
        discussion: """
            PLANS are completed-matrix files or folders of them, one draft per working table, checked \
            against the module as `tequio assemble` checks them: nothing is written if one has an error.

            In the output folder:
              seguimiento-<plan>.xml  one tracking file per plan (docs/implementation.md): a commitment per \
            problem of the matrix with its problem, beneficiaries and affected; the government's and civil \
            society's actions as milestones; the expected results as indicators; empty planning fields \
            (lead agency, supporting actors, dates, budget, funding source, units, baselines, targets) and \
            an empty history;
              seguimiento-<module>.xlsx and .ods  the tracking workbook (with --per-plan, one per plan: \
            seguimiento-<plan>.xlsx and .ods): an instructions sheet and one \
            protected sheet per plan (Plan 1, Plan 2… in the compendium's order) whose open cells are the \
            planning fields and the progress to report, with drop-downs for the status (not started, \
            limited, substantial, complete, withdrawn) and date cells. `tequio import` reads it back.

            An existing tracking file is never replaced: it holds the plan's history. Files are the same \
            bytes on every run with SOURCE_DATE_EPOCH.

            Examples:
              tequio track init --module modules/oaxaca-agua ganadores/ -o seguimiento
              tequio track init --module modules/oaxaca-agua mesa-1.xml mesa-6.xml --language en
            """)

    @Argument(help: ArgumentHelp("The winning plans: completed-matrix files, or folders of them.", valueName: "plans"))
    var plans: [String]

    @OptionGroup var workbook: TrackWorkbookOptions

    @Flag(name: .customLong("no-verify"), help: "Do not run the package checks on the workbooks before they are written.")
    var noVerify = false

    @OptionGroup var resources: ResourceOptions

    func run() throws {
        let setup = try TrackSetup(resources, module: workbook.module, language: workbook.language)
        let winners = try CheckedPlans.read(plans, module: setup.module, schemas: setup.schemas, catalogue: setup.catalogue, printer: setup.printer)
        let created = try ImportTimestamp.string(AssembleCommand.sourceDateEpoch() ?? Date())
        let tracked = winners.map { TrackedPlan(plan: $0, id: $0.baseName, created: created) }
        let folder = URL(fileURLWithPath: workbook.output)
        var outputs: [OutputFile] = []
        for plan in tracked {
            let url = folder.appendingPathComponent(TrackingWriter.fileName(planID: plan.id))
            guard !FileManager.default.fileExists(atPath: url.path) else {
                throw CommandFailure(
                    message: "\(DisplayPath.of(url)) already exists and may hold the plan's history: it is never replaced (choose another -o, or move it away)",
                    code: TequioExit.usage)
            }
            outputs.append(.data(try written { try TrackingWriter.data(plan) }, to: url))
        }
        let files = try workbook.render(tracked, setup)
        outputs += files.sorted { $0.key < $1.key }.map { .data($0.value, to: folder.appendingPathComponent($0.key)) }
        try OutputChecks.write(outputs, verify: noVerify ? nil : OutputChecks.hook(setup.located, kinds: TrackSheetsCommand.workbookKind))
        for out in outputs { Output.error("wrote \(DisplayPath.of(out.url))") }
    }

    func written<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw CommandFailure.installation("cannot write the tracking files: \(error)") }
    }
}

struct TrackSheetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheets",
        abstract: "Write the tracking workbook again from the tracking files, filled in with each plan's current state.",
        discussion: """
            For the next round of updates: the workbook of `track init`, with the planning fields and \
            each milestone's and indicator's latest status, percentage, dates, value, narrative and \
            evidence filled in. A row left as it is brings nothing new when imported.

            Example:
              tequio track sheets --module modules/oaxaca-agua seguimiento/ -o seguimiento
            """)

    @Argument(help: ArgumentHelp("Tracking files, or folders of them.", valueName: "tracking"))
    var tracking: [String]

    @OptionGroup var workbook: TrackWorkbookOptions

    @OptionGroup var resources: ResourceOptions

    static func workbookKind(_ url: URL) -> PackageKind? {
        switch url.pathExtension.lowercased() {
        case "xlsx": .xlsx
        case "ods": .ods
        default: nil
        }
    }

    func run() throws {
        let setup = try TrackSetup(resources, module: workbook.module, language: workbook.language)
        let plans = try TrackInputs.read(tracking, module: setup.module, schemas: setup.schemas, printer: setup.printer)
        let files = try workbook.render(plans, setup)
        let folder = URL(fileURLWithPath: workbook.output)
        // Each workbook (its XLSX and ODS) is a set of its own, checked and written on every core.
        let sets = Dictionary(grouping: files.keys.sorted()) { ($0 as NSString).deletingPathExtension }.sorted { $0.key < $1.key }.map {
            $0.value.map { OutputFile.data(files[$0]!, to: folder.appendingPathComponent($0)) }
        }
        try OutputChecks.write(sets: sets, verify: OutputChecks.hook(setup.located, kinds: Self.workbookKind))
        let count = sets.reduce(0) { $0 + $1.count }
        Output.error(count <= 24 ? sets.flatMap { $0 }.map { "wrote \(DisplayPath.of($0.url))" }.joined(separator: "\n") : "wrote \(count) workbooks in \(DisplayPath.of(folder))")
    }
}

/// The options of the commands that write a tracking workbook (`track init`, `track sheets`).
struct TrackWorkbookOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The module (its folder or module.xml).", valueName: "dir"))
    var module: String

    @Option(name: .long, help: ArgumentHelp("Language of the workbook (default: the module's first language).", valueName: "tag"))
    var language: String?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Output folder.", valueName: "dir"))
    var output: String = "dist/tracking"

    @Flag(name: .customLong("per-plan"), help: "Write one workbook per plan (seguimiento-<plan>.xlsx, .ods) instead of one for all.")
    var perPlan = false

    /// The workbooks' files, or a usage failure when one workbook would be too large to import.
    func render(_ plans: [TrackedPlan], _ setup: TrackSetup) throws -> [String: Data] {
        do {
            return try TrackingSheets.render(
                plans, module: setup.module, language: setup.language, perPlan: perPlan, date: try TrackInputs.timestamp(plans), catalogue: setup.catalogue)
        } catch let tooLarge as TrackingSheets.TooLarge {
            throw CommandFailure(message: "\(tooLarge)", code: TequioExit.usage)
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure.installation("cannot write the tracking workbook: \(error)")
        }
    }
}
