import Foundation
import TequioModel

/// Runs the package checks on what `tequio build` and `tequio assemble` are about to put in place: an
/// output with an error is a bug in Tequio, so the command stops (exit 70) and the previous files stay.
public struct OutputVerifier: Sendable {
    public let checker: PackageChecker

    public init(checker: PackageChecker) {
        self.checker = checker
    }

    /// The findings that stopped an output.
    public struct Failure: Error, CustomStringConvertible {
        public let path: String
        public let diagnostics: [Diagnostic]
        public var description: String {
            "\(path) did not pass its own checks (a bug in Tequio; the previous file was kept):"
                + diagnostics.prefix(10).map { "\n  \($0.formatted)" }.joined()
        }
    }

    /// Checks the staged file at `staged` as the `expected` kind, naming it `displayPath`; throws
    /// `Failure` when an error is found (warnings pass).
    public func verify(_ staged: URL, displayPath: String, expected: PackageKind) throws {
        let report = checker.check(staged, displayPath: displayPath, expected: expected)
        let errors = report.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { throw Failure(path: displayPath, diagnostics: errors) }
    }
}
