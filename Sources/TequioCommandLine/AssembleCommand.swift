import ArgumentParser
import Dispatch
import Foundation
import TequioDocuments
import TequioModel
import TequioReaders
import ZipSupport

struct AssembleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assemble",
        abstract: "Turn completed matrices into action-plan documents (DOCX, ODT, HTML, Markdown).",
        discussion: """
            Each completed matrix (a file exported by the player or written by `tequio import`) becomes \
            one action plan per format, named <module>-<table>.<format> in the output folder: a cover \
            (program, module, working table, municipality, members by sector, draft and date), an \
            introduction from the module, the matrix on landscape pages with its header row repeated, \
            and one section per problem with numbered government and civil-society actions. \
            --compendium adds <module>-compendium.<format>: every plan as a chapter, ordered by table \
            name, after a table of contents and a summary table.

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
              tequio assemble matrices/ --only-compendium --format docx
              tequio assemble matrices/ --reference-doc estilo.docx --keep-going
            """)

    @Argument(help: ArgumentHelp("Completed-matrix files, or folders of them.", valueName: "path"))
    var paths: [String]

    @Option(name: .long, help: ArgumentHelp("The module the matrices belong to (default: modules/<module id>).", valueName: "module"))
    var module: String?

    @Option(name: .long, help: ArgumentHelp("Comma-separated formats: docx, odt, html, md, or all.", valueName: "formats"))
    var format: String = "all"

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Output folder.", valueName: "dir"))
    var output: String = "dist/plans"

    @Flag(name: .long, help: "Also write one document with every plan (<module>-compendium.<format>).")
    var compendium = false

    @Flag(name: .long, help: "Write only the compendium, not one document per plan.")
    var onlyCompendium = false

    @Option(name: .long, help: ArgumentHelp("Language of the compendium's cover, contents and summary (default: the module's first language).", valueName: "tag"))
    var language: String?

    @Option(name: .long, help: ArgumentHelp("Take styles from this .docx or .odt (repeatable, one per format).", valueName: "file"))
    var referenceDoc: [String] = []

    @Option(name: .long, help: ArgumentHelp("Branding folder with branding.json (default: the templates' documents/).", valueName: "dir"))
    var branding: String?

    @Flag(name: .long, help: "Write the documents of the valid matrices even when others have errors (still exits 65).")
    var keepGoing = false

    @Flag(name: .long, help: "Print nothing but problems.")
    var quiet = false

    @OptionGroup var resources: ResourceOptions

    func parsedFormats() throws -> [DocumentFormat] {
        var result: [DocumentFormat] = []
        for name in format.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            if name == "all" {
                result += DocumentFormat.allCases
            } else if let f = DocumentFormat(rawValue: name == "markdown" ? "md" : name) {
                result.append(f)
            } else {
                throw ValidationError("unknown format '\(name)'; known: \(DocumentFormat.allCases.map(\.rawValue).joined(separator: ", ")), all")
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
        if let language, language.range(of: "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$", options: .regularExpression) == nil {
            throw ValidationError("'\(language)' is not a language tag such as es or en")
        }
    }

    func run() throws {
        let formats = try parsedFormats()
        let located = try resources.locate()
        let schemas = SchemaSet(directory: located.schemas)
        let printer = DiagnosticPrinter()

        // 1. Read and check everything before writing anything.
        let files = try MatrixFiles.collect(paths)
        var moduleForRun: Module?
        if let module {
            let result = ModuleCache.shared.read(URL(fileURLWithPath: module), schemas: schemas)
            printer.print(result.diagnostics.filter { $0.severity == .error })
            guard let m = result.module else {
                throw CommandFailure.invalid("\(DisplayPath.of(URL(fileURLWithPath: module))) has errors; nothing was written")
            }
            moduleForRun = m
        }
        // Each file is read and checked on its own, on every core; results are kept in input order.
        let reader = CompletedMatrixReader(schemas: schemas)
        let moduleForRunCopy = moduleForRun
        let outcomes = ReadOutcomes(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let url = files[index]
            var (loc, found) = reader.read(url)
            var module = moduleForRunCopy
            if let loc, module == nil {
                let moduleURL = URL(fileURLWithPath: "modules").appendingPathComponent(loc.matrix.moduleID)
                module = ModuleCache.shared.read(moduleURL, schemas: schemas).module
                if module == nil {
                    found.append(
                        .error(
                            "matrix.module-not-found",
                            "cannot load module '\(loc.matrix.moduleID)' from \(DisplayPath.of(moduleURL)); pass --module",
                            at: loc.rootLocation))
                }
            }
            if let loc, let module { found += CompletedMatrixValidation.check(loc, against: module) }
            var plan: ActionPlan?
            if let loc, let module, !found.hasErrors {
                plan = ActionPlan(matrix: loc.matrix, module: module, source: DisplayPath.of(url))
            }
            outcomes.set(index, (found, plan, module))
        }
        var plans: [ActionPlan] = []
        var modules: [String: Module] = [:]
        var diagnostics: [Diagnostic] = []
        var badFiles = 0
        for (found, plan, module) in outcomes.all {
            diagnostics += found
            if let plan, let module {
                plans.append(plan)
                modules[module.id] = module
            } else {
                badFiles += 1
            }
        }
        printer.print(diagnostics)
        if badFiles > 0 && (!keepGoing || plans.isEmpty) {
            throw CommandFailure.invalid(
                "\(badFiles) of \(files.count) matrix file\(files.count == 1 ? "" : "s") \(badFiles == 1 ? "has" : "have") errors; nothing was written")
        }

        let options = try documentOptions(located)
        let sourceDateEpoch = try Self.sourceDateEpoch()
        let jobs = plannedJobs(plans: plans, modules: modules, formats: formats, branding: options.branding)

        // 2. Render and write, on every core; the biggest documents (compendia) first.
        let outputDir = URL(fileURLWithPath: output)
        let progress = CountingProgress(total: jobs.count)
        let state = JobState()
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            let job = jobs[index]
            let url = outputDir.appendingPathComponent(job.fileName)
            do {
                let rendered = try DocumentRenderer.render(job.layout, as: job.format, options: options)
                try rendered.write(to: url, timestamp: DocumentRenderer.timestamp(sourceDateEpoch: sourceDateEpoch, modified: job.layout.properties.modified))
                state.done(url) { progress.step("\(job.fileName)") }
            } catch let error as ArchiveError {
                state.fail(CommandFailure.io("cannot write \(DisplayPath.of(url)): \(error)"))
            } catch let error as CocoaError {
                state.fail(CommandFailure.io("cannot write \(DisplayPath.of(url)): \(error.localizedDescription)"))
            } catch {
                state.fail(CommandFailure.installation("cannot render \(job.fileName): \(error)"))
            }
        }
        progress.finish()
        if let failure = state.failure { throw failure }
        if !quiet {
            let written = state.written.sorted { $0.path < $1.path }
            if written.count <= 24 {
                for url in written { Output.error("wrote \(DisplayPath.of(url))") }
            } else {
                Output.error("wrote \(written.count) documents in \(DisplayPath.of(outputDir))")
            }
        }
        if badFiles > 0 {
            throw CommandFailure.invalid("\(badFiles) of \(files.count) matrix files have errors; the other documents were written (--keep-going)")
        }
    }

    struct Job: Sendable {
        let layout: DocumentLayout
        let format: DocumentFormat
        let fileName: String
    }

    /// Every document to write, compendia first, with file names made unique: two plans of the same
    /// table get `-draft-N`, and any remaining clash a counter.
    func plannedJobs(plans: [ActionPlan], modules: [String: Module], formats: [DocumentFormat], branding: Branding) -> [Job] {
        var jobs: [Job] = []
        if compendium || onlyCompendium {
            for (id, module) in modules.sorted(by: { $0.key < $1.key }) {
                let c = Compendium(plans: plans.filter { $0.moduleID == id }, module: module, language: language)
                let layout = PlanLayout.layout(c, hasLogo: branding.logo != nil)
                for f in formats { jobs.append(Job(layout: layout, format: f, fileName: "\(c.baseName).\(f.fileExtension)")) }
            }
        }
        guard !onlyCompendium else { return jobs }
        var names: [String: Int] = [:]
        for p in plans { names[p.baseName, default: 0] += 1 }
        var used = Set<String>()
        for p in plans {
            var name = p.baseName
            if names[name, default: 0] > 1 { name += "-draft-\(p.draft)" }
            var unique = name
            var n = 2
            while used.contains(unique) {
                unique = "\(name)-\(n)"
                n += 1
            }
            used.insert(unique)
            let layout = PlanLayout.layout(p, hasLogo: branding.logo != nil)
            for f in formats { jobs.append(Job(layout: layout, format: f, fileName: "\(unique).\(f.fileExtension)")) }
        }
        return jobs
    }

    /// Branding and reference documents; any problem with them stops the run before anything is written.
    func documentOptions(_ located: ResourceLocator) throws -> DocumentOptions {
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
        guard let raw = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], !raw.isEmpty else { return nil }
        do {
            return try ArchiveOptions.timestampFromEnvironment()
        } catch {
            throw CommandFailure(message: "\(error)", code: TequioExit.usage)
        }
    }
}

