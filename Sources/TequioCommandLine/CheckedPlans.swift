import Foundation
import TequioDocuments
import TequioModel
import TequioReaders

/// The plans a committee works on (`review sheets`, `track init`): completed-matrix files or folders of
/// them, each checked against the module as `assemble` checks it, one draft per table, in the
/// compendium's order. Nothing is returned (and the problems are printed) when one has an error.
enum CheckedPlans {
    static func read(
        _ paths: [String], module: Module, schemas: SchemaSet, catalogue: StringCatalogue, printer: DiagnosticPrinter
    ) throws -> [ActionPlan] {
        let files = try AssembleCommand.mapped { () throws(AssembleFailure) in try AssembleAction.collectFiles(paths) }
        let reader = CompletedMatrixReader(schemas: schemas)
        var diagnostics: [Diagnostic] = []
        var result: [ActionPlan] = []
        var bad = 0
        for url in files {
            let (located, found) = reader.read(url)
            var problems = found
            if let located { problems += CompletedMatrixValidation.check(located, against: module) }
            diagnostics += problems
            guard let located, !problems.hasErrors else {
                bad += 1
                continue
            }
            result.append(ActionPlan(matrix: located.matrix, module: module, catalogue: catalogue, source: DisplayPath.of(url)))
        }
        printer.print(diagnostics)
        if bad > 0 {
            throw CommandFailure.invalid("\(bad) of \(files.count) matrix file\(files.count == 1 ? "" : "s") \(bad == 1 ? "has" : "have") errors; nothing was written")
        }
        let byID = Dictionary(grouping: result, by: \.baseName)
        for (id, same) in byID.sorted(by: { $0.key < $1.key }) where same.count > 1 {
            throw CommandFailure.invalid(
                "\(same.map(\.source).joined(separator: " and ")) are both plan '\(id)' (drafts \(same.map { String($0.draft) }.joined(separator: ", "))): give the committee one draft per table")
        }
        return Compendium.sorted(result)
    }

    /// The module of `path`, or a failure after printing its errors.
    static func module(_ path: String, schemas: SchemaSet, printer: DiagnosticPrinter) throws -> Module {
        let read = ModuleCache.shared.read(URL(fileURLWithPath: path), schemas: schemas)
        printer.print(read.diagnostics.filter { $0.severity == .error })
        guard let module = read.module else {
            throw CommandFailure.invalid("\(DisplayPath.of(URL(fileURLWithPath: path))) has errors; nothing was written")
        }
        return module
    }

    /// `--language`, or the module's first language; a language the module does not declare is bad usage.
    static func language(_ given: String?, module: Module) throws -> String {
        let language = given ?? module.mainLanguage
        guard module.languages.contains(language) else {
            throw CommandFailure(
                message: "--language \(language): module '\(module.id)' is written in \(module.languages.joined(separator: ", "))", code: TequioExit.usage)
        }
        return language
    }
}
