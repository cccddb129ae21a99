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
            return .failure(ProblemBox(.missing(reference), nearMatch: nearMatch(reference, in: base ?? root)))
        }
        return .success(url)
    }

    /// A file whose name differs from `reference` only in letter case or in how its accents are
    /// encoded (NFC `ñ` against NFD `n` + `◌̃`, as files copied from a Mac may be), relative to `base`.
    func nearMatch(_ reference: String, in base: URL) -> (path: String, why: String)? {
        var folder = base
        var found: [String] = []
        var why = ""
        for name in reference.split(separator: "/").map(String.init) {
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return nil }
            // Swift's == treats canonically equivalent strings as equal: compare the bytes first.
            if entries.contains(where: { $0.utf8.elementsEqual(name.utf8) }) {
                found.append(name)
            } else if let e = entries.first(where: { $0 == name }) {
                found.append(e)
                why = "its accents are stored as separate marks (Unicode NFD, as on macOS); the same letters in the module are single characters"
            } else if let e = entries.first(where: { $0.precomposedStringWithCanonicalMapping.lowercased() == name.precomposedStringWithCanonicalMapping.lowercased() }) {
                found.append(e)
                if why.isEmpty { why = "the letter case differs, and web servers, LMSs and zips treat them as different files" }
            } else {
                return nil
            }
            folder = folder.appendingPathComponent(found.last!)
        }
        return why.isEmpty ? nil : (found.joined(separator: "/"), why)
    }

    /// The path of `url` relative to the module folder, with `/` separators.
    func relativePath(of url: URL) -> String {
        let path = url.standardizedFileURL.path
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    struct ProblemBox: Error {
        let problem: Problem
        let nearMatch: (path: String, why: String)?
        init(_ problem: Problem, nearMatch: (path: String, why: String)? = nil) {
            self.problem = problem
            self.nearMatch = nearMatch
        }

        func diagnostic(at location: SourceLocation, what: String) -> Diagnostic {
            switch problem {
            case .notRelative(let r):
                .error(ModuleDiagnosticID.fileOutsideModule, "\(what) '\(r)' must be a relative path inside the module folder", at: location)
            case .outside(let r):
                .error(ModuleDiagnosticID.fileOutsideModule, "\(what) '\(r)' points outside the module folder", at: location)
            case .missing(let r):
                .error(
                    ModuleDiagnosticID.missingFile,
                    "\(what) '\(r)' does not exist"
                        + (nearMatch.map { "; there is '\($0.path)', but \($0.why): rename the file or retype its name in the module" } ?? ""),
                    at: location)
            }
        }
    }
}
