import Foundation
import TequioModel
import TequioPackageCheck

/// Any zip as `tequio check FILE` reads it: `PackageChecker.check` with the official schemas. The
/// first byte picks the file's extension (zip, epub, docx, xlsx, odt, ods), so the extension hints and
/// kind-mismatch paths are reached too; the rest is the file. Checked: the checker always answers, and
/// a file it could not recognise always comes with an error.
enum PackageCheckTarget {
    static let target = FuzzTarget(
        name: "package", summary: "any package or document via PackageChecker (tequio check FILE)",
        options: ["-max_len=65536"], run: run)

    private static let extensions = ["zip", "epub", "docx", "xlsx", "odt", "ods"]
    private static let base = FuzzEnvironment.scratch("package")
    private static let checker = PackageChecker(
        schemas: OfficialSchemas(directory: FuzzEnvironment.root.appendingPathComponent("schemas/official")))

    static func run(_ data: Data) -> FuzzOutcome {
        let pick = data.first.map { Int($0) % extensions.count } ?? 0
        let file = base.appendingPathComponent("input.\(extensions[pick])")
        FuzzEnvironment.write(data.dropFirst(), to: file)
        let report = checker.check(file, displayPath: "input.\(extensions[pick])")
        FuzzCheck.refusalHasError(report.kind != nil, report.diagnostics, "PackageChecker")
        return FuzzOutcome(accepted: report.kind != nil && !report.diagnostics.hasErrors, diagnostics: report.diagnostics)
    }
}