/// The matrix files named on the command line: files as given, folders as their `*.xml` files in
/// name order.
enum MatrixFiles {
    static func collect(_ paths: [String]) throws -> [URL] {
        var result: [URL] = []
        for path in paths {
            let url = URL(fileURLWithPath: path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw CommandFailure.io("\(path): no such file or folder")
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
                let xml = names.filter { $0.lowercased().hasSuffix(".xml") && !$0.hasPrefix(".") }.sorted()
                guard !xml.isEmpty else { throw CommandFailure.invalid("\(path): the folder has no .xml files") }
                result += xml.map { url.appendingPathComponent($0) }
            } else {
                result.append(url)
            }
        }
        var seen = Set<String>()
        return result.filter { seen.insert($0.standardizedFileURL.path).inserted }
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

/// Per input file: its diagnostics, its plan when it is valid, and its module.
private final class ReadOutcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [([Diagnostic], ActionPlan?, Module?)]

    init(count: Int) { slots = Array(repeating: ([], nil, nil), count: count) }

    func set(_ index: Int, _ value: ([Diagnostic], ActionPlan?, Module?)) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var all: [([Diagnostic], ActionPlan?, Module?)] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}

/// What the parallel writers share: files written, the first failure, the progress display.
private final class JobState: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var written: [URL] = []
    private(set) var failure: CommandFailure?

    func done(_ url: URL, _ report: () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        written.append(url)
        report()
    }

    func fail(_ f: CommandFailure) {
        lock.lock()
        defer { lock.unlock() }
        if failure == nil { failure = f }
    }
}
