import Foundation
import TequioModel
import TequioWriters

/// The tracking workbook of a set of plans, as XLSX and ODS, in one language: the same bytes on every run
/// for the same date.
public enum TrackingSheets {
    /// `seguimiento-<module>`, the stem of the workbook's files.
    public static func fileStem(moduleID: String) -> String { "seguimiento-\(Slug.make(moduleID, fallback: "modulo"))" }

    /// File name → bytes: `<stem>.xlsx` and `<stem>.ods`.
    public static func render(
        _ plans: [TrackedPlan], module: Module, language: String, paper: PaperSize = .a4, date: Date, catalogue: StringCatalogue
    ) throws -> [String: Data] {
        let book = workbook(plans, module: module, language: language, catalogue: catalogue)
        let stem = fileStem(moduleID: module.id)
        return [
            "\(stem).xlsx": try XLSXWriter(workbook: book, paper: paper).data(date: date),
            "\(stem).ods": try ODSWriter(workbook: book, paper: paper).data(date: date),
        ]
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
