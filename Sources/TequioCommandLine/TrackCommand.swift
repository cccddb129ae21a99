import ArgumentParser

/// `tequio track`: the implementation phase (docs/implementation.md): the winning plans become tracked
/// commitments, progress comes in as dated updates, and the committee and donors get reports and an
/// IATI file.
struct TrackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "track",
        abstract: "Follow the winning plans' implementation: tracking files and workbooks, progress reports, IATI export.",
        subcommands: [TrackInitCommand.self, TrackSheetsCommand.self, TrackReportCommand.self, TrackExportCommand.self])
}
