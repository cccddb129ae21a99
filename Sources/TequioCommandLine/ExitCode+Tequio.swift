import ArgumentParser

/// The fixed exit codes of every `tequio` command (sysexits.h values), documented in the README.
public enum TequioExit {
    /// Everything went well (warnings may have been printed).
    public static let success = ExitCode(0)
    /// The input is invalid: errors in a module, a matrix or a spreadsheet (or warnings with `--strict`).
    public static let invalidInput = ExitCode(65)
    /// Bad usage: unknown option, missing argument, bad option value.
    public static let usage = ExitCode(64)
    /// A file could not be read or written.
    public static let ioError = ExitCode(74)
    /// A bug in Tequio or a broken installation (schemas or templates missing).
    public static let internalError = ExitCode(70)
}

/// An error that ends a command with one of the fixed exit codes after printing its message.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    let code: ExitCode

    var description: String { message }

    static func io(_ message: String) -> CommandFailure { CommandFailure(message: message, code: TequioExit.ioError) }
    static func installation(_ message: String) -> CommandFailure {
        CommandFailure(message: message, code: TequioExit.internalError)
    }
    static func invalid(_ message: String) -> CommandFailure {
        CommandFailure(message: message, code: TequioExit.invalidInput)
    }
}
