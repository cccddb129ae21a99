import ArgumentParser
import Foundation
import TequioModel
import TequioReaders
import TequioFaceToFace
import TequioWriters
import ZipSupport

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Package a module into distributable zip bundles.",
        discussion: """
            Checks the module first: if it has errors, nothing is written. Each target becomes one zip \
            in the output folder, named <id>-<version>-<target>.zip, byte-identical on every rebuild \
            (entry times come from SOURCE_DATE_EPOCH, else 1980-01-01). Each zip replaces the previous \
            one only once it is complete and has passed the package checks of `tequio check` \
            (--no-verify skips them; a finding is a bug in Tequio, exit 70, and the old files stay).

            Targets: \(BuildTarget.allCases.map(\.rawValue).joined(separator: ", ")), or all.

            --audience facilitator builds the web player and the LMS packages with the slides' speaker \
            notes, named <id>-<version>-<target>-facilitator.zip; the participant's (the default) leaves \
            them out. The e-book is always the participant's; the print kit has the facilitator guide.

            Examples:
              tequio build modules/oaxaca-agua
              tequio build modules/oaxaca-agua --target web,scorm2004 -o /tmp/out
              tequio build modules/oaxaca-agua --target print,sheets --paper letter --tables 12
              tequio build modules/oaxaca-agua --target web --audience facilitator
              SOURCE_DATE_EPOCH=1764400000 tequio build modules/oaxaca-agua --target all
            """)

    @Argument(help: ArgumentHelp("The module folder (or its module.xml).", valueName: "module"))
    var module: String

    @Option(name: .long, help: ArgumentHelp("Comma-separated targets, or all.", valueName: "targets"))
    var target: String = "web"

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Output folder.", valueName: "dir"))
    var output: String = "dist"

    @Option(name: .long, help: "Diagnostics format: text (on stderr) or json (on stdout).")
    var format: DiagnosticPrinter.Format = .text

    @Option(name: .long, help: ArgumentHelp("Paper of the print kit: a4 (blank matrix on A3) or letter (on tabloid).", valueName: "paper"))
    var paper: PaperSize = .a4

    @Option(name: .long, help: ArgumentHelp("Working tables: sign-up pages in the print kit, sheets in the blank spreadsheets (1–50).", valueName: "n"))
    var tables: Int = 8

    @Option(name: .long, help: ArgumentHelp(
        "Who the web player and LMS packages are for: participant (no speaker notes) or facilitator.", valueName: "audience"))
    var audience: Audience = .participant

    @Flag(name: .customLong("no-verify"), help: "Do not run the package checks on the bundles before they replace the old ones.")
    var noVerify = false

    @OptionGroup var resources: ResourceOptions

    func parsedTargets() throws -> [BuildTarget] {
        var result: [BuildTarget] = []
        for name in target.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            if name == "all" {
                result += BuildTarget.allCases
            } else if let t = BuildTarget(rawValue: name) {
                result.append(t)
            } else {
                throw ValidationError("unknown target '\(name)'; known: \(BuildTarget.allCases.map(\.rawValue).joined(separator: ", ")), all")
            }
        }
        guard !result.isEmpty else { throw ValidationError("no target given") }
        return Array(Set(result)).sorted()
    }

    func validate() throws {
        _ = try parsedTargets()
        guard (1...50).contains(tables) else { throw ValidationError("--tables must be from 1 to 50") }
    }

    func run() throws {
        let targets = try parsedTargets()
        let located = try resources.locate()
        var input = try BuildPreparation.prepare(module: module, resources: located, format: format)
        input.audience = audience
        let progress = Progress(total: targets.count)
        var rendered: [(BuildTarget, FileTree, TargetWriter)] = []
        for t in targets {
            let writer = TargetRegistry.writer(for: t, faceToFace: FaceToFaceOptions(paper: paper, tables: tables))
            progress.step("rendering \(t.rawValue)")
            do {
                rendered.append((t, try writer.render(input), writer))
            } catch {
                throw CommandFailure.installation("cannot render \(t.rawValue): \(error)")
            }
        }
        // Every bundle of the build is one output set: all replace their old files, or none does.
        let outputDir = URL(fileURLWithPath: output)
        let outputs = rendered.map { t, tree, writer in
            let url = outputDir.appendingPathComponent(t.archiveName(for: input.module, audience: audience))
            return OutputFile.archive(
                tree, options: ArchiveOptions(timestamp: input.date, firstEntry: writer.firstEntry), to: url,
                displayPath: DisplayPath.of(url))
        }
        progress.step("writing \(outputs.count) bundles")
        let kinds = Dictionary(uniqueKeysWithValues: rendered.map {
            ($0.0.archiveName(for: input.module, audience: audience), TargetRegistry.packageKind(for: $0.0))
        })
        let verify = noVerify ? nil : OutputChecks.hook(located) { kinds[$0.lastPathComponent] }
        try OutputChecks.write(outputs, verify: verify)
        for (output, (_, tree, _)) in zip(outputs, rendered) {
            progress.note("wrote \(output.displayPath) (\(tree.count) files)")
        }
        progress.finish()
    }
}

