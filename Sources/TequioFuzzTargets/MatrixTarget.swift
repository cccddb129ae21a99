import Foundation
import TequioModel
import TequioReaders

/// A completed-matrix file as `tequio check --module modules/oaxaca-agua FILE` reads it:
/// `CompletedMatrixReader.read` (safe parse, schema), then `CompletedMatrixValidation.check` against
/// the example module. Checked: a refused file has an error.
enum MatrixTarget {
    static let target = FuzzTarget(
        name: "matrix", summary: "completed-matrix XML via CompletedMatrixReader + CompletedMatrixValidation",
        options: ["-max_len=32768"], run: run)

    private static let file = FuzzEnvironment.scratch("matrix").appendingPathComponent("matrix.xml")

    static func run(_ data: Data) -> FuzzOutcome {
        let module = FuzzEnvironment.exampleModule
        FuzzEnvironment.write(data, to: file)
        let (located, diagnostics) = CompletedMatrixReader(schemas: FuzzEnvironment.schemas).read(file)
        FuzzCheck.refusalHasError(located != nil, diagnostics, "CompletedMatrixReader")
        guard let located else { return FuzzOutcome(accepted: false, diagnostics: diagnostics) }
        let all = diagnostics + CompletedMatrixValidation.check(located, against: module)
        return FuzzOutcome(accepted: !all.hasErrors, diagnostics: all)
    }
}
