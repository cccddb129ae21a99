import Foundation
import TequioModel
import TequioReaders
import TequioWriters

/// A tracking file as `tequio check`, `track report` and `tequio import` read it: `TrackingReader.read`
/// (safe parse, schema, `TrackingValidation`). Checked: a refused file has an error, and an accepted plan
/// written again by `TrackingWriter` reads back accepted and equal (what the import relies on when it
/// appends updates).
enum TrackingTarget {
    static let target = FuzzTarget(
        name: "tracking", summary: "tracking files via TrackingReader + TrackingValidation, then a TrackingWriter round trip",
        options: ["-max_len=65536"], run: run)

    private static let file = FuzzEnvironment.scratch("tracking").appendingPathComponent("tracking.xml")

    static func run(_ data: Data) -> FuzzOutcome {
        FuzzEnvironment.write(data, to: file)
        let reader = TrackingReader(schemas: FuzzEnvironment.schemas)
        let (located, diagnostics) = reader.read(file)
        FuzzCheck.refusalHasError(located != nil, diagnostics, "TrackingReader")
        guard let located, !diagnostics.hasErrors else { return FuzzOutcome(accepted: false, diagnostics: diagnostics) }
        let written = try? TrackingWriter.data(located.plan)
        FuzzCheck.require(written != nil, "an accepted tracking file can be written again")
        let (again, found) = reader.read(written ?? Data(), path: "tracking.xml")
        FuzzCheck.require(again != nil && !found.hasErrors, "an accepted tracking file written again is accepted: \(found.map(\.formatted))")
        FuzzCheck.require(again?.plan == located.plan, "an accepted tracking file written again reads back the same plan")
        return FuzzOutcome(accepted: true, diagnostics: diagnostics)
    }
}
