import Foundation
import TequioModel
import TequioReaders

/// Reads the drafts given to `tequio compare` (and `merge`): each checked against its module, all of
/// one module's matrix, put in order of their draft number.
struct DraftReader {
    struct Draft {
        var matrix: CompletedMatrix
        var path: String
    }

    struct Result {
        var diagnostics: [Diagnostic] = []
        /// Oldest first; nil when any draft has an error.
        var drafts: [Draft]?
        var module: Module?
    }

    let schemas: SchemaSet
    let moduleFolder: String?
    /// Put the drafts in order of their draft number (a comparison); a merge keeps the order given.
    var ordered = true

    func read(_ urls: [URL]) throws -> Result {
        var result = Result()
        if let moduleFolder {
            let read = ModuleCache.shared.read(URL(fileURLWithPath: moduleFolder), schemas: schemas)
            result.diagnostics += read.diagnostics.filter { $0.severity == .error }
            guard let module = read.module else {
                throw CommandFailure.invalid("\(DisplayPath.of(URL(fileURLWithPath: moduleFolder))) has errors; nothing was written")
            }
            result.module = module
        }
        let reader = CompletedMatrixReader(schemas: schemas)
        var drafts: [(draft: Draft, location: SourceLocation?)] = []
        var failed = false
        for url in urls {
            guard FileManager.default.fileExists(atPath: url.path) else { throw CommandFailure.io("\(url.relativePath): no such file") }
            let (located, found) = reader.read(url)
            result.diagnostics += found
            guard let located, !found.hasErrors else {
                failed = true
                continue
            }
            if result.module == nil {
                let moduleURL = URL(fileURLWithPath: "modules").appendingPathComponent(located.matrix.moduleID)
                result.module = ModuleCache.shared.read(moduleURL, schemas: schemas).module
                if result.module == nil {
                    result.diagnostics.append(
                        .error(
                            MatrixDiagnosticID.moduleNotFound,
                            "cannot load module '\(located.matrix.moduleID)' from \(DisplayPath.of(moduleURL)); pass --module",
                            at: located.rootLocation))
                    failed = true
                    continue
                }
            }
            let checks = CompletedMatrixValidation.check(located, against: result.module!)
            result.diagnostics += checks
            if checks.hasErrors { failed = true }
            if let first = drafts.first?.draft.matrix, first.matrixID != located.matrix.matrixID || first.moduleID != located.matrix.moduleID {
                result.diagnostics.append(
                    .error(
                        CompareDiagnosticID.differentMatrices,
                        "this draft is of matrix '\(located.matrix.matrixID)' of module '\(located.matrix.moduleID)', the first of '\(first.matrixID)' of '\(first.moduleID)': compare drafts of one table's matrix",
                        at: located.rootLocation))
                failed = true
            }
            drafts.append((Draft(matrix: located.matrix, path: DisplayPath.of(url)), located.rootLocation))
        }
        guard !failed else { return result }
        guard ordered else {
            result.drafts = drafts.map(\.draft)
            return result
        }
        result.diagnostics += Self.orderWarnings(drafts)
        result.drafts = drafts.enumerated().sorted { a, b in
            a.element.draft.matrix.draft != b.element.draft.matrix.draft
                ? a.element.draft.matrix.draft < b.element.draft.matrix.draft : a.offset < b.offset
        }.map(\.element.draft)
        return result
    }

    /// Drafts given out of order, or a later draft with an earlier date: said, never silently reordered.
    static func orderWarnings(_ drafts: [(draft: Draft, location: SourceLocation?)]) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for (previous, next) in zip(drafts, drafts.dropFirst()) {
            let a = previous.draft.matrix, b = next.draft.matrix
            if b.draft < a.draft {
                warnings.append(
                    .warning(
                        CompareDiagnosticID.draftOrder,
                        "draft \(b.draft) was given after draft \(a.draft) (\(previous.draft.path)); the drafts are compared in order of their draft number",
                        at: next.location))
            } else if b.draft > a.draft, b.modified < a.modified {
                warnings.append(
                    .warning(
                        CompareDiagnosticID.dateOrder,
                        "draft \(b.draft) was modified on \(b.modified), before draft \(a.draft) (\(a.modified)); its changes keep its own date",
                        at: next.location))
            }
        }
        return warnings
    }
}
