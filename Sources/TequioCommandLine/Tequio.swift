import ArgumentParser
import XMLSupport

/// The `tequio` command: author, check, build and assemble Action Learning modules.
public struct Tequio: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "tequio",
        abstract: "Author, check and package Action Learning course modules; assemble action plans.",
        version: TequioVersion.current,
        subcommands: []
    )

    public init() {}
}

public enum TequioVersion {
    public static let current = "0.1.0"
}
