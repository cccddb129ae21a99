import Foundation
import TequioModel
import TequioReaders
import TequioWriters

/// The score files of one round, read and checked together: each against the rubric
/// (`ScoreValidation`), then across files: one round, one file per evaluator, every expected evaluator
/// present, the quorum met, one draft per plan, and only the previous round's advancing plans.
struct RankInputs {
    let rubric: Rubric
    let module: Module
    let round: String
    let advance: Int
    let expected: [String]
    let quorum: Int?
    let previous: RoundResult?

    func quorumNeeded(_ counted: Int) -> Int { quorum ?? ((expected.isEmpty ? counted : expected.count) / 2 + 1) }

    func read(_ files: [URL], schemas: SchemaSet) -> (sheets: [ScoreSheet], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var sheets: [(sheet: ScoreSheet, location: SourceLocation)] = []
        for url in files {
            let (located, found) = ScoreSheetReader(schemas: schemas).read(url)
            diagnostics += found
            guard let located else { continue }
            let checks = ScoreValidation.check(located, against: module)
            diagnostics += checks
            if !checks.hasErrors { sheets.append((located.sheet, located.rootLocation)) }
        }
        var byEvaluator: [String: SourceLocation] = [:]
        var drafts: [String: (draft: Int, evaluator: String)] = [:]
        let advancing = previous.map { Set($0.advancing.map(\.plan)) }
        for (sheet, at) in sheets {
            if sheet.round != round {
                diagnostics.append(
                    .error(ReviewDiagnosticID.otherRound, "these are \(sheet.evaluator)'s scores for round '\(sheet.round)', not '\(round)'", at: at))
            }
            let key = TextTokens.foldedWords(sheet.evaluator).joined(separator: " ")
            if let first = byEvaluator[key] {
                diagnostics.append(
                    .error(ReviewDiagnosticID.duplicateEvaluator, "a second score file from \(sheet.evaluator) (the first is \(first.file))", at: at))
            }
            byEvaluator[key] = at
            for plan in sheet.plans {
                if let advancing, !advancing.contains(plan.id) {
                    diagnostics.append(
                        .error(
                            ReviewDiagnosticID.unknownPlan,
                            "\(plan.table) did not advance from round '\(previous!.round)': it is not scored in this round", at: at))
                }
                if let known = drafts[plan.id], known.draft != plan.draft {
                    diagnostics.append(
                        .error(
                            ReviewDiagnosticID.otherDraft,
                            "\(sheet.evaluator) scored draft \(plan.draft) of \(plan.table), \(known.evaluator) draft \(known.draft): score one draft",
                            at: at))
                } else {
                    drafts[plan.id] = (plan.draft, sheet.evaluator)
                }
            }
        }
        for name in expected where byEvaluator[TextTokens.foldedWords(name).joined(separator: " ")] == nil {
            diagnostics.append(.error(ReviewDiagnosticID.noSheet, "\(name) is expected to score round '\(round)' but has no score file", at: nil))
        }
        if let advancing {
            for plan in advancing.sorted() where drafts[plan] == nil {
                diagnostics.append(
                    .error(ReviewDiagnosticID.missingScore, "plan '\(plan)' advanced from round '\(previous!.round)' but nobody scored it", at: nil))
            }
        }
        let needed = quorumNeeded(sheets.count)
        if sheets.count < needed {
            diagnostics.append(
                .error(ReviewDiagnosticID.noSheet, "\(sheets.count) valid score file\(sheets.count == 1 ? "" : "s"), fewer than the quorum of \(needed)", at: nil))
        }
        return (sheets.map(\.sheet), diagnostics)
    }
}

/// The round's ranking as a Markdown table on standard output, in the round's language.
enum RankTable {
    static func render(_ r: RoundResult, rubric: Rubric, catalogue: StringCatalogue) -> String {
        let language = r.language
        let strings = LocalizedStrings(catalogue, language: language)
        let names = rubric.criteria.map { $0.title.resolved(language) ?? $0.id }
        func n(_ v: Double) -> String { RoundResultWriter.number(v) }
        var lines = [strings("review.rank.heading", r.round, String(r.evaluators.count), String(r.quorum), String(r.advance)), ""]
        var header = "| \(strings("document.record.rank")) | \(strings("document.record.plan")) | \(strings("review.rank.total")) |"
        if r.normalised { header += " z |" }
        header += names.map { " \(strings("review.rank.criterion", $0)) |" }.joined() + " \(strings("document.record.status")) |"
        lines.append(header)
        lines.append("|" + String(repeating: " --- |", count: header.filter { $0 == "|" }.count - 1))
        for e in r.ranking.entries {
            var row = "| \(e.rank.map { "\($0)\(e.tied ? "=" : "")" } ?? "–") | \(e.table) | \(n(e.total)) |"
            if r.normalised { row += " \(e.normalisedTotal.map(n) ?? "–") |" }
            for s in e.statistics {
                row += " \(n(s.mean)), \(n(s.median)), \(s.minimum)–\(s.maximum), \(s.count)\(s.disagreement ? " ⚠" : "") |"
            }
            var status = strings.rankingStatus(e.status)
            if e.status == .ineligible { status += " (\(e.failedGates.joined(separator: ", ")))" }
            if !e.recused.isEmpty { status += "; " + strings("review.rank.recused", e.recused.joined(separator: ", ")) }
            lines.append(row + " \(status) |")
        }
        if r.ranking.entries.contains(where: { $0.statistics.contains(where: \.disagreement) }) {
            lines.append("")
            lines.append("⚠ " + strings("document.record.disagreementRule", n(rubric.disagreementSpread)))
        }
        return lines.joined(separator: "\n")
    }
}
