import ArgumentParser

/// `tequio review`: the donor committee's scoring of the action plans (docs/committee-decision.md).
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Prepare the donor committee's scoring of the action plans.",
        subcommands: [ReviewSheetsCommand.self])
}
