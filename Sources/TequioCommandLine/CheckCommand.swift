import ArgumentParser
import Foundation
import TequioModel
import TequioPackageCheck
import TequioReaders
import XMLSupport
import ZipSupport

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check modules, completed matrices, packages and documents, and report every problem.",
        discussion: """
            Each PATH is a module folder, a module.xml file, a completed-matrix file exported by the \
            player or written by `tequio import`, a folder of such files, or a package or document: \
            a .zip (SCORM 1.2, SCORM 2004, cmi5, IMS CP, web bundle), .epub, .docx, .xlsx, .odt or .ods, \
            from Tequio or any other tool. Problems are printed on stderr as
              path:line:col: severity: message [identifier]
            and inside packages as  package.zip!imsmanifest.xml:12:7: ...
            Completed matrices are checked against their schema and against the module's matrix \
            definition; the module is found with --module or as modules/<module id>. Packages are \
            checked against the official schemas of their format and the rules schemas miss \
            (docs/package-check.md).

            Exit codes: 0 clean (warnings allowed), 65 errors found (or warnings with --strict), \
            74 a file could not be read, 64 bad usage, 70 broken installation.

            Examples:
              tequio check modules/oaxaca-agua
              tequio check --strict modules/oaxaca-agua/module.xml
              tequio check --format json modules/*/ > report.json
              tequio check --module modules/oaxaca-agua oaxaca-agua-mesa-3-2026-11-29.xml
              tequio check examples/matrices
              tequio check dist/oaxaca-agua-1.0.0-scorm12.zip curso-de-otro-proveedor.zip
              tequio check dist/plans/oaxaca-agua-compendium.docx
            """)

    @Argument(help: ArgumentHelp("Module folders, module.xml files or completed-matrix files.", valueName: "path"))
    var paths: [String]

    @Option(name: .long, help: "Output format: text (on stderr) or json (on stdout).")
    var format: DiagnosticPrinter.Format = .text

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("The module that completed matrices belong to.", valueName: "module"))
    var module: String?

    @Flag(name: .long, help: "Print nothing when there are no problems (no summary line).")
    var quiet = false

    @OptionGroup var resources: ResourceOptions

    func run() throws {
        let located = try resources.locate()
        XMLLibrary.freeDocuments = false  // the process ends right after the check
        let checker = Checker(
            schemas: SchemaSet(directory: located.schemas),
            packages: PackageChecker(schemas: OfficialSchemas(directory: located.officialSchemas)), moduleOverride: module)
        var all: [Diagnostic] = []
        var fileCount = 0
        for path in paths {
            let outcome = checker.check(URL(fileURLWithPath: path))
            all += outcome.diagnostics
            fileCount += outcome.files
        }
        var printer = DiagnosticPrinter(format: format)
        if format == .json { printer.colour = false }
        printer.print(all)
        if format == .text && (!quiet || !all.isEmpty) {
            Output.error(DiagnosticPrinter.summary(all, files: fileCount))
        }
        // Only unreadable input: an I/O failure. Any error about the content: invalid input.
        let errors = all.filter { $0.severity == .error }
        if !errors.isEmpty && errors.allSatisfy({ Self.unreadable.contains($0.identifier) }) {
            throw TequioExit.ioError
        }
        if all.hasErrors || (strict && all.hasWarnings) { throw TequioExit.invalidInput }
    }

    /// The identifiers that say an input could not be read, rather than that it is wrong.
    static let unreadable: Set<String> = Set(
        [XMLDiagnosticID.io.rawValue, ZipDiagnosticID.io.rawValue, ModuleDiagnosticID.io.rawValue, ModuleDiagnosticID.notFound.rawValue])
}

extension DiagnosticPrinter.Format: ExpressibleByArgument {}
