import Foundation
import TequioModel
import TequioReaders

/// Checks a completed-matrix file: schema first, then against its module's matrix definition.
struct CompletedMatrixChecker {
    let schemas: SchemaSet
    let moduleOverride: String?

    func check(_ url: URL) -> [Diagnostic] {
        let (located, diagnostics) = CompletedMatrixReader(schemas: schemas).read(url)
        guard let located else { return diagnostics }
        let moduleURL = moduleOverride.map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: "modules").appendingPathComponent(located.matrix.moduleID)
        let moduleResult = ModuleCache.shared.read(moduleURL, schemas: schemas)
        guard let module = moduleResult.module else {
            return diagnostics + [
                .error(
                    MatrixDiagnosticID.moduleNotFound,
                    "cannot load module '\(located.matrix.moduleID)' from \(DisplayPath.of(moduleURL)) to check this matrix against; pass --module",
                    at: located.rootLocation)
            ] + moduleResult.diagnostics.filter { $0.severity == .error }
        }
        return diagnostics + CompletedMatrixValidation.check(located, against: module)
    }
}

extension CompletedMatrixChecker {
    /// A score file: schema first, then against its module's rubric.
    func checkScores(_ url: URL) -> [Diagnostic] {
        let (located, diagnostics) = ScoreSheetReader(schemas: schemas).read(url)
        guard let located else { return diagnostics }
        let moduleURL = moduleOverride.map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: "modules").appendingPathComponent(located.sheet.moduleID)
        guard let module = ModuleCache.shared.read(moduleURL, schemas: schemas).module else {
            return diagnostics + [
                .error(
                    MatrixDiagnosticID.moduleNotFound,
                    "cannot load module '\(located.sheet.moduleID)' from \(DisplayPath.of(moduleURL)) to check these scores against; pass --module",
                    at: located.rootLocation)
            ]
        }
        return diagnostics + ScoreValidation.check(located, against: module)
    }
}

/// Modules read once per run, by folder.
final class ModuleCache: @unchecked Sendable {
    static let shared = ModuleCache()
    private var cache: [String: ModuleReadResult] = [:]
    private let lock = NSLock()

    func read(_ url: URL, schemas: SchemaSet) -> ModuleReadResult {
        let key = url.standardizedFileURL.path
        lock.lock()
        defer { lock.unlock() }
        if let cached = cache[key] { return cached }
        let result = ModuleReader(schemas: schemas).read(url)
        cache[key] = result
        return result
    }
}
