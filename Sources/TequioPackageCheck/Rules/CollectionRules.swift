import Foundation
import TequioModel

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
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tequio-check-\(getpid())-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, path) in nested.enumerated() {
            let url = folder.appendingPathComponent("\(index).\((path as NSString).pathExtension)")
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try p.tree[path]!.write(to: url)
            } catch {
                p.error("zip.io", "cannot check \(path): \(error.localizedDescription)", entry: path)
                continue
            }
            let checker = PackageChecker(schemas: p.schemas, nestingDepth: p.nestingDepth + 1)
            p.add(checker.check(url, displayPath: "\(p.displayPath)!\(path)").diagnostics)
        }
    }
}
