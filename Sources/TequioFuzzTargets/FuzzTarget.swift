import Foundation
import TequioModel

/// One reader of untrusted bytes, as a fuzzer and the regression tests drive it.
///
/// `run` takes one input, maps it onto what the reader reads (a file, a folder, a zip), calls the
/// same entry point the command line uses, and returns what the reader reported. It must never
/// crash, leak or hang for any input; where the code promises more than "no crash" (a refused input
/// always comes with an error; nothing is read from outside the module folder; a refused archive
/// leaves no trace), `run` checks it with `FuzzCheck.require`, so a broken promise is a finding too.
public struct FuzzTarget: Sendable {
    /// The name used by `scripts/fuzz NAME SECONDS`, the corpus folder `Tests/Fuzz/Corpus/NAME/` and
    /// the regression folder `Tests/Fuzz/Regressions/NAME/`.
    public let name: String
    /// One line for `scripts/fuzz --list` and docs/fuzzing.md.
    public let summary: String
    /// libFuzzer options that suit the format (`-max_len=…`); `scripts/fuzz` adds its own defaults.
    public let options: [String]
    public let run: @Sendable (Data) -> FuzzOutcome

    public init(name: String, summary: String, options: [String] = [], run: @escaping @Sendable (Data) -> FuzzOutcome) {
        self.name = name
        self.summary = summary
        self.options = options
        self.run = run
    }
}

/// What a reader said about one input.
public struct FuzzOutcome: Sendable {
    /// True when the reader accepted the input (a module, a matrix, an archive, imported matrices).
    public var accepted: Bool
    /// Diagnostics (or the error thrown, as one diagnostic) in the reader's order.
    public var diagnostics: [Diagnostic]

    public init(accepted: Bool, diagnostics: [Diagnostic]) {
        self.accepted = accepted
        self.diagnostics = diagnostics
    }
}

/// Every fuzz target. **To add one** (for example the package checker): write an enum with a
/// `static let target = FuzzTarget(name:summary:options:run:)` in this folder (copy `MatrixTarget.swift`,
/// the shortest), add it to this list, and put a few seed files in `Tests/Fuzz/Corpus/<name>/`.
/// `scripts/fuzz`, the smoke run and the regression tests pick it up from here; see docs/fuzzing.md.
public enum FuzzTargets {
    public static let all: [FuzzTarget] = [
        ModuleTarget.target,
        MatrixTarget.target,
        ZipTarget.target,
        SpreadsheetTargets.xlsx,
        SpreadsheetTargets.ods,
        SpreadsheetTargets.csv,
        PackageCheckTarget.target,
        DocumentTargets.branding,
        DocumentTargets.docxReference,
        DocumentTargets.odtReference,
        ReviewTargets.reviewed,
        ReviewTargets.scores,
        ReviewTargets.scoreCSV,
        ReviewTargets.rounds,
        TrackingTarget.target,
    ]

    public static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }
}

/// Promises the readers make beyond "no crash", checked on every input.
public enum FuzzCheck {
    /// Stops the process (libFuzzer records the input as a crash) when `condition` is false.
    public static func require(
        _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line
    ) {
        guard !condition() else { return }
        FileHandle.standardError.write(Data("fuzz check failed: \(message())\n".utf8))
        fatalError("fuzz check failed: \(message())", file: file, line: line)
    }

    /// A refused input must say why: at least one error.
    public static func refusalHasError(_ accepted: Bool, _ diagnostics: [Diagnostic], _ what: String) {
        require(accepted || diagnostics.hasErrors, "\(what) refused the input without an error: \(diagnostics.map(\.formatted))")
    }
}
