import Foundation
import TequioModel

/// The round files of one decision, checked and put in chain order for the decision record: each
/// scored with the module's rubric as it is now and keeping the evaluators' sheets it was ranked from
/// (each sheet checked as `tequio check` checks a score file); together, one chain without gaps or
/// forks, each round ranking only plans that advanced in the round before it.
public enum RoundChain {
    /// The rounds first to last, or nil with the errors found (then nothing may be written).
    public static func order(_ files: [RoundResultReader.Located], module: Module) -> (rounds: [RoundResult]?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        for file in files { diagnostics += check(file, module: module) }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        diagnostics += chainProblems(files)
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        var ordered: [RoundResult] = []
        var next = files.first { $0.result.previousRound == nil }
        while let current = next {
            ordered.append(current.result)
            next = files.first { $0.result.previousRound == current.result.round }
        }
        let chained = Set(ordered.map(\.round))
        let apart = files.filter { !chained.contains($0.result.round) }
        if let first = apart.first {
            diagnostics.append(
                .error(
                    ReviewDiagnosticID.notChained,
                    "rounds \(apart.map { "'\($0.result.round)'" }.joined(separator: ", ")) follow one another but not from round '\(ordered[0].round)': give the rounds of one chain",
                    at: first.rootLocation))
            return (nil, diagnostics)
        }
        return (ordered, diagnostics)
    }

    /// One round file on its own: the module, the rubric and its fingerprints, and the sheets it keeps.
    static func check(_ file: RoundResultReader.Located, module: Module) -> [Diagnostic] {
        let r = file.result
        let at = file.rootLocation
        guard r.moduleID == module.id, r.moduleVersion == module.version else {
            return [
                .error(
                    ReviewDiagnosticID.wrongModule,
                    "round '\(r.round)' was ranked for module '\(r.moduleID)' \(r.moduleVersion), not '\(module.id)' \(module.version)", at: at)
            ]
        }
        guard let rubric = module.rubric else {
            return [.error(ReviewDiagnosticID.noRubric, "module '\(module.id)' has no <rubric> to check the round against", at: at)]
        }
        guard r.rubricID == rubric.id else {
            return [
                .error(ReviewDiagnosticID.otherRubric, "round '\(r.round)' was ranked with rubric '\(r.rubricID)', the module's is '\(rubric.id)'", at: at)
            ]
        }
        var diagnostics = ScoreValidation.rubricChanges(r.criteria, rubric, at: at)
        guard diagnostics.isEmpty else { return diagnostics }
        guard !file.sheets.isEmpty else {
            return [
                .error(
                    ReviewDiagnosticID.noSheets,
                    "round '\(r.round)' keeps no evaluator's sheet (Tequio wrote round files without them before the decision record): rank the round again with `tequio review rank` so that its record can annex every evaluator's scores",
                    at: at)
            ]
        }
        for sheet in file.sheets {
            diagnostics += ScoreValidation.check(sheet, against: module)
            if sheet.sheet.round != r.round {
                diagnostics.append(
                    .error(
                        ReviewDiagnosticID.otherRound, "the sheet of \(sheet.sheet.evaluator) is for round '\(sheet.sheet.round)', not '\(r.round)'",
                        at: sheet.rootLocation))
            }
        }
        let kept = Set(file.sheets.map(\.sheet.evaluator))
        for name in r.evaluators where !kept.contains(name) {
            diagnostics.append(.error(ReviewDiagnosticID.noSheet, "round '\(r.round)' counts \(name) but keeps no sheet of theirs", at: at))
        }
        return diagnostics
    }

    /// Two files of one round, a round whose previous round is missing, two chains, a fork, a plan
    /// ranked that did not advance.
    static func chainProblems(_ files: [RoundResultReader.Located]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var byName: [String: RoundResultReader.Located] = [:]
        for file in files {
            if let first = byName[file.result.round] {
                diagnostics.append(
                    .error(
                        ReviewDiagnosticID.duplicateRound,
                        "a second file of round '\(file.result.round)' (the first is \(first.rootLocation.file)): give one file per round", at: file.rootLocation))
            } else {
                byName[file.result.round] = file
            }
        }
        guard diagnostics.isEmpty else { return diagnostics }
        let starts = files.filter { $0.result.previousRound == nil }
        if starts.count > 1 {
            diagnostics.append(
                .error(
                    ReviewDiagnosticID.notChained,
                    "rounds \(starts.map { "'\($0.result.round)'" }.joined(separator: " and ")) each start a chain (none follows another): give the rounds of one decision",
                    at: starts[1].rootLocation))
        }
        for file in files {
            let r = file.result
            let followers = files.filter { $0.result.previousRound == r.round }
            if followers.count > 1 {
                diagnostics.append(
                    .error(
                        ReviewDiagnosticID.notChained,
                        "rounds \(followers.map { "'\($0.result.round)'" }.joined(separator: " and ")) both follow round '\(r.round)': give the rounds of one chain",
                        at: followers[1].rootLocation))
            }
            guard let previous = r.previousRound else { continue }
            guard let before = byName[previous] else {
                diagnostics.append(
                    .error(
                        ReviewDiagnosticID.missingRound,
                        "round '\(r.round)' follows round '\(previous)', which is not among the round files: give every round of the chain, from the first",
                        at: file.rootLocation))
                continue
            }
            let advanced = Set(before.result.advancing.map(\.plan))
            let strangers = r.ranking.entries.filter { !advanced.contains($0.plan) }.map(\.table)
            if !strangers.isEmpty {
                diagnostics.append(
                    .error(
                        ReviewDiagnosticID.notChained,
                        "round '\(r.round)' ranks \(strangers.joined(separator: ", ")), which did not advance in round '\(previous)': the round files do not chain",
                        at: file.rootLocation))
            }
        }
        if starts.isEmpty, diagnostics.isEmpty, let first = files.first {
            diagnostics.append(
                .error(ReviewDiagnosticID.missingRound, "every round follows another: the first round of the chain is missing", at: first.rootLocation))
        }
        return diagnostics
    }
}
