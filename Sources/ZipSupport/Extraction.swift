import Foundation

/// Writes extracted files into a fresh temporary folder and renames it into place at the end.
enum Extraction {
    /// A folder being filled: paths are relative and already checked by `EntryName`.
    struct Root {
        let url: URL

        func makeFolder(_ path: String) throws {
            let folder = url.appendingPathComponent(path, isDirectory: true)
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw ArchiveError.io(path: folder.path, message: "cannot create folder")
            }
        }

        /// A new file, created exclusively (`O_EXCL | O_NOFOLLOW`): never an existing file or link.
        func createFile(_ path: String) throws -> FileDescriptor {
            if let slash = path.lastIndex(of: "/") { try makeFolder(String(path[..<slash])) }
            return try FileDescriptor(
                path: url.appendingPathComponent(path).path,
                flags: O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW)
        }
    }

    /// Throws unless `directory` is missing or an empty folder, so the final rename can succeed.
    static func requireEmptyOrMissing(_ directory: URL) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory.path, isDirectory: &isDirectory) else { return }
        let contents = isDirectory.boolValue ? (try? manager.contentsOfDirectory(atPath: directory.path)) : nil
        guard contents?.isEmpty == true else {
            throw ArchiveError.io(path: directory.relativePath, message: "exists and is not an empty folder")
        }
    }

    /// Runs `fill` on a temporary folder beside `directory`, then renames it to `directory`. On any
    /// error the temporary folder is removed.
    static func run(into directory: URL, fill: (Root) throws -> Void) throws {
        let manager = FileManager.default
        let parent = directory.deletingLastPathComponent()
        let temporary = TemporaryName.beside(directory, kind: "extract")
        let createdFolders = missingFolders(upTo: parent)
        var renamed = false
        defer {
            if !renamed {
                try? manager.removeItem(at: temporary)
                // Remove the parents this call created, innermost first; rmdir keeps non-empty ones.
                for folder in createdFolders.reversed() { rmdir(folder.path) }
            }
        }
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try manager.createDirectory(at: temporary, withIntermediateDirectories: false)
        } catch {
            throw ArchiveError.io(path: directory.relativePath, message: "cannot create temporary folder")
        }
        try fill(Root(url: temporary))
        guard rename(temporary.path, directory.path) == 0 else {
            throw FileDescriptor.error(directory.relativePath, "cannot move extracted folder into place")
        }
        renamed = true
    }

    /// The folders from the outermost missing ancestor of `folder` down to `folder`.
    private static func missingFolders(upTo folder: URL) -> [URL] {
        var missing: [URL] = []
        var current = folder.standardizedFileURL
        while !FileManager.default.fileExists(atPath: current.path), current.path != "/" {
            missing.insert(current, at: 0)
            current = current.deletingLastPathComponent()
        }
        return missing
    }
}
