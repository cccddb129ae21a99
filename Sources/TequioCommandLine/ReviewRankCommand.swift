import ArgumentParser
import Foundation
import TequioDocuments
import TequioFaceToFace
import TequioModel
import TequioReaders
import TequioWriters
import ZipSupport

struct ReviewRankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rank",
        abstract: "Rank the plans of one round from the evaluators' score files and write the round's result.",
        discussion: """
            For each plan and criterion: the mean, median, lowest and highest score and how many \
            evaluators scored it (an evaluator who declared a conflict of interest on a plan is left out \
            of that plan); the weighted total on the rubric's scale; the rank, ties broken by the \
            rubric's tie-breaker and otherwise reported. A criterion whose scores spread by the rubric's \
            disagreement threshold or more (2 points by default) is flagged for the committee to discuss \
            before the result stands. Plans that fail an eligibility gate (most evaluators answered no) \
            are listed apart. --normalise also shows each evaluator's scores as z-scores beside the raw \
            figures. The first --advance plans advance and as many more form the reserve list.

            Rounds chain: --previous ronda-1.xml makes this round score only the plans that advanced \
            there (8 → 4 → 3 → 2, as in the Oaxaca program). Each score keeps the draft it was given on.

            Nothing is written when the input would give a ranking that only looks valid: a score file \
            of another round, rubric or module, a rubric changed after the scores were given (the \
            criterion is named), two files of one evaluator, an expected evaluator (--evaluator) with no \
            file, fewer eligible plans than --advance, scores on different drafts of a plan.

            Examples:
              tequio review rank --module modules/oaxaca-agua puntajes/ --round "Ronda 1" --advance 4
              tequio review rank --module modules/oaxaca-agua ronda-2/ --round "Ronda 2" --advance 3 \\
                  --previous decision/ronda-ronda-1.xml --note fundamentos.txt --normalise
            """)

    @Argument(help: ArgumentHelp("Score files (written by `tequio import` from scoring workbooks), or folders of them.", valueName: "scores"))
    var scores: [String]

    @Option(name: .long, help: ArgumentHelp("The module whose rubric the plans were scored with.", valueName: "module"))
    var module: String

    @Option(name: .long, help: ArgumentHelp("The round's name, as the score files give it.", valueName: "name"))
    var round: String

    @Option(name: .long, help: ArgumentHelp("How many plans advance.", valueName: "n"))
    var advance: Int

    @Option(name: .long, help: ArgumentHelp("The previous round's result: only its advancing plans are scored here.", valueName: "file"))
    var previous: String?

    @Option(name: .long, help: ArgumentHelp("A text file with the committee's rationale, kept in the result.", valueName: "file"))
    var note: String?

    @Option(
        name: .long,
        help: ArgumentHelp("A text file with the committee's commitment of support to the plans it selects (the last round's), for the decision record.", valueName: "file"))
    var commitment: String?

    @Option(name: .long, help: ArgumentHelp("A committee member expected to score (repeatable): each must have a score file.", valueName: "name"))
    var evaluator: [String] = []

    @Option(name: .long, help: ArgumentHelp("Score files needed for the result to stand (default: more than half of the expected evaluators).", valueName: "n"))
    var quorum: Int?

    @Option(
        name: .long,
        help: ArgumentHelp("A departure from the ranking decided by the committee: PLAN:advances|reserve|out:REASON (repeatable).", valueName: "decision"))
    var departure: [String] = []

    @Flag(name: .long, help: "Show each evaluator's scores normalised to z-scores beside the raw figures.")
    var normalise = false

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Folder for the round's result.", valueName: "dir"))
    var output: String = "dist/decision"

    @OptionGroup var resources: ResourceOptions

    func validate() throws {
        guard advance > 0 else { throw ValidationError("--advance must be at least 1") }
        for d in departure where Self.parseDeparture(d) == nil {
            throw ValidationError("--departure '\(d)': write PLAN:advances|reserve|out:REASON")
        }
    }

    static func parseDeparture(_ text: String) -> (plan: String, to: Ranking.Status, reason: String)? {
        let parts = text.split(separator: ":", maxSplits: 2).map { String($0).trimmingCharacters(in: .whitespaces) }
        guard parts.count == 3, let status = Ranking.Status(rawValue: parts[1]), status != .ineligible, !parts[2].isEmpty else { return nil }
        return (parts[0], status, parts[2])
    }

    /// A text file given on the command line (the rationale, the commitment), trimmed.
    static func text(_ path: String, what: String) throws -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw CommandFailure.io("\(path): cannot read \(what) (UTF-8 text)") }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func now() throws -> Date {
        do {
            return try ImportTimestamp.now()
        } catch {
            throw CommandFailure(message: "\(error)", code: TequioExit.usage)
        }
    }

    func run() throws {
        let located = try resources.locate()
        let schemas = SchemaSet(directory: located.schemas)
        let printer = DiagnosticPrinter()
        let read = ModuleCache.shared.read(URL(fileURLWithPath: module), schemas: schemas)
        guard let loaded = read.module else {
            printer.print(read.diagnostics.filter { $0.severity == .error })
            throw CommandFailure.invalid("\(module) has errors; nothing was written")
        }
        guard let rubric = loaded.rubric else {
            throw CommandFailure.invalid("module '\(loaded.id)' has no <rubric>: add one (docs/module-format.md, \"The rubric\") [\(ReviewDiagnosticID.noRubric.rawValue)]")
        }
        let files = try AssembleCommand.mapped { () throws(AssembleFailure) in try AssembleAction.collectFiles(scores) }
        var previousRound: RoundResult?
        var diagnostics: [Diagnostic] = []
        if let previous {
            let (result, found) = RoundResultReader(schemas: schemas).read(URL(fileURLWithPath: previous))
            diagnostics += found
            previousRound = result
        }
        let inputs = RankInputs(rubric: rubric, module: loaded, round: round, advance: advance, expected: evaluator, quorum: quorum, previous: previousRound)
        let (sheets, found) = inputs.read(files, schemas: schemas)
        diagnostics += found
        printer.print(diagnostics)
        guard !diagnostics.hasErrors, previous == nil || previousRound != nil else {
            throw CommandFailure.invalid("the scores cannot give a valid ranking; nothing was written")
        }
        var ranking = Ranking(rubric: rubric, sheets: sheets, advance: advance, normalise: normalise)
        let eligible = ranking.entries.filter { $0.status != .ineligible }.count
        guard eligible >= advance else {
            printer.print([
                .error(
                    ReviewDiagnosticID.tooFewPlans, "round '\(round)' has \(eligible) eligible plan\(eligible == 1 ? "" : "s"), fewer than --advance \(advance)",
                    at: nil)
            ])
            throw CommandFailure.invalid("the scores cannot give a valid ranking; nothing was written")
        }
        var departures: [RoundResult.Departure] = []
        for d in departure.compactMap(Self.parseDeparture) {
            guard let index = ranking.entries.firstIndex(where: { $0.plan == d.plan }) else {
                throw CommandFailure(message: "--departure: no plan '\(d.plan)' in round '\(round)'", code: TequioExit.usage)
            }
            departures.append(.init(plan: d.plan, from: ranking.entries[index].status, to: d.to, reason: d.reason))
            ranking.entries[index].status = d.to
        }
        let rationale = try note.map { try Self.text($0, what: "the note") } ?? ""
        let commitment = try self.commitment.map { try Self.text($0, what: "the commitment") } ?? ""
        let result = RoundResult(
            round: round, moduleID: loaded.id, moduleVersion: loaded.version, rubricID: rubric.id,
            criteria: rubric.criteria.map { ($0.id, rubric.fingerprint($0)) }, date: ImportTimestamp.string(try Self.now()), language: loaded.mainLanguage,
            evaluators: sheets.map(\.evaluator), quorum: inputs.quorumNeeded(sheets.count), advance: advance,
            previousRound: previousRound?.round, normalised: normalise, ranking: ranking, rationale: rationale, departures: departures,
            commitment: commitment, sheets: sheets)
        let url = URL(fileURLWithPath: output).appendingPathComponent(RoundResultWriter.fileName(result))
        do {
            try OutputStage().write([OutputFile(url: url, content: .data(try RoundResultWriter.data(result)))])
        } catch let error as ArchiveError {
            throw CommandFailure.io("\(error)")
        }
        if ranking.tieAtCutoff {
            printer.print([
                .warning(
                    ReviewDiagnosticID.tieAtCutoff,
                    "plans tie at the cutoff after the tie-breaker: the committee must decide (--departure) before the result stands", at: nil)
            ])
        }
        Output.standard(RankTable.render(result, rubric: rubric, catalogue: try located.catalogue()))
        Output.error("wrote \(DisplayPath.of(url))")
    }
}
