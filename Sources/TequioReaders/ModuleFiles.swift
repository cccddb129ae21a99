import Foundation
import TequioModel

/// Resolves paths named inside a module (media, data, includes), never letting one leave the module
/// folder.
struct ModuleFiles {
    let root: URL
    private let realRoot: String

    init(root: URL) {
        self.root = root.standardizedFileURL
        self.realRoot = root.resolvingSymlinksInPath().standardizedFileURL.path
    }

    enum Problem {
        case notRelative(String)
        case outside(String)
        case missing(String)
    }

    /// The file `reference` names, relative to `base` (a folder inside the module).
    func resolve(_ reference: String, relativeTo base: URL? = nil) -> Result<URL, ProblemBox> {
        if reference.isEmpty || reference.hasPrefix("/") || reference.contains("\\") || reference.contains("\0")
            || reference.range(of: "^[A-Za-z][A-Za-z0-9+.-]*:", options: .regularExpression) != nil
        {
            return .failure(ProblemBox(.notRelative(reference)))
        }
        let url = (base ?? root).appendingPathComponent(reference).standardizedFileURL
        let real = url.resolvingSymlinksInPath().standardizedFileURL.path
        guard real == realRoot || real.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/") else {
            return .failure(ProblemBox(.outside(reference)))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return .failure(ProblemBox(.missing(reference)))
        }
        return .success(url)
    }

    /// The path of `url` relative to the module folder, with `/` separators.
    func relativePath(of url: URL) -> String {
        let path = url.standardizedFileURL.path
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    struct ProblemBox: Error {
        let problem: Problem
        init(_ problem: Problem) { self.problem = problem }

        func diagnostic(at location: SourceLocation, what: String) -> Diagnostic {
            switch problem {
            case .notRelative(let r):
                .error(ModuleDiagnosticID.fileOutsideModule, "\(what) '\(r)' must be a relative path inside the module folder", at: location)
            case .outside(let r):
                .error(ModuleDiagnosticID.fileOutsideModule, "\(what) '\(r)' points outside the module folder", at: location)
            case .missing(let r):
                .error(ModuleDiagnosticID.missingFile, "\(what) '\(r)' does not exist", at: location)
            }
        }
    }
}
