import ArgumentParser
import Foundation
import XMLSupport

/// The `tequio` command: author, check, build and assemble Action Learning modules.
public struct Tequio: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "tequio",
        abstract: "Author, check and package Action Learning course modules; assemble action plans.",
        discussion: """
            Exit codes (every command): 0 success, 64 bad usage, 65 invalid input, 70 broken \
            installation or internal error, 74 a file could not be read or written.
            """,
        version: TequioVersion.current,
        subcommands: [
            CheckCommand.self, NewCommand.self, BuildCommand.self, ImportCommand.self, AssembleCommand.self, CompareCommand.self, MergeCommand.self,
            ReviewCommand.self, TrackCommand.self,
        ]
    )

    public init() {}

    /// Entry point used by `main.swift`: parses the arguments, runs the command and exits with one of
    /// the fixed codes of `TequioExit`.
    public static func runAndExit(_ arguments: [String]? = nil) -> Never {
        XMLLibrary.initialize()  // on the main thread, before anything else
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(0)
        } catch let failure as CommandFailure {
            Output.error("tequio: error: \(failure.message)")
            Foundation.exit(failure.code.rawValue)
        } catch {
            exit(withError: error)
        }
    }
}

public enum TequioVersion {
    public static let current = "0.1.0"
}
