import Foundation
import TequioModel
import TequioReaders
import XMLSupport

/// Decides what each path is (module or completed matrix) and checks it.
struct Checker {
    let schemas: SchemaSet
    let moduleOverride: String?

    struct Outcome {
        var diagnostics: [Diagnostic]
        var files: Int
    }

    func check(_ url: URL) -> Outcome {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            return Outcome(
                diagnostics: [.error(ModuleDiagnosticID.notFound, "no such file or folder", at: SourceLocation(file: DisplayPath.of(url)))],
                files: 0)
        }
        if isDirectory.boolValue || url.lastPathComponent == ModuleReader.entryFileName {
            let result = ModuleReader(schemas: schemas).read(url)
            return Outcome(diagnostics: result.diagnostics, files: result.files.count)
        }
        switch RootSniffer.namespace(of: url) {
        case CompletedMatrixReader.namespace?:
            let result = CompletedMatrixChecker(schemas: schemas, moduleOverride: moduleOverride).check(url)
            return Outcome(diagnostics: result, files: 1)
        default:
            let result = ModuleReader(schemas: schemas).read(url)
            return Outcome(diagnostics: result.diagnostics, files: max(1, result.files.count))
        }
    }
}

/// Reads just enough of a file to tell which of our formats it claims to be.
enum RootSniffer {
    static func namespace(of url: URL) -> String? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        let head = String(decoding: handle.readData(ofLength: 4096), as: UTF8.self)
        for ns in [CompletedMatrixReader.namespace, ModuleReader.namespace] where head.contains("\"\(ns)\"") || head.contains("'\(ns)'") {
            return ns
        }
        return nil
    }
}
