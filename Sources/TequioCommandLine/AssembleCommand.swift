import ArgumentParser
import Foundation
import TequioDocuments
import TequioModel
import TequioReaders
import ZipSupport

struct AssembleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assemble",
        abstract: "Turn completed matrices into action-plan documents (\(DocumentFormat.allCases.map(\.title).joined(separator: ", "))).",
        discussion: """
            Each completed matrix (a file exported by the player or written by `tequio import`) becomes \
            one action plan per format, named <module>-<table>.<format> in the output folder: a cover \
            (program, module, working table, municipality, draft and date, the workshop, members by \
            sector), the introduction and the plan's summary, the matrix on landscape pages with its \
            header row repeated, one section per problem (headed by the row's short title) with \
            numbered government and civil-society actions, the next steps and the members' approval. \
            --compendium adds <module>-compendium.<format>: the contents, introduction, summary table \
            and the committee's next steps, then every plan as a chapter (ordered by table name) \
            printing its content once, as --layout says (default: matrix), then the committee's \
            approval; every fixed word is in the compendium's --language. With --compare-with DIR, each plan and \
            each chapter shows, as tracked changes, what changed since its table's draft in DIR (the \
            earlier round), as `tequio compare` does; a plan with no earlier draft there is marked new.

            PATH is a completed-matrix file or a folder of them (its *.xml files). Every matrix is checked \
            against the module first (the one given with --module, else modules/<module id>): a matrix \
            for another module or version, an unknown column or a malformed file is reported with its \
            file name, and nothing is written. With --keep-going the valid matrices are still written \
            and the command exits with 65.

            The look (fonts, colours, logo, paper) comes from templates/documents/branding.json, or \
            from --branding DIR. --reference-doc takes the styles of your own .docx or .odt, as \
            pandoc's option of the same name does (give it twice for both formats).

            Documents are byte-identical on every run and in every time zone: zip entry times come from \
            SOURCE_DATE_EPOCH, else the matrix's modification date; document dates come from the matrix.

            Exit codes: 0 success, 65 invalid matrices or module, 64 bad usage, 74 a file could not be \
            read or written, 70 broken installation.

            Examples:
              tequio assemble examples/matrices --module modules/oaxaca-agua
              tequio assemble mesa-1.xml mesa-2.xml --format docx,odt -o out
              tequio assemble examples/matrices --compendium --language en
              tequio assemble examples/matrices --only-compendium --layout narrative --format pdf
              tequio assemble matrices/ --only-compendium --format docx
              tequio assemble matrices/ --reference-doc estilo.docx --keep-going
              tequio assemble ronda-2/ --compendium --compare-with ronda-1/
            """)

    @Argument(help: ArgumentHelp("Completed-matrix files, or folders of them.", valueName: "path"))
    var paths: [String]

    @Option(name: .long, help: ArgumentHelp("The module the matrices belong to (default: modules/<module id>).", valueName: "module"))
    var module: String?

    @Flag(name: .long, help: "Also write one document with every plan (<module>-compendium.<format>).")
    var compendium = false

    @Flag(name: .long, help: "Write only the compendium, not one document per plan.")
    var onlyCompendium = false

    @Option(name: .long, help: ArgumentHelp("Language of the compendium's fixed words, in every chapter (default: the module's first language).", valueName: "tag"))
    var language: String?

    @Option(name: .long, help: ArgumentHelp("What the compendium prints of each plan: matrix (the matrix, each problem headed in its cell), narrative (the problem sections) or both.", valueName: "matrix|narrative|both"))
    var layout: String = ContentLayout.default.rawValue

    @Option(name: .long, help: ArgumentHelp("Take styles from this .docx or .odt (repeatable, one per format).", valueName: "file"))
    var referenceDoc: [String] = []

    @Option(name: .long, help: ArgumentHelp("Show each plan's changes since its table's draft in this folder of an earlier round (matched by module, matrix and table); plans with no earlier draft are marked new.", valueName: "dir"))
    var compareWith: String?

    @Flag(name: .long, help: "Write the documents of the valid matrices even when others have errors (still exits 65).")
    var keepGoing = false

    @OptionGroup var documents: DocumentOutputOptions
    @OptionGroup var resources: ResourceOptions

    func parsedFormats() throws -> [DocumentFormat] { try documents.formats() }

    /// `docx,odt`, `all`… as formats, sorted, each once.
    static func formats(_ format: String) throws -> [DocumentFormat] {
        var result: [DocumentFormat] = []
        for name in format.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            if name == "all" {
                result += DocumentFormat.all
            } else if let f = DocumentFormat(rawValue: name == "markdown" ? "md" : name) {
                result.append(f)
            } else {
                throw ValidationError("unknown format '\(name)'; known: \(DocumentFormat.names), all")
            }
        }
        guard !result.isEmpty else { throw ValidationError("no format given") }
        return Array(Set(result)).sorted()
    }

    func validate() throws {
        _ = try parsedFormats()
        for path in referenceDoc {
            let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
            guard ext == "docx" || ext == "odt" else {
                throw ValidationError("--reference-doc must be a .docx or .odt file, not '\(path)'")
            }
        }
        guard ContentLayout(rawValue: layout) != nil else {
            throw ValidationError("unknown --layout '\(layout)'; known: \(ContentLayout.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let language, language.range(of: "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$", options: .regularExpression) == nil {
            throw ValidationError("'\(language)' is not a language tag such as es or en")
        }
    }

    func run() throws {
        let formats = try parsedFormats()
        let located = try resources.locate()
        let schemas = SchemaSet(directory: located.schemas)
        let catalogue = try located.catalogue()
        let printer = DiagnosticPrinter()
        let action = AssembleAction(
            AssembleAction.Input(
                formats: formats, outputDirectory: documents.outputFolder(), compendium: compendium,
                onlyCompendium: onlyCompendium, language: language, keepGoing: keepGoing, catalogue: catalogue,
                content: ContentLayout(rawValue: layout) ?? .default))

        // 1. Read and check everything before writing anything.
        let files = try Self.mapped { () throws(AssembleFailure) in try AssembleAction.collectFiles(paths) }
        var moduleForRun: Module?
        if let module {
            let result = ModuleCache.shared.read(URL(fileURLWithPath: module), schemas: schemas)
            printer.print(result.diagnostics.filter { $0.severity == .error })
            guard let m = result.module else {
                throw CommandFailure.invalid("\(DisplayPath.of(URL(fileURLWithPath: module))) has errors; nothing was written")
            }
            moduleForRun = m
        }
        let reader = CompletedMatrixReader(schemas: schemas)
        let moduleForRunCopy = moduleForRun
        let checkFile: @Sendable (URL) -> AssembleAction.CheckedFile = { url in
            var (loc, found) = reader.read(url)
            var module = moduleForRunCopy
            if let loc, module == nil {
                let moduleURL = URL(fileURLWithPath: "modules").appendingPathComponent(loc.matrix.moduleID)
                module = ModuleCache.shared.read(moduleURL, schemas: schemas).module
                if module == nil {
                    found.append(
                        .error(
                            MatrixDiagnosticID.moduleNotFound,
                            "cannot load module '\(loc.matrix.moduleID)' from \(DisplayPath.of(moduleURL)); pass --module",
                            at: loc.rootLocation))
                }
            }
            if let loc, let module { found += CompletedMatrixValidation.check(loc, against: module) }
            var plan: ActionPlan?
            if let loc, let module, !found.hasErrors {
                plan = ActionPlan(matrix: loc.matrix, module: module, catalogue: catalogue, source: DisplayPath.of(url))
            }
            return AssembleAction.CheckedFile(diagnostics: found, plan: plan, module: module)
        }
        let checked = action.check(files, with: checkFile)
        printer.print(checked.diagnostics)
        if let failure = checked.failure { throw Self.commandFailure(failure) }
        var round: ComparisonLayout.Round?
        if let compareWith {
            // The earlier round is checked like the new one: an invalid draft there stops the run.
            let earlierFiles = try Self.mapped { () throws(AssembleFailure) in try AssembleAction.collectFiles([compareWith]) }
            let earlier = action.check(earlierFiles, with: checkFile)
            printer.print(earlier.diagnostics)
            if let failure = earlier.failure { throw Self.commandFailure(failure) }
            round = ComparisonLayout.Round(earlier: earlier.plans, folder: DisplayPath.of(URL(fileURLWithPath: compareWith)))
        }
        if let language {
            // The compendium's fixed words exist only in the languages its module declares.
            for module in checked.modules.values.sorted(by: { $0.id < $1.id }) where !module.languages.contains(language) {
                throw CommandFailure(
                    message: "--language \(language): module '\(module.id)' is written in \(module.languages.joined(separator: ", ")); use one of those",
                    code: TequioExit.usage)
            }
        }

        let options = try documentOptions(located)
        let sourceDateEpoch = try Self.sourceDateEpoch()
        let jobs = action.plannedJobs(plans: checked.plans, modules: checked.modules, branding: options.branding, round: round)

        // 2. Render and write, on every core; the biggest documents (compendia) first.
        let progress = CountingProgress(total: jobs.count)
        let outcome = action.write(
            jobs, options: options, sourceDateEpoch: sourceDateEpoch,
            verify: documents.noVerify ? nil : OutputChecks.hook(located, kinds: OutputChecks.documentKind), displayPath: { DisplayPath.of($0) },
            progress: { progress.step($0) })
        progress.finish()
        if let failure = outcome.failure { throw Self.commandFailure(failure) }
        if !documents.quiet {
            let written = outcome.written.sorted { $0.path < $1.path }
            if written.count <= 24 {
                for url in written { Output.error("wrote \(DisplayPath.of(url))") }
            } else {
                Output.error("wrote \(written.count) documents in \(DisplayPath.of(action.input.outputDirectory))")
            }
        }
        if let failure = checked.keepGoingFailure { throw Self.commandFailure(failure) }
    }

    static func commandFailure(_ failure: AssembleFailure) -> CommandFailure {
        switch failure.kind {
        case .invalid: return CommandFailure.invalid(failure.message)
        case .io: return CommandFailure.io(failure.message)
        case .installation: return CommandFailure.installation(failure.message)
        }
    }

    static func mapped<T>(_ body: () throws(AssembleFailure) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw commandFailure(error)
        }
    }

    /// Branding and reference documents; any problem with them stops the run before anything is written.
    func documentOptions(_ located: ResourceLocator) throws -> DocumentOptions {
        try Self.documentOptions(located, branding: documents.branding, referenceDoc: referenceDoc)
    }

    static func documentOptions(_ located: ResourceLocator, branding: String?, referenceDoc: [String]) throws -> DocumentOptions {
        let folder = branding.map { URL(fileURLWithPath: $0) } ?? located.templates.appendingPathComponent("documents")
        let look: Branding
        if branding == nil && !FileManager.default.fileExists(atPath: folder.appendingPathComponent(Branding.fileName).path) {
            look = .standard
        } else {
            do {
                look = try Branding.load(try TemplateLoader.load(folder), folder: DisplayPath.of(folder))
            } catch let error as BrandingError {
                throw CommandFailure.invalid("\(error)")
            }
        }
        var options = DocumentOptions(branding: look, generator: "Tequio \(TequioVersion.current)")
        for path in referenceDoc {
            let url = URL(fileURLWithPath: path)
            guard FileManager.default.fileExists(atPath: url.path) else { throw CommandFailure.io("\(path): no such file") }
            do {
                if url.pathExtension.lowercased() == "docx" {
                    options.docxReference = try DocxReference(contentsOf: url)
                } else {
                    options.odtReference = try OdtReference(contentsOf: url)
                }
            } catch let error as ReferenceError {
                throw CommandFailure.invalid("\(error)")
            }
        }
        return options
    }

    static func sourceDateEpoch() throws -> Date? {
        do {
            return try AssembleAction.sourceDateEpoch()
        } catch {
            throw CommandFailure(message: "\(error)", code: TequioExit.usage)
        }
    }
}

/// `[########............] 120/1140 oaxaca-agua-mesa-1.docx` on stderr when it is a terminal; silent
/// otherwise, so logs stay clean.
final class CountingProgress: @unchecked Sendable {
    private let total: Int
    private var current = 0
    private let enabled = DiagnosticPrinter.stderrIsTerminal && ProcessInfo.processInfo.environment["CI"] == nil

    init(total: Int) { self.total = total }

    /// Called under the caller's lock.
    func step(_ label: String) {
        current += 1
        guard enabled else { return }
        let width = 24
        let filled = total > 0 ? current * width / total : width
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        FileHandle.standardError.write(Data("\r\u{1B}[2K[\(bar)] \(current)/\(total) \(label.prefix(60))".utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
