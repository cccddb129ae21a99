import ArgumentParser

/// The committee's decision: scoring sheets, rankings, the decision record (docs/committee-decision.md).
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "The donor committee's decision: rank the plans of a round from the evaluators' scores.",
        subcommands: [ReviewRankCommand.self])
}
