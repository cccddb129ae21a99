import ArgumentParser
import Foundation
import TequioDocuments
import TequioModel
import TequioReaders

struct ReviewRecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Write the decision record the committee signs, from the round files of one decision.",
        discussion: """
            ROUNDS are the round files `tequio review rank` wrote (or folders of them), in any order: \
            they are put in chain order (each round follows the one named by its --previous). The \
            record has, per round: the evaluators and the quorum, the ranking table (weighted total, \
            rank, each criterion's mean with its lowest and highest score and count, the plans listed \
            apart for a failed gate, the ties and how they were broken), a chart of the totals with \
            each evaluator's spread, the disagreements, the rationale and any departure from the \
            ranking. Before them the criteria and weights and the decision (the last round's advancing \
            plans and the commitment of support given to `review rank --commitment`); after them a \
            signature block (every evaluator, then each --member) and the annexes: every evaluator's \
            scores with their justifications, and the conflict-of-interest declarations.

            The chart is SVG in HTML, vector shapes in DOCX, ODT and PDF; Markdown has the tables. \
            The file is <module>-acta-comite.<format> (<module>-committee-record in English).

            Nothing is written when the rounds do not make one chain (a round missing, two files of a \
            round, a later round ranking a plan that did not advance), when a round was ranked with \
            another module, rubric or a rubric changed since, or when a round file keeps no \
            evaluator's sheet (written before Tequio kept them: rank it again).

            Exit codes: 0 written, 65 invalid or unchained rounds, 64 bad usage, 74 a file could not be \
            read or written, 70 broken installation.

            Examples:
              tequio review record decision/ --module modules/oaxaca-agua
              tequio review record r1.xml r2.xml --module modules/oaxaca-agua \\
                  --format docx,pdf --language en --member "Marta Gil:Secretary"
            """)

    @Argument(help: ArgumentHelp("Round files written by `tequio review rank`, or folders of them.", valueName: "rounds"))
    var rounds: [String]

    @Option(name: .long, help: ArgumentHelp("The module whose rubric the rounds were ranked with.", valueName: "dir"))
    var module: String

    @Option(name: .long, help: ArgumentHelp("Language of the record (default: the module's first language).", valueName: "tag"))
    var language: String?

    @Option(
        name: .long,
        help: ArgumentHelp("A committee member on the signature block, NAME or NAME:ROLE (repeatable); an evaluator's name gives their role.", valueName: "member"))
    var member: [String] = []

    @OptionGroup var documents: DocumentOutputOptions
    @OptionGroup var resources: ResourceOptions

    func validate() throws {
        for m in member where Self.parseMember(m) == nil { throw ValidationError("--member '\(m)': write NAME or NAME:ROLE") }
    }

    static func parseMember(_ text: String) -> DecisionRecord.Member? {
        let parts = text.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let name = parts.first, !name.isEmpty else { return nil }
        return DecisionRecord.Member(name: name, role: parts.count > 1 ? parts[1] : "")
    }

    func run() throws {
        let located = try resources.locate()
        let schemas = SchemaSet(directory: located.schemas)
        let printer = DiagnosticPrinter()
        let read = ModuleCache.shared.read(URL(fileURLWithPath: module), schemas: schemas)
        printer.print(read.diagnostics.filter { $0.severity == .error })
        guard let loaded = read.module else { throw CommandFailure.invalid("\(module) has errors; nothing was written") }
        guard loaded.rubric != nil else {
            throw CommandFailure.invalid("module '\(loaded.id)' has no <rubric>: add one (docs/module-format.md, \"The rubric\") [\(ReviewDiagnosticID.noRubric.rawValue)]")
        }
        let language = self.language ?? loaded.mainLanguage
        guard loaded.languages.contains(language) else {
            throw CommandFailure(message: "--language \(language): module '\(loaded.id)' is written in \(loaded.languages.joined(separator: ", "))", code: TequioExit.usage)
        }
        let files = try AssembleCommand.mapped { () throws(AssembleFailure) in try AssembleAction.collectFiles(rounds) }
        let reader = RoundResultReader(schemas: schemas)
        var diagnostics: [Diagnostic] = []
        var found: [RoundResultReader.Located] = []
        for url in files {
            let (file, problems) = reader.locate(url)
            diagnostics += problems
            if let file { found.append(file) }
        }
        var chain: [RoundResult]?
        if !diagnostics.hasErrors {
            let ordered = RoundChain.order(found, module: loaded)
            diagnostics += ordered.diagnostics
            chain = ordered.rounds
        }
        printer.print(diagnostics)
        guard let chain, !diagnostics.hasErrors else { throw CommandFailure.invalid("the rounds cannot make a decision record; nothing was written") }

        let catalogue = try located.catalogue()
        let options = try AssembleCommand.documentOptions(located, branding: documents.branding, referenceDoc: [])
        let record = DecisionRecord(rounds: chain, module: loaded, language: language, catalogue: catalogue, members: member.compactMap(Self.parseMember))
        let layout = RecordLayout.layout(record, hasLogo: options.branding.logo != nil)
        try documents.write(layout, name: record.fileName, folder: "dist/decision", located: located, options: options, catalogue: catalogue)
    }
}
