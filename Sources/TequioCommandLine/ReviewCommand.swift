import ArgumentParser

/// `tequio review`: the donor committee's decision on the action plans (docs/committee-decision.md):
/// scoring sheets for each evaluator, the ranking of each round, and the record the committee signs.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "The donor committee's decision: scoring sheets for each evaluator, the ranking of each round, the decision record.",
        subcommands: [ReviewSheetsCommand.self, ReviewRankCommand.self, ReviewRecordCommand.self])
}
