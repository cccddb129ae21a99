import ArgumentParser

/// `tequio review`: the donor committee's decision on the action plans (docs/committee-decision.md):
/// scoring sheets for each evaluator, then the ranking of each round.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "The donor committee's decision: scoring sheets for each evaluator, the ranking of each round.",
        subcommands: [ReviewSheetsCommand.self, ReviewRankCommand.self])
}
