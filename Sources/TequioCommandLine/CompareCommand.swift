import ArgumentParser
import Foundation
import TequioDocuments
import TequioModel
import TequioReaders

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Show what changed between drafts of one table's matrix, as tracked changes (\(DocumentFormat.allCases.map(\.title).joined(separator: ", "))).",
        discussion: """
            Writes the action plan of the newest draft with every change since the oldest, as the \
            reader's own tracked changes: revisions in Word (DOCX), tracked changes in LibreOffice \
            (ODT), <ins>/<del> in HTML, CriticMarkup in Markdown. Accepting every change gives the \
            newest draft's plan; rejecting every change gives the oldest's. A summary under the title \
            counts, per draft, the rows changed, added, removed and moved and the words inserted and \
            deleted.

            The comparison is made on the matrix, not on the text: rows are matched by what they say, \
            so a reworded or reordered row is the same row (changed, or moved), cells by column, and \
            text word by word inside each cell. Each change carries the name of the table that made \
            the draft (or --author) and the draft's date; with more than two drafts each step keeps \
            its own.

            The drafts must be of one module's matrix. They are taken in order of their draft number \
            (a warning says so when the files were given in another order, or when a later draft has \
            an earlier date). The file is named <module>-<table>-cambios-<first>-<last>.<format>.

            Exit codes: 0 success, 65 invalid drafts or module, 64 bad usage, 74 a file could not be \
            read or written, 70 broken installation.

            Examples:
              tequio compare mesa-1-borrador-2.xml mesa-1-borrador-3.xml --module modules/oaxaca-agua
              tequio compare b1.xml b2.xml b3.xml --format docx -o revision --author "Comité"
            """)

    @Argument(help: ArgumentHelp("Two or more drafts of one table's completed matrix, oldest first.", valueName: "draft"))
    var drafts: [String]

    @Option(name: .long, help: ArgumentHelp("The module the drafts belong to (default: modules/<module id>).", valueName: "module"))
    var module: String?

    @Option(name: .long, help: ArgumentHelp("The name every change is credited to (default: each draft's table).", valueName: "name"))
    var author: String?

    @OptionGroup var documents: DocumentOutputOptions
    @OptionGroup var resources: ResourceOptions

    func validate() throws {
        guard drafts.count >= 2 else { throw ValidationError("give at least two drafts to compare") }
        if let author, author.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--author is empty") }
    }

    func run() throws {
        let located = try resources.locate()
        let schemas = SchemaSet(directory: located.schemas)
        let printer = DiagnosticPrinter()
        let set = try DraftReader(schemas: schemas, moduleFolder: module).read(drafts.map { URL(fileURLWithPath: $0) })
        printer.print(set.diagnostics)
        guard let ordered = set.drafts else { throw CommandFailure.invalid("the drafts have errors; nothing was written") }

        let catalogue = try located.catalogue()
        let plans = ordered.map { ActionPlan(matrix: $0.matrix, module: set.module!, catalogue: catalogue, source: $0.path) }
        let options = try AssembleCommand.documentOptions(located, branding: documents.branding, referenceDoc: [])
        let layout = ComparisonLayout.layout(plans, author: author, hasLogo: options.branding.logo != nil)
        try documents.write(layout, name: ComparisonLayout.fileName(plans), located: located, options: options, catalogue: catalogue)
    }
}
