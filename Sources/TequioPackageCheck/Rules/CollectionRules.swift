import Foundation
import TequioModel
import ZipSupport

/// A zip that carries documents (the blank spreadsheets of the face-to-face kit): each document or
/// package inside is checked with its own rules, named `outer.zip!inner.xlsx!xl/workbook.xml`. Only one
/// level deep, so a zip of zips of zips cannot make the check recurse.
enum CollectionRules: PackageRules {
    static func check(_ p: PackageContents) {
        let nested = p.files.filter { PackageKind.extensions[($0 as NSString).pathExtension.lowercased()] != nil }
        guard p.nestingDepth == 0 else {
            for path in nested { p.warning(PackageDiagnosticID.unknownKind, "\(path) is a package inside a package inside a zip: not checked", entry: path) }
            return
        }
        let temporary = FileManager.default.temporaryDirectory
        removeFoldersOfDeadProcesses(in: temporary)
        let folder = temporary.appendingPathComponent("\(prefix)\(getpid())-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, path) in nested.enumerated() {
            let url = folder.appendingPathComponent("\(index).\((path as NSString).pathExtension)")
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try p.tree[path]!.write(to: url)
            } catch {
                p.error(ZipDiagnosticID.io, "cannot check \(path): \(error.localizedDescription)", entry: path)
                continue
            }
            let checker = PackageChecker(schemas: p.schemas, nestingDepth: p.nestingDepth + 1)
            p.add(checker.check(url, displayPath: "\(p.displayPath)!\(path)").diagnostics)
        }
    }

    static let prefix = "tequio-check-"

    /// A check killed half-way (`kill -9` during `tequio build`) leaves its folder behind; the next one
    /// removes the folders whose process is gone (the pid is in the name).
    static func removeFoldersOfDeadProcesses(in folder: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count).prefix { $0.isNumber }), pid > 0, pid != getpid() else { continue }
            if kill(pid, 0) == -1 && errno == ESRCH { try? FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }
        }
    }
}
