import Foundation
import TequioModel
import TequioReaders
import ZipSupport

/// Raw zip bytes through `SafeArchiveReader`: `entryNames`, `read` and `extract`, with the limits of
/// `tequio import` (`SpreadsheetFile.archiveLimits`). Checked: only `ArchiveError`s are thrown;
/// `extract` succeeds only where `read` does, with the same files; a refused extraction leaves
/// nothing behind (no target folder, no temporary folder); nothing is ever written outside the
/// target folder.
enum ZipTarget {
    static let target = FuzzTarget(
        name: "zip", summary: "raw zip bytes via SafeArchiveReader.entryNames / read / extract", options: ["-max_len=65536"],
        run: run)

    private static let base = FuzzEnvironment.scratch("zip")

    static func run(_ data: Data) -> FuzzOutcome {
        let limits = SpreadsheetFile.archiveLimits
        let work = FuzzEnvironment.emptied(base.appendingPathComponent("w", isDirectory: true))
        let archive = work.appendingPathComponent("input.zip")
        FuzzEnvironment.write(data, to: archive)
        let target = work.appendingPathComponent("out", isDirectory: true)

        _ = try? SafeArchiveReader.entryNames(archive, limits: limits)
        var diagnostics: [Diagnostic] = []
        var tree: FileTree?
        do {
            tree = try SafeArchiveReader.read(archive, limits: limits)
        } catch {
            diagnostics.append(diagnostic(error))
        }
        var extracted = false
        do {
            try SafeArchiveReader.extract(archive, to: target, limits: limits)
            extracted = true
        } catch {
            if tree != nil { diagnostics.append(diagnostic(error)) }
        }

        let left = (try? FileManager.default.contentsOfDirectory(atPath: work.path).sorted()) ?? []
        if extracted {
            FuzzCheck.require(tree != nil, "extract accepted an archive that read refused: \(diagnostics.map(\.formatted))")
            FuzzCheck.require(left == ["input.zip", "out"], "extract left \(left) beside its target")
            if let tree {
                let files = regularFiles(under: target)
                FuzzCheck.require(
                    files.keys.sorted() == tree.sortedPaths.sorted() && files.allSatisfy { tree[$0.key] == $0.value },
                    "extract wrote other files than read returned: \(files.keys.sorted()) vs \(tree.sortedPaths)")
            }
        } else {
            FuzzCheck.require(left == ["input.zip"], "a refused extraction left \(left)")
        }
        return FuzzOutcome(accepted: tree != nil, diagnostics: diagnostics)
    }

    private static func diagnostic(_ error: Error) -> Diagnostic {
        guard let error = error as? ArchiveError else {
            FuzzCheck.require(false, "SafeArchiveReader threw \(type(of: error)), not an ArchiveError: \(error)")
            fatalError()
        }
        return .error(error.diagnosticID, error.message, at: nil)
    }

    /// Regular files below `folder` by relative path (symlinks would show up as a mismatch).
    private static func regularFiles(under folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let prefix = folder.resolvingSymlinksInPath().path + "/"
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return files }
        while let relative = walker.nextObject() as? String {
            let url = folder.appendingPathComponent(relative)
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey, .fileSizeKey])
            FuzzCheck.require(values?.isSymbolicLink != true, "extract created a symlink at \(relative)")
            FuzzCheck.require(url.resolvingSymlinksInPath().path.hasPrefix(prefix), "extract wrote \(relative) outside its target")
            // Empty files are not read through Foundation, which leaks 4 KiB on each (see SafeXMLParser.readFile).
            if values?.isRegularFile == true { files[relative] = values?.fileSize == 0 ? Data() : (try? Data(contentsOf: url)) ?? Data() }
        }
        return files
    }
}
