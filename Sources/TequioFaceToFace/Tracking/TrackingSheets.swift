import Foundation
import TequioModel
import TequioReaders
import TequioWriters
import ZipSupport

/// The tracking workbook of a set of plans, as XLSX and ODS, in one language: one workbook with a sheet
/// per plan, or one workbook per plan; the same bytes on every run for the same date.
public enum TrackingSheets {
    /// `seguimiento-<module>`, the stem of the workbook of all the plans.
    public static func fileStem(moduleID: String) -> String { "seguimiento-\(Slug.make(moduleID, fallback: "modulo"))" }

    /// A workbook too large for the spreadsheet import to read back (its ODS `content.xml` over the
    /// import's limit): write one workbook per plan instead.
    public struct TooLarge: Error, CustomStringConvertible {
        public let plans: Int
        public let bytes: Int
        public var description: String {
            "the tracking workbook of \(plans) plans would be \(bytes >> 20) MB, more than `tequio import` reads (\(SpreadsheetFile.xmlLimits.maxFileBytes >> 20) MB): write one workbook per plan with --per-plan"
        }
    }

    /// File name → bytes: `<stem>.xlsx` and `<stem>.ods`, for all the plans or (`perPlan`) for each,
    /// named after its tracking file (`seguimiento-<plan>.xlsx`).
    public static func render(
        _ plans: [TrackedPlan], module: Module, language: String, perPlan: Bool = false, paper: PaperSize = .a4, date: Date,
        catalogue: StringCatalogue
    ) throws -> [String: Data] {
        let sets = perPlan ? plans.map { ([$0], "seguimiento-\($0.id)") } : [(plans, fileStem(moduleID: module.id))]
        // Each workbook on its own, on every core.
        let rendered = sets.concurrentMap { group, stem in
            Result { () throws -> [String: Data] in
                let book = workbook(group, module: module, language: language, catalogue: catalogue)
                let ods = try ODSWriter(workbook: book, paper: paper).files()
                let size = ods["content.xml"]?.count ?? 0
                guard size <= SpreadsheetFile.xmlLimits.maxFileBytes else { throw TooLarge(plans: group.count, bytes: size) }
                return [
                    "\(stem).ods": try ArchiveWriter.data(for: ods, options: ArchiveOptions(timestamp: date, firstEntry: "mimetype")),
                    "\(stem).xlsx": try XLSXWriter(workbook: book, paper: paper).data(date: date),
                ]
            }
        }
        var files: [String: Data] = [:]
        for result in rendered { files.merge(try result.get()) { a, _ in a } }
        return files
    }

    /// The parts of the XLSX and ODS packages (for tests).
    public static func parts(_ plans: [TrackedPlan], module: Module, language: String, catalogue: StringCatalogue) throws -> (xlsx: FileTree, ods: FileTree) {
        let book = workbook(plans, module: module, language: language, catalogue: catalogue)
        return (try XLSXWriter(workbook: book, paper: .a4).files(), try ODSWriter(workbook: book, paper: .a4).files())
    }

    static func workbook(_ plans: [TrackedPlan], module: Module, language: String, catalogue: StringCatalogue) -> TrackingWorkbook {
        TrackingWorkbook(
            plans: plans, moduleID: module.id, moduleVersion: module.version,
            moduleTitle: module.metadata.title.resolved(language, fallbacks: module.languages) ?? "", language: language,
            strings: TrackingStrings(catalogue, language: language))
    }
}