/// Reads and checks the module, then loads its media and the templates into memory.
enum BuildPreparation {
    static func prepare(module path: String, resources: ResourceLocator, format: DiagnosticPrinter.Format) throws -> BuildInput {
        let schemas = SchemaSet(directory: resources.schemas)
        let result = ModuleReader(schemas: schemas).read(URL(fileURLWithPath: path))
        var printer = DiagnosticPrinter(format: format)
        if format == .json { printer.colour = false }
        if !result.diagnostics.isEmpty { printer.print(result.diagnostics) }
        guard let module = result.module, !result.diagnostics.hasErrors, let directory = result.directory else {
            throw CommandFailure.invalid("\(DisplayPath.of(URL(fileURLWithPath: path))) has errors; nothing was written")
        }
        var assets = FileTree()
        for file in result.mediaFiles {
            let url = directory.appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw CommandFailure.io("cannot read \(DisplayPath.of(url))")
            }
            assets[file] = data
        }
        let date: Date
        do {
            date = try ArchiveOptions.timestampFromEnvironment()
        } catch {
            throw CommandFailure(message: "\(error)", code: TequioExit.usage)
        }
        let templates = try TemplateLoader.load(resources.templates)
        do {
            return try BuildInput(
                module: module, assets: assets, templates: templates, generator: "tequio \(TequioVersion.current)", date: date)
        } catch {
            throw CommandFailure.installation("\(error)")
        }
    }
}

/// Loads the templates folder into memory (hidden files skipped).
enum TemplateLoader {
    static func load(_ root: URL) throws -> FileTree {
        var tree = FileTree()
        let base = root.standardizedFileURL.resolvingSymlinksInPath().path
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else {
            throw CommandFailure.installation("cannot read templates from \(root.path)")
        }
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard path.hasPrefix(base + "/") else { continue }
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw CommandFailure.installation("cannot read template \(url.path)")
            }
            tree[String(path.dropFirst(base.count + 1))] = data
        }
        return tree
    }
}

/// A one-line progress display on a terminal; silent otherwise (logs stay clean).
final class Progress {
    private let total: Int
    private var current = 0
    private let enabled = DiagnosticPrinter.stderrIsTerminal

    init(total: Int) { self.total = total }

    func step(_ label: String) {
        current += 1
        guard enabled else { return }
        let width = 20
        let filled = total > 0 ? min(width, current * width / max(1, total * 2)) : 0
        FileHandle.standardError.write(Data("\r\u{1B}[2K[\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] \(label)".utf8))
    }

    /// Prints `line` on a line of its own: the bar is cleared first and comes back with the next step.
    func note(_ line: String) {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        Output.error(line)
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}

extension PaperSize: ExpressibleByArgument {}
extension Audience: ExpressibleByArgument {}
