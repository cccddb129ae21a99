import Foundation
import TequioDocuments
import TequioPackageCheck
import TequioReaders
import ZipSupport

/// The package checks `build` and `assemble` run on each file they stage, before it replaces the old
/// one: a finding is a bug in Tequio (exit 70) and every previous output stays (`--no-verify` skips it).
enum OutputChecks {
    /// A verify hook for `OutputStage` that checks each staged file as the kind its final name maps to in
    /// `kinds` (files not in the map, such as HTML and Markdown plans, pass unchecked); every object of a
    /// PDF is read back as a viewer finds its objects (`PDFVerification`).
    static func hook(_ located: ResourceLocator, kinds: @escaping @Sendable (URL) -> PackageKind?) -> OutputStage.Verify {
        PackageChecker.removeStaleScratch()
        let verifier = OutputVerifier(checker: PackageChecker(schemas: OfficialSchemas(directory: located.officialSchemas)))
        return { staged, final in
            if final.pathExtension.lowercased() == "pdf" {
                try PDFVerification.verify(staged, displayPath: DisplayPath.of(final))
                return
            }
            guard let kind = kinds(final) else { return }
            try verifier.verify(staged, displayPath: DisplayPath.of(final), expected: kind)
        }
    }

    /// Documents `assemble` writes, by extension.
    static func documentKind(_ url: URL) -> PackageKind? {
        switch url.pathExtension.lowercased() {
        case "docx": .docx
        case "odt": .odt
        default: nil
        }
    }

    /// Writes `outputs` through `OutputStage` with `verify`: a failed check is a bug (exit 70), any other
    /// failure a file that could not be written (exit 74).
    static func write(_ outputs: [OutputFile], verify: OutputStage.Verify?) throws {
        do {
            try OutputStage(verify: verify).write(outputs)
        } catch let error as OutputVerificationError {
            throw CommandFailure.installation("\(error)")
        } catch {
            throw CommandFailure.io("\(error)")
        }
    }

    /// Writes several independent sets of files on every core, each set whole or not at all (as
    /// `assemble` writes each plan's documents); the first failure is thrown once all have finished.
    static func write(sets: [[OutputFile]], verify: OutputStage.Verify?) throws {
        let failures = sets.concurrentMap { set -> CommandFailure? in
            do {
                try write(set, verify: verify)
                return nil
            } catch {
                return error as? CommandFailure ?? CommandFailure.io("\(error)")
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
    }
}
