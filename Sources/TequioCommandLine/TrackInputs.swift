import ArgumentParser
import Foundation
import TequioFaceToFace
import TequioDocuments
import TequioModel
import TequioReaders

/// Tracking files given to `track sheets`, `track report` and `track export`: files or folders of them,
/// each read and checked as `tequio check` does, all of one module (the one given), one file per plan, in
/// the compendium's order (by table name). Nothing is returned, and the problems are printed, when one
/// has an error.
enum TrackInputs {
    static func read(_ paths: [String], module: Module?, schemas: SchemaSet, printer: DiagnosticPrinter) throws -> [TrackedPlan] {
        let files = try AssembleCommand.mapped { () throws(AssembleFailure) in try AssembleAction.collectFiles(paths) }
        let reader = TrackingReader(schemas: schemas)
        let read = files.concurrentMap { reader.read($0) }
        var diagnostics: [Diagnostic] = []
        var plans: [(TrackedPlan, SourceLocation)] = []
        for (located, found) in read {
            diagnostics += found
            guard let located, !found.hasErrors else { continue }
            let p = located.plan
            if let module, p.moduleID != module.id || p.moduleVersion != module.version {
                diagnostics.append(
                    .error(
                        TrackDiagnosticID.wrongModule, "plan '\(p.id)' is tracked for module '\(p.moduleID)' \(p.moduleVersion), not '\(module.id)' \(module.version)",
                        at: located.rootLocation))
                continue
            }
            if let other = plans.first(where: { $0.0.id == p.id }) {
                diagnostics.append(
                    Diagnostic(
                        .error, TrackDiagnosticID.duplicatePlan, "two tracking files of plan '\(p.id)': give each plan once",
                        at: located.rootLocation, notes: [.init(location: other.1, message: "the other file of '\(p.id)'")]))
                continue
            }
            plans.append((p, located.rootLocation))
        }
        printer.print(diagnostics)
        if diagnostics.hasErrors {
            throw CommandFailure.invalid("\(diagnostics.filter { $0.severity == .error }.count) error(s) in the tracking files; nothing was written")
        }
        return sorted(plans.map(\.0))
    }

    /// By table name (then municipality and id), as the compendium orders plans.
    static func sorted(_ plans: [TrackedPlan]) -> [TrackedPlan] {
        let spanish = Locale(identifier: "es")
        return plans.sorted { a, b in
            for (x, y) in [(a.displayName, b.displayName), (a.municipality, b.municipality)] {
                let r = x.compare(y, options: [.numeric, .caseInsensitive], range: nil, locale: spanish)
                if r != .orderedSame { return r == .orderedAscending }
            }
            return a.id < b.id
        }
    }

    /// The zip time of workbooks: `SOURCE_DATE_EPOCH`, else the plans' newest date, else 1980.
    static func timestamp(_ plans: [TrackedPlan]) throws -> Date {
        let newest = plans.flatMap { [$0.created] + $0.updates.map(\.imported) }.compactMap { Timestamp(iso: $0) }.max()
        return DocumentRenderer.timestamp(sourceDateEpoch: try AssembleCommand.sourceDateEpoch(), modified: newest)
    }
}

/// What every `track` command starts from: the installation's schemas and words, the module, and the
/// language it writes in.
struct TrackSetup {
    let located: ResourceLocator
    let schemas: SchemaSet
    let catalogue: StringCatalogue
    let printer: DiagnosticPrinter
    let module: Module
    let language: String

    init(_ resources: ResourceOptions, module: String, language: String?) throws {
        located = try resources.locate()
        schemas = SchemaSet(directory: located.schemas)
        catalogue = try located.catalogue()
        printer = DiagnosticPrinter()
        self.module = try CheckedPlans.module(module, schemas: schemas, printer: printer)
        self.language = try CheckedPlans.language(language, module: self.module)
    }

    /// `--as-of`, or today (`SOURCE_DATE_EPOCH`'s day when it is set).
    static func day(_ asOf: String?) throws -> CalendarDate {
        if let given = asOf.flatMap(CalendarDate.init(iso:)) { return given }
        return CalendarDate(iso: String(ImportTimestamp.string(try AssembleCommand.sourceDateEpoch() ?? Date()).prefix(10)))!
    }

    static func validate(asOf: String?) throws {
        if let asOf, CalendarDate(iso: asOf) == nil { throw ValidationError("--as-of '\(asOf)' is not a date such as 2025-06-30") }
    }
}
